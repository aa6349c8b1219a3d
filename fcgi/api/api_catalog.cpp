// Reference data through the REST API: projects, trackers, statuses, priorities (versions are
// in api_versions.cpp). Projects are listed only to their members, as in Redmine.
#include "fcgi/api/api_handlers.hpp"

#include "fcgi/api/api_project.hpp"
#include "fcgi/api/json_views.hpp"

namespace ticketflow::web::api {

namespace {

Json withTrackers(const domain::Project& project, const domain::Catalog& catalog, bool include) {
    Json j = projectJson(project);
    if (include) {
        Json trackers = Json::array();
        for (unsigned id : project.trackerIds) trackers.push_back(named(id, catalog.trackerName(id)));
        j["trackers"] = std::move(trackers);
    }
    return j;
}

bool includes(const http::Request& req, const std::string& what) {
    const std::string* list = req.queryValue("include");
    return list && ("," + *list + ",").find("," + what + ",") != std::string::npos;
}

} // namespace

void projectsIndex(RequestContext& ctx) {
    Json projects = Json::array();
    const bool trackers = includes(ctx.req, "trackers");
    for (const auto& p : ctx.catalog.projects) {
        if (ctx.actor().isMemberOf(p.id)) projects.push_back(withTrackers(p, ctx.catalog, trackers));
    }
    const auto total = projects.size();
    respondJson(ctx, 200, Json{{"projects", std::move(projects)}, {"total_count", total}, {"offset", 0}, {"limit", 25}});
}

void projectShow(RequestContext& ctx) {
    const domain::Project* project = routeProject(ctx);
    if (!project) return;
    respondJson(ctx, 200, Json{{"project", withTrackers(*project, ctx.catalog, includes(ctx.req, "trackers"))}});
}

void trackersIndex(RequestContext& ctx) {
    Json trackers = Json::array();
    for (const auto& t : ctx.catalog.trackers) {
        Json j;
        j["id"] = t.id;
        j["name"] = t.name;
        j["default_status"] = named(t.defaultStatusId, ctx.catalog.statusName(t.defaultStatusId));
        j["description"] = nullptr;
        trackers.push_back(std::move(j));
    }
    respondJson(ctx, 200, Json{{"trackers", std::move(trackers)}});
}

void statusesIndex(RequestContext& ctx) {
    Json statuses = Json::array();
    for (const auto& s : ctx.catalog.statuses) statuses.push_back(statusJson(s));
    respondJson(ctx, 200, Json{{"issue_statuses", std::move(statuses)}});
}

void prioritiesIndex(RequestContext& ctx) {
    Json priorities = Json::array();
    for (const auto& p : ctx.catalog.priorities) {
        Json j;
        j["id"] = p.id;
        j["name"] = p.name;
        j["is_default"] = p.isDefault;
        j["active"] = true;
        priorities.push_back(std::move(j));
    }
    respondJson(ctx, 200, Json{{"issue_priorities", std::move(priorities)}});
}

} // namespace ticketflow::web::api
