// Full-text search over issues: subject and description, and the notes of their journals.
#include "core/storage/search_repository.hpp"

#include "core/storage/issue_row_reader.hpp"

namespace ticketflow::storage {

namespace {

/// MariaDB's ER_STATEMENT_TIMEOUT (max_statement_time exceeded).
constexpr int kStatementTimeout = 1969;

/// "?,?,?" for `n` placeholders.
std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
    return out;
}

/// The statement for one shape of visibility. InnoDB reads a row for every FULLTEXT match
/// anyway, so each branch filters its matches by visibility on that row, only the matching
/// ids are de-duplicated and sorted, and only the page's rows are read again for display.
std::string searchSql(std::size_t projects, bool customer, std::size_t privateProjects) {
    const std::string inProjects = " IN (" + placeholders(projects) + ")";
    const std::string ofCustomer = customer ? " AND %.customer_id = ?" : "";
    const auto forTable = [](std::string text, const char* alias) {
        for (auto at = text.find('%'); at != std::string::npos; at = text.find('%')) text.replace(at, 1, alias);
        return text;
    };
    // The limit is our constant, not input: written into the text (SET takes no placeholder).
    std::string text = "SET STATEMENT max_statement_time = " + std::to_string(kSearchTimeLimitSeconds) +
                       " FOR SELECT i.id, i.project_id, i.tracker_id, i.status_id, i.priority_id, i.assigned_to_id,"
                       " i.milestone_id, i.subject, i.updated_at, i.created_at FROM (SELECT issue_id FROM ("
                       "SELECT s.id AS issue_id FROM issues s"
                       " WHERE MATCH (s.subject, s.description) AGAINST (? IN BOOLEAN MODE) AND s.project_id" +
                       inProjects + forTable(ofCustomer, "s") +
                       " UNION SELECT j.issue_id FROM journals j JOIN issues ji ON ji.id = j.issue_id"
                       " WHERE MATCH (j.notes) AGAINST (? IN BOOLEAN MODE) AND ji.project_id" +
                       inProjects + forTable(ofCustomer, "ji");
    // A private note makes an issue match only where the reader may see private notes.
    if (privateProjects == 0)
        text += " AND j.private_notes = 0";
    else
        text += " AND (j.private_notes = 0 OR ji.project_id IN (" + placeholders(privateProjects) + "))";
    text += ") u ORDER BY issue_id DESC LIMIT ?) top JOIN issues i ON i.id = top.issue_id ORDER BY i.id DESC";
    return text;
}

} // namespace

SearchPage SearchRepository::search(const std::string& booleanQuery, const Visibility& visibility,
                                    const std::vector<unsigned>& privateNoteProjects, unsigned limit) {
    SearchPage page;
    if (visibility.projectIds.empty() || booleanQuery.empty() || limit == 0) return page;
    const auto& projects = visibility.projectIds;
    auto& ps = _db.prepare(searchSql(projects.size(), visibility.customerId.has_value(), privateNoteProjects.size()));
    int n = 1;
    ps.setString(n++, booleanQuery);
    for (unsigned id : projects) ps.setUInt(n++, id);
    if (visibility.customerId) ps.setUInt(n++, *visibility.customerId);
    ps.setString(n++, booleanQuery);
    for (unsigned id : projects) ps.setUInt(n++, id);
    if (visibility.customerId) ps.setUInt(n++, *visibility.customerId);
    for (unsigned id : privateNoteProjects) ps.setUInt(n++, id);
    ps.setUInt(n++, limit + 1);
    try {
        _db.run([&] {
            std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
            while (rs->next()) page.rows.push_back(readIssueRow(*rs));
        });
    } catch (const StorageError& e) {
        if (e.code() != kStatementTimeout) throw;
        page.rows.clear();
        page.timedOut = true;
        return page;
    }
    page.more = page.rows.size() > limit;
    if (page.more) page.rows.pop_back();
    return page;
}

} // namespace ticketflow::storage
