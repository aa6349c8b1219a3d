// Issue rows as a CSV download: the columns of Redmine's export, the BOM, the headers.
#include "fcgi/handlers/issue_csv.hpp"

#include "core/domain/content_disposition.hpp"
#include "core/domain/csv.hpp"
#include "fcgi/handlers/issue_views.hpp"

namespace ticketflow::web::handlers {

std::string issueCsv(const std::vector<domain::IssueRow>& rows, const domain::Catalog& catalog) {
    std::string out(domain::kUtf8Bom);
    out += domain::csvRecord(
        {"#", "Project", "Tracker", "Status", "Priority", "Subject", "Assignee", "Milestone", "Created", "Updated"});
    for (const auto& row : rows) {
        const domain::Project* project = catalog.project(row.projectId);
        out += domain::csvRecord({
            std::to_string(row.id),
            project ? project->name : std::string(),
            catalog.trackerName(row.trackerId),
            catalog.statusName(row.statusId),
            catalog.priorityName(row.priorityId),
            row.subject,
            row.assigneeId ? personName(catalog, row.assigneeId, "") : std::string(),
            row.milestoneId ? catalog.milestoneName(*row.milestoneId) : std::string(),
            shortTime(row.createdAt),
            shortTime(row.updatedAt),
        });
    }
    return out;
}

void respondCsv(RequestContext& ctx, const std::string& filename, std::string body, bool truncated, unsigned cap) {
    ctx.res.status = 200;
    ctx.res.setHeader("Content-Type", "text/csv; charset=utf-8");
    ctx.res.setHeader("Content-Disposition", domain::contentDisposition(filename));
    ctx.res.setHeader("Cache-Control", "no-store");
    if (truncated) ctx.res.setHeader("X-Export-Truncated", "first " + std::to_string(cap) + " rows");
    ctx.res.body = std::move(body);
}

} // namespace ticketflow::web::handlers
