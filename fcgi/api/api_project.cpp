// The project a REST call names.
#include "fcgi/api/api_project.hpp"

#include "fcgi/api/json_io.hpp"

namespace ticketflow::web::api {

const domain::Project* routeProject(RequestContext& ctx) {
    const auto it = ctx.req.params.find("project");
    const std::string ref = it == ctx.req.params.end() ? std::string() : it->second;
    const domain::Project* project = ctx.catalog.projectByRef(ref);
    if (!project) {
        respondError(ctx, 404, "No such project.");
        return nullptr;
    }
    if (!ctx.actor().isMemberOf(project->id)) {
        respondError(ctx, 403, "You are not a member of this project.");
        return nullptr;
    }
    return project;
}

const domain::Project* bodyProject(RequestContext& ctx, const nlohmann::json& body, std::vector<std::string>& errors) {
    const auto it = body.find("project_id");
    if (it != body.end() && it->is_string()) return ctx.catalog.projectByRef(it->get<std::string>());
    const auto id = idField(body, "project_id", errors);
    return id.value ? ctx.catalog.project(*id.value) : nullptr;
}

} // namespace ticketflow::web::api
