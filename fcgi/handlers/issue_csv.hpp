// Issue rows as a CSV download: the columns of Redmine's export, the BOM, the headers.
#pragma once
#include "core/domain/catalog.hpp"
#include "core/domain/issue.hpp"
#include "fcgi/request_context.hpp"

#include <string>
#include <vector>

namespace ticketflow::web::handlers {

/// BOM, the header "#,Project,Tracker,Status,Priority,Subject,Assignee,Milestone,Created,Updated"
/// and one CRLF-terminated record per row (domain::csvRecord: quoted, formula-guarded).
std::string issueCsv(const std::vector<domain::IssueRow>& rows, const domain::Catalog& catalog);

/// 200 with `body` as text/csv, saved by the browser as `filename` (Content-Disposition:
/// attachment) and never cached. `truncated`: the X-Export-Truncated header names the cap.
void respondCsv(RequestContext& ctx, const std::string& filename, std::string body, bool truncated = false,
                unsigned cap = 0);

} // namespace ticketflow::web::handlers
