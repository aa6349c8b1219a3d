// GET /reports-auth: nginx's auth_request for the static report site.
#pragma once
#include "fcgi/request_context.hpp"

namespace ticketflow::web::handlers {

/// 204 for report readers (domain::reportAccess), 401 anonymous, 403 otherwise; never a
/// redirect, which auth_request would turn into a 500.
void reportsAuth(RequestContext& ctx);

} // namespace ticketflow::web::handlers
