// Rows written by the Redmine import with the source's own timestamps and ids.
#include "core/storage/import_repository.hpp"

namespace ticketflow::storage {

namespace {

void bindTime(sql::PreparedStatement& ps, int index, const std::string& utc) {
    if (utc.empty())
        ps.setNull(index, 0);
    else
        ps.setString(index, utc);
}

void bindIssue(sql::PreparedStatement& ps, const ImportedIssue& i) {
    ps.setUInt(1, i.projectId);
    ps.setUInt(2, i.trackerId);
    ps.setUInt(3, i.statusId);
    ps.setUInt(4, i.priorityId);
    ps.setString(5, i.subject);
    ps.setString(6, i.description);
    bindOptional(ps, 7, i.authorId);
    bindOptional(ps, 8, i.assigneeId);
    bindOptional(ps, 9, i.milestoneId);
    bindTime(ps, 10, i.createdAt);
    bindTime(ps, 11, i.updatedAt);
    bindTime(ps, 12, i.closedAt);
}

} // namespace

unsigned ImportRepository::insertUser(const ImportedUser& u) {
    // No password: Redmine's API does not give it out; an admin sets one (or the user resets it).
    auto& ps = _db.prepare(
        "INSERT INTO users (login, firstname, lastname, mail, kind, admin, status, created_at, updated_at,"
        " last_login_at) VALUES (?, ?, ?, ?, 'staff', ?, ?, COALESCE(?, NOW()), COALESCE(?, NOW()), ?) RETURNING id");
    ps.setString(1, u.login);
    ps.setString(2, u.firstname);
    ps.setString(3, u.lastname);
    bindOptionalText(ps, 4, u.mail);
    ps.setBoolean(5, u.admin);
    ps.setString(6, u.status);
    bindTime(ps, 7, u.createdAt);
    bindTime(ps, 8, u.createdAt);
    bindTime(ps, 9, u.lastLoginAt);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

void ImportRepository::updateUser(unsigned id, const ImportedUser& u) {
    auto& ps = _db.prepare(
        "UPDATE users SET firstname = ?, lastname = ?, mail = ?, admin = ?, status = ?, updated_at = NOW()"
        " WHERE id = ?");
    ps.setString(1, u.firstname);
    ps.setString(2, u.lastname);
    bindOptionalText(ps, 3, u.mail);
    ps.setBoolean(4, u.admin);
    ps.setString(5, u.status);
    ps.setUInt(6, id);
    _db.run([&] { ps.executeUpdate(); });
}

std::optional<unsigned> ImportRepository::userByLoginOrMail(const std::string& login, const std::string& mail) {
    auto& ps = _db.prepare("SELECT id FROM users WHERE login = ? OR mail = ? ORDER BY login = ? DESC LIMIT 1");
    ps.setString(1, login);
    bindOptionalText(ps, 2, mail);
    ps.setString(3, login);
    std::optional<unsigned> id;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { id = rs.getUInt(1); });
    return id;
}

bool ImportRepository::addMembership(unsigned userId, unsigned projectId, unsigned roleId) {
    auto& ps = _db.prepare("INSERT IGNORE INTO memberships (user_id, project_id, role_id) VALUES (?, ?, ?)");
    ps.setUInt(1, userId);
    ps.setUInt(2, projectId);
    ps.setUInt(3, roleId);
    return _db.run([&] { return ps.executeUpdate() > 0; });
}

void ImportRepository::ensureProjectTracker(unsigned projectId, unsigned trackerId) {
    auto& ps = _db.prepare("INSERT IGNORE INTO project_trackers (project_id, tracker_id) VALUES (?, ?)");
    ps.setUInt(1, projectId);
    ps.setUInt(2, trackerId);
    _db.run([&] { ps.executeUpdate(); });
}

void ImportRepository::setCreatedAt(CreatedAtTable table, unsigned id, const std::string& createdAt) {
    if (createdAt.empty()) return;
    auto& ps = _db.prepare(table == CreatedAtTable::Projects ? "UPDATE projects SET created_at = ? WHERE id = ?"
                                                             : "UPDATE milestones SET created_at = ? WHERE id = ?");
    ps.setString(1, createdAt);
    ps.setUInt(2, id);
    _db.run([&] { ps.executeUpdate(); });
}

std::optional<unsigned> ImportRepository::milestoneByName(unsigned projectId, const std::string& name) {
    auto& ps = _db.prepare("SELECT id FROM milestones WHERE project_id = ? AND name = ?");
    ps.setUInt(1, projectId);
    ps.setString(2, name);
    std::optional<unsigned> id;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { id = rs.getUInt(1); });
    return id;
}

