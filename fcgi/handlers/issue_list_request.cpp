// What an issue list request asks for (project, saved query, filters): shared by the page and its CSV.
#include "fcgi/handlers/issue_list_request.hpp"

#include "core/app/query_service.hpp"
#include "fcgi/handlers/issue_views.hpp"
#include "fcgi/http/form_parser.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

/// The parameters of the list: the saved query's (query_id) under the request's own.
std::multimap<std::string, std::string> listParameters(RequestContext& ctx, ListRequest& list, bool& denied) {
    auto params = ctx.req.query;
    const std::string* queryId = ctx.req.queryValue("query_id");
    if (!queryId) return params;
    const auto id = parseId(*queryId);
    auto saved = id ? app::QueryService(ctx.db).findVisible(ctx.actor(), *id) : std::nullopt;
    if (!saved || (saved->projectId && (!list.project || *saved->projectId != list.project->id))) {
        denied = true;
        return params;
    }
    http::Limits limits;
    for (const auto& [key, value] : http::parseUrlEncoded(saved->filters, limits)) {
        if (!params.count(key)) params.emplace(key, value);
    }
    list.savedQuery = std::move(saved);
    return params;
}

} // namespace

std::optional<ListRequest> readListRequest(RequestContext& ctx) {
    ListRequest list;
    if (ctx.req.params.count("identifier")) {
        list.project = ctx.catalog.projectByIdentifier(ctx.req.params.at("identifier"));
        if (!list.project) {
            ctx.renderError(404, "No such project.");
            return std::nullopt;
        }
    }
    list.visibility = visibilityFor(ctx.actor(), ctx.catalog);
    const auto& visible = list.visibility.projectIds;
    if (list.project && std::find(visible.begin(), visible.end(), list.project->id) == visible.end()) {
        ctx.denyAccess();
        return std::nullopt;
    }
    bool denied = false;
    const auto params = listParameters(ctx, list, denied);
    if (denied) {
        ctx.renderError(404, "No such saved query.");
        return std::nullopt;
    }
    list.parsed = domain::parseIssueQuery(params, ctx.actor().userId);
    if (list.project) list.parsed.query.projectId = list.project->id;
    list.statusIds = statusIdsFor(list.parsed.query, ctx.catalog);
    list.base = list.project ? "/projects/" + list.project->identifier + "/issues" : "/issues";
    return list;
}

} // namespace ticketflow::web::handlers
