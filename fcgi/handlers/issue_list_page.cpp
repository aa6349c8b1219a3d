// /issues and /projects/:identifier/issues: filtered, sorted, keyset-paginated issue lists,
// with the saved queries, the search box and the CSV link.
#include "fcgi/handlers/handlers.hpp"

#include "core/app/query_service.hpp"
#include "core/domain/issue_query.hpp"
#include "core/domain/permissions.hpp"
#include "core/domain/saved_query.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/handlers/issue_list_request.hpp"
#include "fcgi/handlers/issue_views.hpp"
#include "fcgi/url_encode.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

using domain::SortKey;

void addSortLinks(ctemplate::TemplateDictionary& dict, const domain::IssueQuery& q, const std::string& base) {
    static const std::pair<SortKey, const char*> columns[] = {
        {SortKey::Id, "SORT_ID"},           {SortKey::Tracker, "SORT_TRACKER"},
        {SortKey::Status, "SORT_STATUS"},   {SortKey::Priority, "SORT_PRIORITY"},
        {SortKey::Subject, "SORT_SUBJECT"}, {SortKey::Assignee, "SORT_ASSIGNEE"},
        {SortKey::Updated, "SORT_UPDATED"}};
    for (const auto& [key, name] : columns) {
        domain::IssueQuery sorted = q;
        sorted.after.reset();
        sorted.before.reset();
        // Clicking the current column flips it; a new column starts descending like Redmine's id.
        sorted.descending = q.sort == key ? !q.descending : true;
        sorted.sort = key;
        dict.SetValue(name, base + "?" + domain::toQueryString(sorted));
        if (q.sort == key) dict.SetValue(std::string(name) + "_MARK", q.descending ? "\u25BC" : "\u25B2");
    }
}

void addFilters(ctemplate::TemplateDictionary& dict, const domain::IssueQuery& q, const domain::Catalog& catalog,
                const domain::Project* project) {
    const char* scope = q.statusScope == domain::StatusScope::Open     ? "open"
                        : q.statusScope == domain::StatusScope::Closed ? "closed"
                        : q.statusScope == domain::StatusScope::All    ? "*"
                                                                       : "";
    for (const auto& [value, label] :
         std::vector<std::pair<std::string, std::string>>{{"open", "open"}, {"closed", "closed"}, {"*", "all"}}) {
        auto* row = dict.AddSectionDictionary("STATUS_SCOPE");
        row->SetValue("VALUE", value);
        row->SetValue("NAME", label);
        row->SetValue("SELECTED", value == scope ? "selected" : "");
    }
    addOptions(dict, "STATUS_OPTION", statusOptions(catalog, {}), q.statusIds);
    addOptions(dict, "TRACKER_OPTION", trackerOptions(catalog, project ? project->trackerIds : std::vector<unsigned>{}),
               q.trackerIds);
    addOptions(dict, "PRIORITY_OPTION", priorityOptions(catalog), q.priorityIds);
    std::vector<Option> staff;
    for (const auto& u : catalog.staff) {
        if (u.active) staff.push_back({u.id, u.name});
    }
    addOptions(dict, "ASSIGNEE_OPTION", staff, q.assigneeMe ? std::vector<unsigned>{} : q.assigneeIds);
    if (q.assigneeMe) dict.SetValue("ASSIGNEE_ME_SELECTED", "selected");
    if (q.assigneeNone) dict.SetValue("ASSIGNEE_NONE_SELECTED", "selected");
    std::vector<Option> milestones;
    for (const auto& m : catalog.milestones) {
        if (!project || m.projectId == project->id) milestones.push_back({m.id, m.name});
    }
    addOptions(dict, "MILESTONE_OPTION", milestones, q.milestoneIds);
}

/// The saved queries the actor may apply here, the one applied marked, with delete buttons
/// where allowed; and the link that saves the current filters as a new query.
void addSavedQueries(RequestContext& ctx, ctemplate::TemplateDictionary& dict, const ListRequest& list,
                     const std::string& canonical) {
    const auto& actor = ctx.actor();
    const std::optional<unsigned> projectId = list.project ? std::optional<unsigned>(list.project->id) : std::nullopt;
    for (const auto& q : app::QueryService(ctx.db).visible(actor, projectId)) {
        auto* row = dict.AddSectionDictionary("SAVED_QUERY");
        row->SetIntValue("QUERY_ID", q.id);
        row->SetValue("QUERY_NAME", q.name);
        row->SetValue("QUERY_URL", list.base + "?query_id=" + std::to_string(q.id));
        if (q.isPublic) row->ShowSection("QUERY_PUBLIC");
        if (list.savedQuery && list.savedQuery->id == q.id) row->ShowSection("QUERY_CURRENT");
        if (domain::canDeleteQuery(actor, q.ref())) row->ShowSection("QUERY_CAN_DELETE");
        dict.ShowSection("HAS_SAVED_QUERIES");
    }
    if (domain::canSaveQuery(actor, projectId)) {
        const std::string project = list.project ? "project_id=" + urlEncode(list.project->identifier) + "&" : "";
        dict.SetValueAndShowSection("NEW_QUERY_URL", "/queries/new?" + project + canonical, "CAN_SAVE_QUERY");
    }
}

} // namespace

