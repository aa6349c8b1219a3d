// Reading one issue list row.
#include "core/storage/issue_row_reader.hpp"

namespace ticketflow::storage {

domain::IssueRow readIssueRow(sql::ResultSet& rs) {
    domain::IssueRow r;
    r.id = rs.getUInt("id");
    r.projectId = rs.getUInt("project_id");
    r.trackerId = rs.getUInt("tracker_id");
    r.statusId = rs.getUInt("status_id");
    r.priorityId = rs.getUInt("priority_id");
    r.assigneeId = optionalUInt(rs, "assigned_to_id");
    r.milestoneId = optionalUInt(rs, "milestone_id");
    r.subject = rs.getString("subject");
    r.updatedAt = rs.getString("updated_at");
    r.createdAt = rs.getString("created_at");
    return r;
}

} // namespace ticketflow::storage
