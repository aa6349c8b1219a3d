// The project a REST call names (members only: domain::Actor::isMemberOf).
#pragma once
#include "fcgi/request_context.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ticketflow::web::api {

/// The route's :project (an id or an identifier) if the actor is a member; otherwise answers
/// 404 (no such project) or 403 (not a member) and returns null.
const domain::Project* routeProject(RequestContext& ctx);

/// The body's "project_id": a number, or a string holding an id or an identifier (Redmine
/// accepts both). Null when absent or unknown; a wrong type adds an error.
const domain::Project* bodyProject(RequestContext& ctx, const nlohmann::json& body, std::vector<std::string>& errors);

} // namespace ticketflow::web::api