void issueList(RequestContext& ctx) {
    const auto& actor = ctx.actor();
    auto list = readListRequest(ctx);
    if (!list) return;
    const domain::Project* project = list->project;
    auto& parsed = list->parsed;
    auto& q = parsed.query;
    storage::IssueRepository issues(ctx.db);
    const auto page = issues.list(q, list->statusIds, list->visibility);
    const std::string queryName = list->savedQuery ? list->savedQuery->name : std::string();

    ctemplate::TemplateDictionary dict("issues");
    const std::string& base = list->base;
    dict.SetValue("BASE", base);
    if (project) {
        dict.SetValueAndShowSection("PROJECT_NAME", project->name, "IN_PROJECT");
        dict.SetValue("PROJECT_IDENTIFIER", project->identifier);
        if (actor.allowedTo(domain::Permission::AddIssues, project->id)) dict.ShowSection("CAN_ADD");
    }
    const std::string title =
        (project ? project->name + ": " : std::string()) + (queryName.empty() ? "Issues" : queryName);
    dict.SetValue("LIST_TITLE", title);
    for (const auto& e : parsed.errors) dict.SetValueAndShowSection("MESSAGE", e, "QUERY_ERROR");
    if (page.total) {
        dict.SetIntValue("TOTAL", *page.total);
        dict.ShowSection("HAS_TOTAL");
    }
    for (const auto& row : page.rows) {
        auto* r = dict.AddSectionDictionary("ISSUE");
        r->SetIntValue("ID", row.id);
        r->SetValue("TRACKER", ctx.catalog.trackerName(row.trackerId));
        r->SetValue("STATUS", ctx.catalog.statusName(row.statusId));
        r->SetValue("PRIORITY", ctx.catalog.priorityName(row.priorityId));
        r->SetValue("SUBJECT", row.subject);
        if (row.assigneeId) r->SetValue("ASSIGNEE", personName(ctx.catalog, row.assigneeId, ""));
        r->SetValue("UPDATED", shortTime(row.updatedAt));
        if (!project) r->SetValueAndShowSection("PROJECT", ctx.catalog.project(row.projectId)->name, "SHOW_PROJECT");
    }
    if (!project) dict.ShowSection("PROJECT_COLUMN");
    if (page.rows.empty()) dict.ShowSection("NO_ISSUES");
    // Page links keep naming the saved query (its title, its mark in the list); the request's
    // own parameters, which the links carry, win over the query's.
    const std::string canonical =
        (list->savedQuery ? "query_id=" + std::to_string(list->savedQuery->id) + "&" : std::string()) +
        domain::toQueryString(q);
    if (page.hasNext && !page.rows.empty()) {
        const auto& last = page.rows.back();
        dict.SetValueAndShowSection(
            "NEXT_URL",
            base + "?" + canonical + "&after=" + urlEncode(domain::encodeCursor({last.sortValue, last.id, false})),
            "HAS_NEXT");
    }
    if (page.hasPrevious && !page.rows.empty()) {
        const auto& first = page.rows.front();
        dict.SetValueAndShowSection(
            "PREV_URL",
            base + "?" + canonical + "&before=" + urlEncode(domain::encodeCursor({first.sortValue, first.id, false})),
            "HAS_PREV");
    }
    addSortLinks(dict, q, base);
    addSavedQueries(ctx, dict, *list, canonical);
    dict.SetValue("CSV_URL", base + ".csv?" + canonical);
    addFilters(dict, q, ctx.catalog, project);
    dict.SetIntValue("LIMIT", q.limit);
    // Bad filter values are named on the page, which lists with the defaults in their place.
    ctx.renderPage("issues.tpl", dict, title, parsed.errors.empty() ? 200 : 400);
}

} // namespace ticketflow::web::handlers
