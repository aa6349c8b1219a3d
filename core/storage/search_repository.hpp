// Full-text search over issues: subject and description, and the notes of their journals.
#pragma once
#include "core/domain/issue.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/issue_repository.hpp"

#include <string>
#include <vector>

namespace ticketflow::storage {

/// InnoDB reads a row for every match, so a word in a fifth of a million issues costs about a
/// second; past this time the search gives up rather than hold a worker (see timedOut).
constexpr unsigned kSearchTimeLimitSeconds = 3;

struct SearchPage {
    std::vector<domain::IssueRow> rows; ///< newest (highest id) first
    bool more = false;                  ///< more issues match than `limit`
    bool timedOut = false;              ///< gave up after kSearchTimeLimitSeconds; no rows
};

class SearchRepository {
public:
    explicit SearchRepository(Connection& db) : _db(db) {}

    /// Issues within `visibility` whose subject or description, or a note, matches
    /// `booleanQuery` (MariaDB FULLTEXT in boolean mode: domain::booleanModeQuery's output).
    /// A private note counts only for issues of `privateNoteProjects`. At most `limit` rows;
    /// IssueRow::sortValue is left empty. InnoDB's FULLTEXT indexes see committed rows only.
    /// Throws StorageError.
    SearchPage search(const std::string& booleanQuery, const Visibility& visibility,
                      const std::vector<unsigned>& privateNoteProjects, unsigned limit);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
