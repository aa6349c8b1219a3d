// Reading one issue list row (the columns every list statement selects) from a result set.
#pragma once
#include "core/domain/issue.hpp"
#include "core/storage/connection.hpp"

namespace ticketflow::storage {

/// id, project_id, tracker_id, status_id, priority_id, assigned_to_id, milestone_id, subject,
/// updated_at, created_at (sortValue is left to the caller).
domain::IssueRow readIssueRow(sql::ResultSet& rs);

} // namespace ticketflow::storage
