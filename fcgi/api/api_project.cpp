// The project a REST call names.
#include "fcgi/api/api_project.hpp"

#include "fcgi/api/json_io.hpp"

namespace ticketflow::web::api {

bool isMember(const domain::Actor& actor, unsigned projectId) {
    return actor.admin || actor.roles.count(projectId) > 0;
}

const domain::Project* routeProject(RequestContext& ctx) {
    const auto it = ctx.req.params.find("project");
    const std::string ref = it == ctx.req.params.end() ? std::string() : it->second;
    const domain::Project* project = nullptr;
    if (const auto id = parseId(ref)) project = ctx.catalog.project(*id);
    if (!project) project = ctx.catalog.projectByIdentifier(ref);
    if (!project) {
        respondError(ctx, 404, "No such project.");
        return nullptr;
    }
    if (!isMember(ctx.actor(), project->id)) {
        respondError(ctx, 403, "You are not a member of this project.");
        return nullptr;
    }
    return project;
}

} // namespace ticketflow::web::api
