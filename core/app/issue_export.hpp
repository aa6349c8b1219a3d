// Use case: the rows of an issue list for a download, read page by page up to a cap.
#pragma once
#include "core/domain/issue.hpp"
#include "core/domain/issue_query.hpp"
#include "core/storage/issue_repository.hpp"

#include <vector>

namespace ticketflow::app {

/// More rows than a spreadsheet user reads, few enough to build in memory (about 2 MB).
constexpr unsigned kExportRowCap = 10000;

struct ExportRows {
    std::vector<domain::IssueRow> rows;
    bool truncated = false; ///< the list has more rows than the cap
};

/// Every row of the list `query` describes (its filters and sort, from the first row: its
/// page position and size are ignored), at most `cap`, read through the keyset pages of
/// IssueRepository::list so no statement reads more than one page. Throws StorageError.
ExportRows exportRows(storage::IssueRepository& issues, domain::IssueQuery query,
                      const std::vector<unsigned>& statusIds, const storage::Visibility& visibility,
                      unsigned cap = kExportRowCap);

} // namespace ticketflow::app
