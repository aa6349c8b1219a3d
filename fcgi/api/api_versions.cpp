// Versions (ticketflow's milestones) through the REST API: list, show, create, update, delete.
// Read from the database, not the worker's catalog snapshot, so a client sees its own writes.
#include "fcgi/api/api_handlers.hpp"

#include "core/app/milestone_service.hpp"
#include "core/storage/milestone_repository.hpp"
#include "fcgi/api/api_project.hpp"
#include "fcgi/api/json_views.hpp"

namespace ticketflow::web::api {

namespace {

const char* const kNoVersion = "No such version.";

/// The route's version if the actor is a member of its project (Redmine answers 404 otherwise).
std::optional<storage::MilestoneRow> routeVersion(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    auto m = id ? storage::MilestoneRepository(ctx.db).find(*id) : std::nullopt;
    if (!m || !ctx.actor().isMemberOf(m->projectId)) {
        respondError(ctx, 404, kNoVersion);
        return std::nullopt;
    }
    return m;
}

Json milestoneJson(const storage::MilestoneRow& m, const domain::Catalog& catalog) {
    Json j;
    j["id"] = m.id;
    const domain::Project* project = catalog.project(m.projectId);
    j["project"] = named(m.projectId, project ? project->name : "");
    j["name"] = m.fields.name;
    j["description"] = m.fields.description;
    j["status"] = m.fields.status;
    j["due_date"] = m.fields.dueDate.empty() ? Json(nullptr) : Json(m.fields.dueDate);
    j["sharing"] = "none";
    return j;
}

/// Applies the body's fields over `fields` (absent ones are kept; Redmine also accepts
/// effective_date for due_date). Adds type errors to `errors`.
void readFields(const nlohmann::json& body, domain::MilestoneFields& fields, std::vector<std::string>& errors) {
    if (auto v = textField(body, "name", errors)) fields.name = *v;
    if (auto v = textField(body, "description", errors)) fields.description = *v;
    if (auto v = textField(body, "effective_date", errors)) fields.dueDate = *v;
    if (auto v = textField(body, "due_date", errors)) fields.dueDate = *v;
    if (auto v = textField(body, "status", errors)) fields.status = *v;
}

/// Redmine's codes: 403 without the permission, 404 when gone, 422 for bad fields or in use.
void respondFailure(RequestContext& ctx, const app::MilestoneResult& result) {
    switch (result.outcome) {
        case app::Outcome::Forbidden:
            return respondErrors(ctx, 403, result.errors);
        case app::Outcome::NotFound:
            return respondError(ctx, 404, kNoVersion);
        default:
            return respondErrors(ctx, 422, result.errors);
    }
}

} // namespace

void versionsIndex(RequestContext& ctx) {
    const domain::Project* project = routeProject(ctx);
    if (!project) return;
    Json versions = Json::array();
    for (const auto& m : storage::MilestoneRepository(ctx.db).ofProject(project->id))
        versions.push_back(milestoneJson(m, ctx.catalog));
    const auto total = versions.size();
    respondJson(ctx, 200, Json{{"versions", std::move(versions)}, {"total_count", total}});
}

void versionShow(RequestContext& ctx) {
    const auto m = routeVersion(ctx);
    if (m) respondJson(ctx, 200, Json{{"version", milestoneJson(*m, ctx.catalog)}});
}

void versionCreate(RequestContext& ctx) {
    const domain::Project* project = routeProject(ctx);
    if (!project) return;
    const auto body = readBody(ctx, "version");
    if (!body) return;
    std::vector<std::string> errors;
    domain::MilestoneFields fields;
    readFields(*body, fields, errors);
    if (!errors.empty()) return respondErrors(ctx, 422, errors);
    const auto result = app::MilestoneService(ctx.db, ctx.catalog).create(ctx.actor(), project->id, fields);
    if (result.outcome != app::Outcome::Ok) return respondFailure(ctx, result);
    const auto created = storage::MilestoneRepository(ctx.db).find(result.milestoneId);
    if (!created) return respondError(ctx, 404, kNoVersion);
    ctx.res.setHeader("Location", "/versions/" + std::to_string(created->id) + ".json");
    respondJson(ctx, 201, Json{{"version", milestoneJson(*created, ctx.catalog)}});
}

void versionUpdate(RequestContext& ctx) {
    const auto m = routeVersion(ctx);
    if (!m) return;
    const auto body = readBody(ctx, "version");
    if (!body) return;
    std::vector<std::string> errors;
    domain::MilestoneFields fields = m->fields;
    readFields(*body, fields, errors);
    if (!errors.empty()) return respondErrors(ctx, 422, errors);
    const auto result = app::MilestoneService(ctx.db, ctx.catalog).update(ctx.actor(), m->id, fields);
    if (result.outcome != app::Outcome::Ok) return respondFailure(ctx, result);
    respondNoContent(ctx);
}

void versionDestroy(RequestContext& ctx) {
    const auto m = routeVersion(ctx);
    if (!m) return;
    const auto result = app::MilestoneService(ctx.db, ctx.catalog).remove(ctx.actor(), m->id);
    if (result.outcome != app::Outcome::Ok) return respondFailure(ctx, result);
    respondNoContent(ctx);
}

} // namespace ticketflow::web::api
