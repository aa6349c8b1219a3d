// Who is calling the REST API: Redmine's ways of passing credentials.
#pragma once
#include "fcgi/request_context.hpp"

namespace ticketflow::web::api {

/// Sets ctx.session from, in this order: the X-Redmine-API-Key header, the `key` query
/// parameter, HTTP Basic (login and password, or the API key as the login, as Redmine
/// accepts), or the browser's session cookie (then a state change needs X-CSRF-Token, as
/// for pages). Credentials that do not match answer 401 with WWW-Authenticate and return
/// false; no credentials leave the caller anonymous (true).
bool authenticate(RequestContext& ctx, int sessionHours);

/// 401 with `WWW-Authenticate: Basic realm="Redmine API"`, as Redmine answers.
void respondUnauthorized(RequestContext& ctx, const std::string& message);

} // namespace ticketflow::web::api
