// Commits reported by version-control hooks (changesets) and the issues each acted on.
#include "core/storage/changeset_repository.hpp"

namespace ticketflow::storage {

std::optional<StoredChangeset> ChangesetRepository::find(const std::string& repository, const std::string& revision) {
    auto& ps = _db.prepare("SELECT id, author, user_id, message FROM changesets WHERE repository = ? AND revision = ?");
    ps.setString(1, repository);
    ps.setString(2, revision);
    return _db.run([&]() -> std::optional<StoredChangeset> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return StoredChangeset{rs->getUInt("id"), rs->getString("author"), rs->getString("message"),
                               optionalUInt(*rs, "user_id")};
    });
}

unsigned ChangesetRepository::insert(const domain::Changeset& c, std::optional<unsigned> userId) {
    auto& ps = _db.prepare(
        "INSERT INTO changesets (repository, revision, author, user_id, message) VALUES (?, ?, ?, ?, ?) RETURNING id");
    ps.setString(1, c.repository);
    ps.setString(2, c.revision);
    ps.setString(3, c.author);
    bindOptional(ps, 4, userId);
    ps.setString(5, c.message);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

std::vector<unsigned> ChangesetRepository::issuesOf(unsigned changesetId) {
    auto& ps = _db.prepare("SELECT issue_id FROM changeset_issues WHERE changeset_id = ? ORDER BY issue_id");
    ps.setUInt(1, changesetId);
    std::vector<unsigned> ids;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { ids.push_back(rs.getUInt("issue_id")); });
    return ids;
}

void ChangesetRepository::recordIssue(unsigned changesetId, unsigned issueId, domain::CommitAction action,
                                      std::optional<unsigned> journalId) {
    auto& ps =
        _db.prepare("INSERT INTO changeset_issues (changeset_id, issue_id, action, journal_id) VALUES (?, ?, ?, ?)");
    ps.setUInt(1, changesetId);
    ps.setUInt(2, issueId);
    ps.setString(3, action == domain::CommitAction::Fix ? "fix" : "ref");
    bindOptional(ps, 4, journalId);
    _db.run([&] { ps.executeUpdate(); });
}

} // namespace ticketflow::storage