bool ImportRepository::issueIdFree(unsigned id) {
    auto& ps = _db.prepare("SELECT COUNT(*) FROM issues WHERE id = ?");
    ps.setUInt(1, id);
    bool free = true;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { free = rs.getUInt(1) == 0; });
    return free;
}

unsigned ImportRepository::maxIssueId() {
    auto& ps = _db.prepare("SELECT COALESCE(MAX(id), 0) FROM issues");
    unsigned id = 0;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { id = rs.getUInt(1); });
    return id;
}

unsigned ImportRepository::insertIssue(const ImportedIssue& issue, std::optional<unsigned> id) {
    // source 'other': Redmine does not say how an issue came in.
    auto& ps = _db.prepare(
        "INSERT INTO issues (project_id, tracker_id, status_id, priority_id, subject, description, author_id,"
        " assigned_to_id, milestone_id, created_at, updated_at, closed_at, source, id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, NOW()), COALESCE(?, NOW()), ?, 'other', ?) RETURNING id");
    bindIssue(ps, issue);
    bindOptional(ps, 13, id); // NULL takes the next AUTO_INCREMENT value
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

void ImportRepository::updateIssue(unsigned id, const ImportedIssue& issue) {
    auto& ps = _db.prepare(
        "UPDATE issues SET project_id = ?, tracker_id = ?, status_id = ?, priority_id = ?, subject = ?,"
        " description = ?, author_id = ?, assigned_to_id = ?, milestone_id = ?, created_at = COALESCE(?, created_at),"
        " updated_at = COALESCE(?, updated_at), closed_at = ?, lock_version = lock_version + 1 WHERE id = ?");
    bindIssue(ps, issue);
    ps.setUInt(13, id);
    _db.run([&] { ps.executeUpdate(); });
}

unsigned ImportRepository::insertJournal(unsigned issueId, std::optional<unsigned> userId, const std::string& notes,
                                         bool privateNotes, const std::string& createdAt) {
    auto& ps = _db.prepare(
        "INSERT INTO journals (issue_id, user_id, notes, private_notes, created_at)"
        " VALUES (?, ?, ?, ?, COALESCE(?, NOW())) RETURNING id");
    ps.setUInt(1, issueId);
    bindOptional(ps, 2, userId);
    ps.setString(3, notes);
    ps.setBoolean(4, privateNotes);
    bindTime(ps, 5, createdAt);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

bool ImportRepository::updateJournal(unsigned id, const std::string& notes, bool privateNotes) {
    auto& ps = _db.prepare(
        "UPDATE journals SET notes = ?, private_notes = ? WHERE id = ? AND NOT (notes <=> ? AND private_notes = ?)");
    ps.setString(1, notes);
    ps.setBoolean(2, privateNotes);
    ps.setUInt(3, id);
    ps.setString(4, notes);
    ps.setBoolean(5, privateNotes);
    return _db.run([&] { return ps.executeUpdate() > 0; });
}

unsigned ImportRepository::insertDetail(unsigned journalId, const domain::JournalDetail& d) {
    auto& ps = _db.prepare(
        "INSERT INTO journal_details (journal_id, property, prop_key, old_value, value) VALUES (?, ?, ?, ?, ?)"
        " RETURNING id");
    ps.setUInt(1, journalId);
    ps.setString(2, d.property);
    ps.setString(3, d.key);
    if (d.oldValue)
        ps.setString(4, *d.oldValue);
    else
        ps.setNull(4, 0);
    if (d.value)
        ps.setString(5, *d.value);
    else
        ps.setNull(5, 0);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

bool ImportRepository::addWatcher(unsigned issueId, unsigned userId) {
    auto& ps = _db.prepare("INSERT IGNORE INTO watchers (issue_id, user_id) VALUES (?, ?)");
    ps.setUInt(1, issueId);
    ps.setUInt(2, userId);
    return _db.run([&] { return ps.executeUpdate() > 0; });
}

} // namespace ticketflow::storage
