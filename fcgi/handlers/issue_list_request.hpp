// What an issue list request asks for (project, saved query, filters): shared by the page and its CSV.
#pragma once
#include "core/domain/catalog.hpp"
#include "core/domain/issue_query.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/query_repository.hpp"
#include "fcgi/request_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::web::handlers {

struct ListRequest {
    const domain::Project* project = nullptr; ///< /projects/:identifier/issues; null for /issues
    storage::Visibility visibility;
    std::optional<storage::SavedQuery> savedQuery; ///< the applied ?query_id=N
    domain::QueryParseResult parsed;               ///< with project set; errors name parameters
    std::vector<unsigned> statusIds;               ///< the status scope resolved
    std::string base;                              ///< "/projects/x/issues" or "/issues"
};

/// Reads the list's project (route :identifier), the saved query (query_id: its filters under
/// the request's own) and the filters. Answers and returns nullopt for an unknown project
/// (404), a project the actor may not list (sign-in or 403) and a query that does not exist,
/// belongs to another project or is not visible to the actor (404). Bad filter values are
/// not an answer: they are in `parsed.errors` and the list uses the defaults in their place.
std::optional<ListRequest> readListRequest(RequestContext& ctx);

} // namespace ticketflow::web::handlers
