// Full-text search over issues: subject and description, and the notes of their journals.
#pragma once
#include "core/domain/issue.hpp"
#include "core/domain/search_windows.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/issue_repository.hpp"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace ticketflow::storage {

/// A search that matches most of the issues its reader may not see (a customer's search for a
/// word in every description) reads them all; past this time it stops with what it has found
/// (see SearchPage::timedOut). One statement may run this long, so a search takes at most
/// about twice as long.
constexpr unsigned kSearchTimeLimitSeconds = 3;

struct SearchPage {
    std::vector<domain::IssueRow> rows; ///< newest (highest id) first
    bool more = false;                  ///< more issues match than `limit`
    /// Stopped after kSearchTimeLimitSeconds: `rows` are the matches among issues from
    /// `searchedFrom` up (exact and complete there, possibly none), older ones were not searched.
    bool timedOut = false;
    unsigned searchedFrom = 0;
};

class SearchRepository {
public:
    explicit SearchRepository(Connection& db) : _db(db) {}

    /// Issues within `visibility` whose subject and description, or one of whose notes, hold
    /// every word of `words` (domain::parseSearchTerms), from the search index of
    /// sql/007_search_documents.sql, newest first. A private note counts only for issues of
    /// `privateNoteProjects`. At most `limit` rows; IssueRow::sortValue is left empty. No step
    /// starts after `timeLimit` (tests pass zero). The index sees committed rows only.
    /// Throws StorageError.
    SearchPage search(const std::vector<std::string>& words, const Visibility& visibility,
                      const std::vector<unsigned>& privateNoteProjects, unsigned limit,
                      std::chrono::milliseconds timeLimit = std::chrono::seconds(kSearchTimeLimitSeconds));

private:
    /// The search words as the index marks them (none: nothing the index can hold) and the
    /// highest issue id, where the walk starts.
    std::pair<std::vector<std::string>, unsigned> indexWordsAndNewestIssue(const std::vector<std::string>& words);
    /// The visible issues matching in the windows of `step`, newest first, at most `wanted`.
    std::vector<domain::IssueRow> runStep(sql::PreparedStatement& ps, const std::vector<std::string>& indexWords,
                                          const domain::WindowStep& step, const Visibility& visibility,
                                          const std::vector<unsigned>& privateNoteProjects, unsigned wanted);

    Connection& _db;
};

} // namespace ticketflow::storage
