// /issues.csv and /projects/:identifier/issues.csv: the rows of the same list as a CSV file.
#include "fcgi/handlers/query_handlers.hpp"

#include "core/app/issue_export.hpp"
#include "fcgi/handlers/issue_csv.hpp"
#include "fcgi/handlers/issue_list_request.hpp"

namespace ticketflow::web::handlers {

void issueListCsv(RequestContext& ctx) {
    auto list = readListRequest(ctx);
    if (!list) return;
    // A page may show defaults in place of bad values; a file must not silently differ.
    if (!list->parsed.ok()) {
        std::string message;
        for (const auto& e : list->parsed.errors) message += (message.empty() ? "" : " ") + e;
        return ctx.renderError(400, message);
    }
    storage::IssueRepository issues(ctx.db);
    const auto exported = app::exportRows(issues, list->parsed.query, list->statusIds, list->visibility);
    const std::string filename = list->project ? list->project->identifier + "-issues.csv" : "issues.csv";
    respondCsv(ctx, filename, issueCsv(exported.rows, ctx.catalog), exported.truncated, app::kExportRowCap);
}

} // namespace ticketflow::web::handlers
