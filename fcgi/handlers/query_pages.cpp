// Saved queries at Redmine's URLs: GET /queries/new?project_id=… (the list's filters come
// along), POST /queries, POST /queries/:id/delete.
#include "fcgi/handlers/query_handlers.hpp"

#include "core/app/query_service.hpp"
#include "core/domain/issue_query.hpp"
#include "core/domain/saved_query.hpp"
#include "core/domain/text.hpp"
#include "fcgi/handlers/issue_views.hpp"
#include "fcgi/http/form_parser.hpp"

#include <algorithm>
#include <functional>

namespace ticketflow::web::handlers {

namespace {

/// project_id (identifier or id) from the query string or the form; answers 404 for an
/// unknown project and denies one the actor may not list. `found` false when answered.
const domain::Project* projectParam(RequestContext& ctx, bool& found) {
    found = true;
    const std::string* ref = ctx.req.queryValue("project_id");
    if (!ref) ref = ctx.req.formValue("project_id");
    if (!ref || domain::isBlank(*ref)) return nullptr;
    const std::string text(domain::trim(*ref));
    const auto id = parseId(text);
    const domain::Project* project = id ? ctx.catalog.project(*id) : ctx.catalog.projectByIdentifier(text);
    if (!project) {
        found = false;
        ctx.renderError(404, "No such project.");
        return nullptr;
    }
    const auto visible = visibilityFor(ctx.actor(), ctx.catalog).projectIds;
    if (std::find(visible.begin(), visible.end(), project->id) == visible.end()) {
        found = false;
        ctx.denyAccess();
        return nullptr;
    }
    return project;
}

std::string namesOf(const std::vector<unsigned>& ids, const std::function<std::string(unsigned)>& name) {
    std::string out;
    for (unsigned id : ids) out += (out.empty() ? "" : ", ") + name(id);
    return out;
}

/// The filters in words, so the user sees what the query will keep.
void addSummary(ctemplate::TemplateDictionary& dict, const domain::IssueQuery& q, const domain::Catalog& catalog) {
    const auto add = [&](const std::string& label, const std::string& value) {
        if (value.empty()) return;
        auto* row = dict.AddSectionDictionary("FILTER");
        row->SetValue("LABEL", label);
        row->SetValue("VALUE", value);
    };
    switch (q.statusScope) {
        case domain::StatusScope::Open:
            add("Status", "open");
            break;
        case domain::StatusScope::Closed:
            add("Status", "closed");
            break;
        case domain::StatusScope::All:
            add("Status", "any");
            break;
        case domain::StatusScope::Listed:
            add("Status", namesOf(q.statusIds, [&](unsigned id) { return catalog.statusName(id); }));
            break;
    }
    add("Tracker", namesOf(q.trackerIds, [&](unsigned id) { return catalog.trackerName(id); }));
    add("Priority", namesOf(q.priorityIds, [&](unsigned id) { return catalog.priorityName(id); }));
    add("Milestone", namesOf(q.milestoneIds, [&](unsigned id) { return catalog.milestoneName(id); }));
    if (q.assigneeNone) add("Assignee", "nobody");
    add("Assignee", namesOf(q.assigneeIds, [&](unsigned id) {
            return q.assigneeMe && id == *q.assigneeMe ? std::string("me") : personName(catalog, id, "");
        }));
    add("Sort", std::string(domain::sortKeyName(q.sort)) + (q.descending ? " (descending)" : " (ascending)"));
    add("Per page", std::to_string(q.limit));
}

struct FormValues {
    std::string name;
    bool isPublic = false, forAll = false;
};

void renderForm(RequestContext& ctx, const domain::Project* project, const domain::QueryParseResult& parsed,
                const FormValues& values, const std::vector<std::string>& errors, int status) {
    ctemplate::TemplateDictionary dict("query_new");
    const std::optional<unsigned> projectId = project ? std::optional<unsigned>(project->id) : std::nullopt;
    if (project) {
        dict.SetValueAndShowSection("PROJECT_IDENTIFIER", project->identifier, "IN_PROJECT");
        dict.SetValue("PROJECT_NAME", project->name);
        dict.SetValue("BACK_URL", "/projects/" + project->identifier + "/issues");
    } else {
        dict.SetValue("BACK_URL", "/issues");
    }
    dict.SetValue("NAME", values.name);
    if (domain::canPublishQuery(ctx.actor(), projectId)) {
        dict.ShowSection("CAN_PUBLISH");
        dict.SetValue(values.isPublic ? "PUBLIC_CHECKED" : "PRIVATE_CHECKED", "checked");
    }
    if (values.forAll) dict.SetValue("FOR_ALL_CHECKED", "checked");
    http::Limits limits;
    for (const auto& [key, value] : http::parseUrlEncoded(domain::toQueryString(parsed.query), limits)) {
        auto* hidden = dict.AddSectionDictionary("HIDDEN");
        hidden->SetValue("KEY", key);
        hidden->SetValue("VALUE", value);
    }
    addSummary(dict, parsed.query, ctx.catalog);
    for (const auto& e : errors) dict.SetValueAndShowSection("MESSAGE", e, "ERROR");
    ctx.renderPage("query_new.tpl", dict, "New query", status);
}

} // namespace

void queryNewForm(RequestContext& ctx) {
    bool found = true;
    const domain::Project* project = projectParam(ctx, found);
    if (!found) return;
    const std::optional<unsigned> projectId = project ? std::optional<unsigned>(project->id) : std::nullopt;
    if (!domain::canSaveQuery(ctx.actor(), projectId)) return ctx.renderError(403, "You may not save queries here.");
    const auto parsed = domain::parseIssueQuery(ctx.req.query, ctx.actor().userId);
    renderForm(ctx, project, parsed, {}, parsed.errors, parsed.ok() ? 200 : 400);
}

void queryCreate(RequestContext& ctx) {
    bool found = true;
    const domain::Project* project = projectParam(ctx, found);
    if (!found) return;
    FormValues values;
    if (const std::string* name = ctx.req.formValue("query[name]")) values.name = *name;
    values.forAll = ctx.req.formValue("query_is_for_all") != nullptr;
    std::vector<std::string> errors;
    // Redmine's visibility values: 0 private, 1 roles (not offered here), 2 public.
    if (const std::string* visibility = ctx.req.formValue("query[visibility]")) {
        if (*visibility == "2")
            values.isPublic = true;
        else if (*visibility != "0")
            errors.push_back("Visibility must be 0 (private) or 2 (public).");
    }
    const auto parsed = domain::parseIssueQuery(ctx.req.form, ctx.actor().userId);
    if (!errors.empty()) return renderForm(ctx, project, parsed, values, errors, 422);

    app::NewQuery query;
    if (project && !values.forAll) query.projectId = project->id;
    query.name = values.name;
    query.isPublic = values.isPublic;
    query.filters = ctx.req.form;
    const auto result = app::QueryService(ctx.db).save(ctx.actor(), query);
    switch (result.outcome) {
        case app::Outcome::Ok: {
            const std::string list = project ? "/projects/" + project->identifier + "/issues" : "/issues";
            return ctx.res.redirect(list + "?query_id=" + std::to_string(result.queryId), 303);
        }
        case app::Outcome::Forbidden:
            return renderForm(ctx, project, parsed, values, result.errors, 403);
        default:
            return renderForm(ctx, project, parsed, values, result.errors, 422);
    }
}

void queryDestroy(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    app::QueryService queries(ctx.db);
    const auto query = id ? queries.findVisible(ctx.actor(), *id) : std::nullopt;
    if (!query) return ctx.renderError(404, "No such saved query.");
    switch (queries.remove(ctx.actor(), query->id)) {
        case app::Outcome::Ok: {
            const domain::Project* project = query->projectId ? ctx.catalog.project(*query->projectId) : nullptr;
            return ctx.res.redirect(project ? "/projects/" + project->identifier + "/issues" : "/issues", 303);
        }
        case app::Outcome::NotFound:
            return ctx.renderError(404, "No such saved query.");
        default:
            return ctx.renderError(403, query->builtin
                                            ? "Built-in queries cannot be deleted."
                                            : "Only the owner of a query or an administrator may delete it.");
    }
}

} // namespace ticketflow::web::handlers
