// /issues and /projects/:identifier/issues: filtered, sorted, keyset-paginated issue lists.
#include "fcgi/handlers/handlers.hpp"

#include "core/domain/issue_query.hpp"
#include "core/domain/permissions.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/query_repository.hpp"
#include "fcgi/handlers/issue_views.hpp"
#include "fcgi/http/form_parser.hpp"
#include "fcgi/url_encode.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

using domain::SortKey;

/// The parameters of the list: the saved query's (query_id) under the request's own.
std::multimap<std::string, std::string> listParameters(RequestContext& ctx, const domain::Project* project,
                                                       std::string& queryName, bool& denied) {
    auto params = ctx.req.query;
    const std::string* queryId = ctx.req.queryValue("query_id");
    if (!queryId) return params;
    const auto id = parseId(*queryId);
    const auto saved = id ? storage::QueryRepository(ctx.db).find(*id) : std::nullopt;
    if (!saved || (saved->projectId && (!project || *saved->projectId != project->id)) ||
        (!saved->isPublic && saved->userId != ctx.actor().userId)) {
        denied = true;
        return params;
    }
    queryName = saved->name;
    http::Limits limits;
    for (const auto& [key, value] : http::parseUrlEncoded(saved->filters, limits)) {
        if (!params.count(key)) params.emplace(key, value);
    }
    return params;
}

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

} // namespace

void issueList(RequestContext& ctx) {
    const auto& actor = ctx.actor();
    const domain::Project* project = nullptr;
    if (ctx.req.params.count("identifier")) {
        project = ctx.catalog.projectByIdentifier(ctx.req.params.at("identifier"));
        if (!project) return ctx.renderError(404, "No such project.");
    }
    auto visibility = visibilityFor(actor, ctx.catalog);
    if (project && std::find(visibility.projectIds.begin(), visibility.projectIds.end(), project->id) ==
                       visibility.projectIds.end()) {
        return ctx.denyAccess();
    }
    std::string queryName;
    bool denied = false;
    const auto params = listParameters(ctx, project, queryName, denied);
    if (denied) return ctx.renderError(404, "No such saved query.");

    auto parsed = domain::parseIssueQuery(params, actor.userId);
    auto& q = parsed.query;
    if (project) q.projectId = project->id;
    const auto statusIds = statusIdsFor(q, ctx.catalog);
    storage::IssueRepository issues(ctx.db);
    const auto page = issues.list(q, statusIds, visibility);

    ctemplate::TemplateDictionary dict("issues");
    const std::string base = project ? "/projects/" + project->identifier + "/issues" : "/issues";
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
    const std::string canonical = domain::toQueryString(q);
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
    addFilters(dict, q, ctx.catalog, project);
    dict.SetIntValue("LIMIT", q.limit);
    // Bad filter values are named on the page, which lists with the defaults in their place.
    ctx.renderPage("issues.tpl", dict, title, parsed.errors.empty() ? 200 : 400);
}

} // namespace ticketflow::web::handlers
