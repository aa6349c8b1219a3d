// Milestone management at Redmine's URLs: the roadmap of a project, new/create, edit/update,
// delete. Managing needs ManageMilestones in the project (domain::canManageMilestones).
#include "fcgi/handlers/milestone_handlers.hpp"

#include "core/app/milestone_service.hpp"
#include "core/domain/milestone.hpp"
#include "fcgi/handlers/issue_views.hpp"

#include <algorithm>
#include <ctime>

namespace ticketflow::web::handlers {

namespace {

bool mayList(RequestContext& ctx, unsigned projectId) {
    const auto visible = visibilityFor(ctx.actor(), ctx.catalog).projectIds;
    return std::find(visible.begin(), visible.end(), projectId) != visible.end();
}

/// The project of the route's :identifier if the reader may list its issues; otherwise answers.
const domain::Project* routeProject(RequestContext& ctx) {
    const domain::Project* project = ctx.catalog.projectByIdentifier(ctx.req.params["identifier"]);
    if (!project) {
        ctx.renderError(404, "No such project.");
        return nullptr;
    }
    if (!mayList(ctx, project->id)) {
        ctx.denyAccess();
        return nullptr;
    }
    return project;
}

/// The posted fields; Redmine's form names (effective_date is its due date).
domain::MilestoneFields postedFields(const http::Request& req) {
    domain::MilestoneFields f;
    const auto take = [&](const char* name, std::string& into) {
        if (const std::string* v = req.formValue(name)) into = *v;
    };
    take("version[name]", f.name);
    take("version[description]", f.description);
    take("version[effective_date]", f.dueDate);
    take("version[status]", f.status);
    return f;
}

struct FormPage {
    const domain::Project* project = nullptr;
    unsigned milestoneId = 0; ///< 0: a new milestone
    domain::MilestoneFields fields;
    std::vector<std::string> errors;
};

void renderForm(RequestContext& ctx, const FormPage& page, int status) {
    ctemplate::TemplateDictionary dict("milestone_form");
    const std::string& identifier = page.project->identifier;
    dict.SetValue("PROJECT_IDENTIFIER", identifier);
    dict.SetValue("PROJECT_NAME", page.project->name);
    const bool editing = page.milestoneId != 0;
    const std::string title = editing ? "Edit milestone" : "New milestone";
    dict.SetValue("HEADING", title);
    dict.SetValue("ACTION",
                  editing ? "/versions/" + std::to_string(page.milestoneId) : "/projects/" + identifier + "/versions");
    dict.SetValue("BACK_URL",
                  editing ? "/versions/" + std::to_string(page.milestoneId) : "/projects/" + identifier + "/roadmap");
    if (editing) dict.SetValueAndShowSection("MILESTONE_ID", std::to_string(page.milestoneId), "CAN_DELETE");
    dict.SetValue("NAME", page.fields.name);
    dict.SetValue("DESCRIPTION", page.fields.description);
    dict.SetValue("DUE_DATE", page.fields.dueDate);
    for (const char* s : {"open", "locked", "closed"}) {
        auto* row = dict.AddSectionDictionary("STATUS_OPTION");
        row->SetValue("VALUE", s);
        row->SetValue("SELECTED", page.fields.status == s ? "selected" : "");
    }
    for (const auto& e : page.errors) dict.SetValueAndShowSection("MESSAGE", e, "ERROR");
    ctx.renderPage("milestone_form.tpl", dict, title, status);
}

/// Maps a use case's failure to a page: the form again (422) for what the user can fix.
void renderFailure(RequestContext& ctx, FormPage page, const app::MilestoneResult& result) {
    switch (result.outcome) {
        case app::Outcome::Forbidden:
            return ctx.renderError(403, result.errors.empty() ? "Forbidden." : result.errors.front());
        case app::Outcome::NotFound:
            return ctx.renderError(404, "No such milestone.");
        default:
            page.errors = result.errors;
            return renderForm(ctx, page, 422);
    }
}

void addRoadmapRow(ctemplate::TemplateDictionary& dict, const storage::MilestoneRow& m, const app::OpenClosed& counts,
                   const std::string& today, bool canManage) {
    auto* row = dict.AddSectionDictionary("MILESTONE");
    row->SetIntValue("ID", m.id);
    row->SetValue("NAME", m.fields.name);
    row->SetValue("STATUS", m.fields.status);
    row->SetValue("DUE_DATE", m.fields.dueDate.empty() ? "—" : m.fields.dueDate);
    row->SetValue("DESCRIPTION", m.fields.description);
    row->SetIntValue("OPEN", counts.open);
    row->SetIntValue("CLOSED", counts.closed);
    row->SetIntValue("PERCENT", domain::percentDone(counts.open, counts.closed));
    if (domain::isOverdue(m.fields.dueDate, today, counts.open)) row->ShowSection("OVERDUE");
    if (canManage) row->ShowSection("CAN_MANAGE");
}

} // namespace

std::string todayUtc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[11];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::optional<storage::MilestoneRow> routeMilestone(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    auto milestone = id ? storage::MilestoneRepository(ctx.db).find(*id) : std::nullopt;
    if (!milestone) {
        ctx.renderError(404, "No such milestone.");
        return std::nullopt;
    }
    if (!mayList(ctx, milestone->projectId)) {
        ctx.denyAccess();
        return std::nullopt;
    }
    return milestone;
}

void roadmap(RequestContext& ctx) {
    const domain::Project* project = routeProject(ctx);
    if (!project) return;
    const auto scope = visibilityFor(ctx.actor(), ctx.catalog);
    const auto progress = app::MilestoneService(ctx.db, ctx.catalog).progress(project->id, scope);
    const bool canManage = domain::canManageMilestones(ctx.actor(), project->id);
    const std::string today = todayUtc();

    ctemplate::TemplateDictionary dict("roadmap");
    dict.SetValue("PROJECT_IDENTIFIER", project->identifier);
    dict.SetValue("PROJECT_NAME", project->name);
    if (canManage) dict.ShowSection("CAN_MANAGE_ANY");
    const auto milestones = storage::MilestoneRepository(ctx.db).ofProject(project->id);
    for (const auto& m : milestones) {
        const auto it = progress.find(m.id);
        addRoadmapRow(dict, m, it == progress.end() ? app::OpenClosed{} : it->second, today, canManage);
    }
    if (milestones.empty()) dict.ShowSection("NO_MILESTONES");
    ctx.renderPage("roadmap.tpl", dict, "Roadmap · " + project->name);
}

void milestoneNewForm(RequestContext& ctx) {
    const domain::Project* project = routeProject(ctx);
    if (!project) return;
    if (!domain::canManageMilestones(ctx.actor(), project->id))
        return ctx.renderError(403, "You may not manage the milestones of this project.");
    renderForm(ctx, {project, 0, {}, {}}, 200);
}

void milestoneCreate(RequestContext& ctx) {
    const domain::Project* project = routeProject(ctx);
    if (!project) return;
    const FormPage page{project, 0, postedFields(ctx.req), {}};
    const auto result = app::MilestoneService(ctx.db, ctx.catalog).create(ctx.actor(), project->id, page.fields);
    if (result.outcome != app::Outcome::Ok) return renderFailure(ctx, page, result);
    ctx.redirectWithFlash("/versions/" + std::to_string(result.milestoneId), "milestone_saved");
}

void milestoneEditForm(RequestContext& ctx) {
    const auto milestone = routeMilestone(ctx);
    if (!milestone) return;
    if (!domain::canManageMilestones(ctx.actor(), milestone->projectId))
        return ctx.renderError(403, "You may not manage the milestones of this project.");
    renderForm(ctx, {ctx.catalog.project(milestone->projectId), milestone->id, milestone->fields, {}}, 200);
}

void milestoneUpdate(RequestContext& ctx) {
    const auto milestone = routeMilestone(ctx);
    if (!milestone) return;
    const FormPage page{ctx.catalog.project(milestone->projectId), milestone->id, postedFields(ctx.req), {}};
    const auto result = app::MilestoneService(ctx.db, ctx.catalog).update(ctx.actor(), milestone->id, page.fields);
    if (result.outcome != app::Outcome::Ok) return renderFailure(ctx, page, result);
    ctx.redirectWithFlash("/versions/" + std::to_string(milestone->id), "milestone_saved");
}

void milestoneDestroy(RequestContext& ctx) {
    const auto milestone = routeMilestone(ctx);
    if (!milestone) return;
    const domain::Project* project = ctx.catalog.project(milestone->projectId);
    const auto result = app::MilestoneService(ctx.db, ctx.catalog).remove(ctx.actor(), milestone->id);
    // Refused while in use: the edit form again, unchanged, with the reason.
    if (result.outcome != app::Outcome::Ok)
        return renderFailure(ctx, {project, milestone->id, milestone->fields, {}}, result);
    ctx.redirectWithFlash("/projects/" + project->identifier + "/roadmap", "milestone_deleted");
}

} // namespace ticketflow::web::handlers
