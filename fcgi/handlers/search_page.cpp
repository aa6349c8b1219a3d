// /search?q=…[&project_id=…] (and /projects/:identifier/search): full-text search over the
// issues the reader may list, newest first; /search.csv gives the same rows as a file. A search
// cut short by its time limit shows what it found with a warning (the file: 503).
#include "fcgi/handlers/query_handlers.hpp"

#include "core/app/issue_search.hpp"
#include "core/domain/text.hpp"
#include "fcgi/handlers/issue_csv.hpp"
#include "fcgi/handlers/issue_views.hpp"
#include "fcgi/url_encode.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

const char* const kTooBroad =
    "This search matches too many issues to finish in time. Add a word to narrow it down, or search in one project.";

/// The warning over a page the time limit cut short: which issues were searched.
std::string partialNotice(unsigned searchedFrom) {
    return "This search took too long and was stopped: only issues #" + std::to_string(searchedFrom) +
           " and newer were searched, older ones may match too. Add a word to narrow it down, or search in one "
           "project.";
}

struct SearchRequest {
    const domain::Project* project = nullptr;
    std::string text;
};

/// The project (route :identifier, or project_id as identifier or id) and the search text.
/// Answers 404 for an unknown project and denies one the reader may not list.
std::optional<SearchRequest> readSearchRequest(RequestContext& ctx) {
    SearchRequest request;
    std::string ref;
    if (ctx.req.params.count("identifier")) {
        ref = ctx.req.params.at("identifier");
    } else if (const std::string* p = ctx.req.queryValue("project_id")) {
        ref = std::string(domain::trim(*p));
    }
    if (!ref.empty()) {
        const auto id = parseId(ref);
        request.project = id ? ctx.catalog.project(*id) : ctx.catalog.projectByIdentifier(ref);
        if (!request.project) {
            ctx.renderError(404, "No such project.");
            return std::nullopt;
        }
        const auto visible = visibilityFor(ctx.actor(), ctx.catalog).projectIds;
        if (std::find(visible.begin(), visible.end(), request.project->id) == visible.end()) {
            ctx.denyAccess();
            return std::nullopt;
        }
    }
    if (const std::string* q = ctx.req.queryValue("q")) request.text = *q;
    return request;
}

std::optional<unsigned> projectIdOf(const SearchRequest& request) {
    return request.project ? std::optional<unsigned>(request.project->id) : std::nullopt;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

void addResults(RequestContext& ctx, ctemplate::TemplateDictionary& dict, const app::SearchResult& result,
                const SearchRequest& request) {
    for (const auto& row : result.page.rows) {
        auto* r = dict.AddSectionDictionary("RESULT");
        r->SetIntValue("ID", row.id);
        r->SetValue("TRACKER", ctx.catalog.trackerName(row.trackerId));
        r->SetValue("STATUS", ctx.catalog.statusName(row.statusId));
        r->SetValue("SUBJECT", row.subject);
        r->SetValue("UPDATED", shortTime(row.updatedAt));
        if (!request.project) {
            const domain::Project* p = ctx.catalog.project(row.projectId);
            r->SetValueAndShowSection("PROJECT", p ? p->name : std::string(), "SHOW_PROJECT");
        }
    }
    if (!request.project) dict.ShowSection("PROJECT_COLUMN");
    dict.SetIntValue("COUNT", static_cast<long>(result.page.rows.size()));
    if (result.page.rows.empty())
        dict.ShowSection("NO_RESULTS");
    else
        dict.ShowSection("HAS_RESULTS");
    if (result.page.more) dict.SetValueAndShowSection("LIMIT", std::to_string(app::kSearchPageLimit), "MORE_RESULTS");
    if (result.page.timedOut) dict.SetValueAndShowSection("NOTICE", partialNotice(result.page.searchedFrom), "PARTIAL");
    if (!result.terms.ignored.empty())
        dict.SetValueAndShowSection("IGNORED", joined(result.terms.ignored), "HAS_IGNORED");
    dict.SetValue("WORDS", joined(result.terms.words));
    std::string csv = "/search.csv?q=" + urlEncode(request.text);
    if (request.project) csv += "&project_id=" + urlEncode(request.project->identifier);
    dict.SetValue("CSV_URL", csv);
}

} // namespace

void searchPage(RequestContext& ctx) {
    const auto request = readSearchRequest(ctx);
    if (!request) return;
    ctemplate::TemplateDictionary dict("search");
    dict.SetValue("Q", request->text);
    std::string title = "Search";
    if (request->project) {
        title += ": " + request->project->name;
        dict.SetValueAndShowSection("PROJECT_IDENTIFIER", request->project->identifier, "IN_PROJECT");
        dict.SetValue("PROJECT_NAME", request->project->name);
        dict.SetValue("ALL_PROJECTS_URL", "/search?q=" + urlEncode(request->text));
    }
    dict.SetValue("LIST_TITLE", title);
    // The page without a search: just the form.
    if (domain::isBlank(request->text)) return ctx.renderPage("search.tpl", dict, title);

    const auto result = app::searchIssues(ctx.db, ctx.catalog, ctx.actor(), request->text, projectIdOf(*request),
                                          app::kSearchPageLimit);
    if (!result.terms.ok()) {
        dict.SetValueAndShowSection("MESSAGE", result.terms.error, "SEARCH_ERROR");
        return ctx.renderPage("search.tpl", dict, title, 400);
    }
    // Stopped by the time limit before finding anything: nothing to show but the advice.
    if (result.page.timedOut && result.page.rows.empty()) {
        dict.SetValueAndShowSection("MESSAGE", kTooBroad, "SEARCH_ERROR");
        return ctx.renderPage("search.tpl", dict, title, 503);
    }
    addResults(ctx, dict, result, *request);
    ctx.renderPage("search.tpl", dict, title);
}

void searchCsv(RequestContext& ctx) {
    const auto request = readSearchRequest(ctx);
    if (!request) return;
    const auto result = app::searchIssues(ctx.db, ctx.catalog, ctx.actor(), request->text, projectIdOf(*request),
                                          app::kSearchPageLimit);
    if (!result.terms.ok()) return ctx.renderError(400, result.terms.error);
    // A file has no room for a warning: a search cut short by the time limit gives none.
    if (result.page.timedOut) return ctx.renderError(503, kTooBroad);
    respondCsv(ctx, "search-results.csv", issueCsv(result.page.rows, ctx.catalog), result.page.more,
               app::kSearchPageLimit);
}

} // namespace ticketflow::web::handlers
