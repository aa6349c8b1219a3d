// Use case: the rows of an issue list for a download, read page by page up to a cap.
#include "core/app/issue_export.hpp"

#include "core/domain/query_cursor.hpp"

#include <algorithm>

namespace ticketflow::app {

namespace {

constexpr unsigned kExportPageSize = 500;

} // namespace

ExportRows exportRows(storage::IssueRepository& issues, domain::IssueQuery query,
                      const std::vector<unsigned>& statusIds, const storage::Visibility& visibility, unsigned cap) {
    ExportRows result;
    query.before.reset();
    query.after.reset();
    while (result.rows.size() < cap) {
        query.limit = std::min(kExportPageSize, cap - static_cast<unsigned>(result.rows.size()));
        domain::IssuePage page = issues.list(query, statusIds, visibility);
        const bool more = page.hasNext && !page.rows.empty();
        if (more) {
            const auto& last = page.rows.back();
            query.after = domain::encodeCursor({last.sortValue, last.id, false});
        }
        result.rows.insert(result.rows.end(), std::make_move_iterator(page.rows.begin()),
                           std::make_move_iterator(page.rows.end()));
        if (!more) return result;
    }
    result.truncated = true;
    return result;
}

} // namespace ticketflow::app
