// The project a REST call names, and who counts as its member (Redmine lists projects to members).
#pragma once
#include "fcgi/request_context.hpp"

namespace ticketflow::web::api {

bool isMember(const domain::Actor& actor, unsigned projectId);

/// The route's :project (an id or an identifier) if the actor is a member; otherwise answers
/// 404 (no such project) or 403 (not a member) and returns null.
const domain::Project* routeProject(RequestContext& ctx);

} // namespace ticketflow::web::api
