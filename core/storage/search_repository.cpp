// Full-text search over issues: subject and description, and the notes of their journals.
#include "core/storage/search_repository.hpp"

#include "core/storage/issue_row_reader.hpp"

namespace ticketflow::storage {

namespace {

/// The server stopped the statement at its max_statement_time: ER_STATEMENT_TIMEOUT, or
/// HA_ERR_ABORTED_BY_USER when InnoDB's full-text search noticed it first.
bool isTimeout(const StorageError& e) {
    return e.code() == 1969 || e.code() == 188;
}

/// "?,?,?" for `n` placeholders.
std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
    return out;
}

/// One step of the walk: the visible issues with a document matching the windowed query (one
/// statement per visibility shape). InnoDB reads the row of every match in the step's windows
/// to check visibility on the issue (a customer's query holds their term, so their matches are
/// all there is); only the page's issues are read again for display.
std::string stepSql(std::size_t projects, bool customer, std::size_t privateProjects) {
    const std::string inProjects = " IN (" + placeholders(projects) + ")";
    // The limit is our constant, not input: written into the text (SET takes no placeholder).
    std::string text =
        "SET STATEMENT max_statement_time = " + std::to_string(kSearchTimeLimitSeconds) +
        " FOR SELECT i.id, i.project_id, i.tracker_id, i.status_id, i.priority_id, i.assigned_to_id,"
        " i.milestone_id, i.subject, i.updated_at, i.created_at FROM ("
        "SELECT DISTINCT d.issue_id FROM search_documents d JOIN issues s ON s.id = d.issue_id"
        " WHERE MATCH (d.terms, d.customer_terms) AGAINST (? IN BOOLEAN MODE) AND d.issue_id BETWEEN ? AND ?"
        " AND s.project_id" +
        inProjects + (customer ? " AND s.customer_id = ?" : "");
    // A private note makes an issue match only where the reader may see private notes.
    if (privateProjects == 0)
        text += " AND d.private_notes = 0";
    else
        text += " AND (d.private_notes = 0 OR s.project_id IN (" + placeholders(privateProjects) + "))";
    text += " ORDER BY d.issue_id DESC LIMIT ?) top JOIN issues i ON i.id = top.issue_id ORDER BY i.id DESC";
    return text;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

} // namespace

SearchPage SearchRepository::search(const std::vector<std::string>& words, const Visibility& visibility,
                                    const std::vector<unsigned>& privateNoteProjects, unsigned limit,
                                    std::chrono::milliseconds timeLimit) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + timeLimit;
    SearchPage page;
    if (visibility.projectIds.empty() || words.empty() || limit == 0) return page;
    const auto [indexWords, newest] = indexWordsAndNewestIssue(words);
    if (indexWords.empty()) return page;

    auto& ps = _db.prepare(
        stepSql(visibility.projectIds.size(), visibility.customerId.has_value(), privateNoteProjects.size()));
    domain::SearchWalk walk(newest, visibility.customerId.has_value());
    std::size_t foundByLastStep = 0;
    page.searchedFrom = newest + 1;
    while (page.rows.size() <= limit) {
        const auto step = walk.next(limit + 1 - page.rows.size(), foundByLastStep);
        if (!step) break;
        if (Clock::now() >= deadline) {
            page.timedOut = true;
            return page;
        }
        const auto wanted = static_cast<unsigned>(limit + 1 - page.rows.size());
        std::vector<domain::IssueRow> found;
        try {
            found = runStep(ps, indexWords, *step, visibility, privateNoteProjects, wanted);
        } catch (const StorageError& e) {
            if (!isTimeout(e)) throw;
            page.timedOut = true;
            return page;
        }
        foundByLastStep = found.size();
        page.rows.insert(page.rows.end(), found.begin(), found.end());
        page.searchedFrom = step->firstIssue();
    }
    page.more = page.rows.size() > limit;
    if (page.more) page.rows.pop_back();
    return page;
}

std::pair<std::vector<std::string>, unsigned> SearchRepository::indexWordsAndNewestIssue(
    const std::vector<std::string>& words) {
    // The words as the index cuts them: the SQL function that made the documents marks them.
    auto& ps = _db.prepare("SELECT search_terms(?, '+', '#'), (SELECT COALESCE(MAX(id), 0) FROM issues)");
    ps.setString(1, joined(words));
    std::string marked;
    unsigned newest = 0;
    _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (rs->next()) {
            marked = rs->getString(1);
            newest = rs->getUInt(2);
        }
    });
    return {domain::markedWords(marked, '+', "#"), newest};
}

std::vector<domain::IssueRow> SearchRepository::runStep(sql::PreparedStatement& ps,
                                                        const std::vector<std::string>& indexWords,
                                                        const domain::WindowStep& step, const Visibility& visibility,
                                                        const std::vector<unsigned>& privateNoteProjects,
                                                        unsigned wanted) {
    int n = 1;
    ps.setString(n++, domain::windowedQuery(indexWords, step, visibility.customerId));
    ps.setUInt(n++, step.firstIssue());
    ps.setUInt(n++, step.lastIssue());
    for (unsigned id : visibility.projectIds) ps.setUInt(n++, id);
    if (visibility.customerId) ps.setUInt(n++, *visibility.customerId);
    for (unsigned id : privateNoteProjects) ps.setUInt(n++, id);
    ps.setUInt(n++, wanted);
    std::vector<domain::IssueRow> rows;
    _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) rows.push_back(readIssueRow(*rs));
    });
    return rows;
}

} // namespace ticketflow::storage
