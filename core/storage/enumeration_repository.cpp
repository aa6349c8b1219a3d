// Writes and reads of trackers, issue statuses, priorities and roles for the administration pages.
#include "core/storage/enumeration_repository.hpp"

#include "core/domain/text.hpp"

namespace ticketflow::storage {

namespace {

template <class R, class Read>
std::vector<R> readAll(Connection& db, const std::string& sql, Read read) {
    std::vector<R> out;
    forEachRow(db, db.prepare(sql), [&](sql::ResultSet& rs) { out.push_back(read(rs)); });
    return out;
}

template <class R, class Read>
std::optional<R> readOne(Connection& db, const std::string& sql, unsigned id, Read read) {
    std::optional<R> out;
    auto& ps = db.prepare(sql);
    ps.setUInt(1, id);
    forEachRow(db, ps, [&](sql::ResultSet& rs) { out = read(rs); });
    return out;
}

bool changed(Connection& db, sql::PreparedStatement& ps) {
    return db.run([&] { return ps.executeUpdate(); }) > 0;
}

const std::string kTrackers = "SELECT id, name, position, default_status_id, assignable_role_id FROM trackers";
TrackerRecord readTracker(sql::ResultSet& rs) {
    return {rs.getUInt("id"),
            {rs.getString("name"), rs.getInt("position"), rs.getUInt("default_status_id"),
             optionalUInt(rs, "assignable_role_id")}};
}

const std::string kStatuses = "SELECT id, name, position, is_closed, is_new FROM issue_statuses";
StatusRecord readStatus(sql::ResultSet& rs) {
    return {rs.getUInt("id"),
            {rs.getString("name"), rs.getInt("position"), rs.getBoolean("is_closed"), rs.getBoolean("is_new")}};
}

const std::string kPriorities = "SELECT id, name, position, is_default FROM priorities";
PriorityRecord readPriority(sql::ResultSet& rs) {
    return {rs.getUInt("id"), {rs.getString("name"), rs.getInt("position"), rs.getBoolean("is_default")}};
}

const std::string kRoles = "SELECT id, name, position, permissions FROM roles";
RoleRecord readRole(sql::ResultSet& rs) {
    RoleRecord r{rs.getUInt("id"), {rs.getString("name"), rs.getInt("position"), {}}};
    const std::string stored = rs.getString("permissions");
    for (auto name : domain::split(stored, ' '))
        if (!name.empty()) r.fields.permissions.emplace_back(name);
    return r;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

void bindTracker(sql::PreparedStatement& ps, const domain::TrackerFields& f) {
    ps.setString(1, f.name);
    ps.setInt(2, f.position);
    ps.setUInt(3, f.defaultStatusId);
    bindOptional(ps, 4, f.assignableRoleId);
}

} // namespace

Removal EnumerationRepository::removeRow(const std::string& sql, unsigned id) {
    auto& ps = _db.prepare(sql);
    ps.setUInt(1, id);
    try {
        return changed(_db, ps) ? Removal::Removed : Removal::NotFound;
    } catch (const StorageError& e) {
        if (e.rowIsReferenced()) return Removal::InUse;
        throw;
    }
}

// --- trackers --------------------------------------------------------------------------------

std::vector<TrackerRecord> EnumerationRepository::trackers() {
    return readAll<TrackerRecord>(_db, kTrackers + " ORDER BY position, name", readTracker);
}

std::optional<TrackerRecord> EnumerationRepository::tracker(unsigned id) {
    return readOne<TrackerRecord>(_db, kTrackers + " WHERE id = ?", id, readTracker);
}

unsigned EnumerationRepository::createTracker(const domain::TrackerFields& f) {
    auto& ps = _db.prepare(
        "INSERT INTO trackers (name, position, default_status_id, assignable_role_id) VALUES (?, ?, ?, ?) RETURNING id");
    bindTracker(ps, f);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

bool EnumerationRepository::updateTracker(unsigned id, const domain::TrackerFields& f) {
    auto& ps = _db.prepare(
        "UPDATE trackers SET name = ?, position = ?, default_status_id = ?, assignable_role_id = ? WHERE id = ?");
    bindTracker(ps, f);
    ps.setUInt(5, id);
    _db.run([&] { ps.executeUpdate(); });
    return tracker(id).has_value(); // an unchanged row counts as saved
}

Removal EnumerationRepository::removeTracker(unsigned id) {
    // Projects using it and issues of it keep it (project_trackers has no cascade from trackers).
    const Removal removal = removeRow("DELETE FROM trackers WHERE id = ?", id);
    if (removal == Removal::Removed) {
        // Removed means no issue has it (fk_issues_tracker), so every slot of it counts nothing.
        auto& counts = _db.prepare("DELETE FROM issue_counts WHERE tracker_id = ?");
        counts.setUInt(1, id);
        _db.run([&] { counts.executeUpdate(); });
    }
    return removal;
}

// --- statuses --------------------------------------------------------------------------------

std::vector<StatusRecord> EnumerationRepository::statuses() {
    return readAll<StatusRecord>(_db, kStatuses + " ORDER BY position, name", readStatus);
}

std::optional<StatusRecord> EnumerationRepository::status(unsigned id) {
    return readOne<StatusRecord>(_db, kStatuses + " WHERE id = ?", id, readStatus);
}

unsigned EnumerationRepository::createStatus(const domain::StatusFields& f) {
    auto& ps = _db.prepare("INSERT INTO issue_statuses (name, position, is_closed, is_new) VALUES (?, ?, ?, ?) RETURNING id");
    ps.setString(1, f.name);
    ps.setInt(2, f.position);
    ps.setBoolean(3, f.closed);
    ps.setBoolean(4, f.isNew);
    const auto id = static_cast<unsigned>(_db.insertReturningId(ps));
    auto& counts = _db.prepare(
        "INSERT IGNORE INTO issue_counts (project_id, tracker_id, status_id, n)"
        " SELECT project_id, tracker_id, ?, 0 FROM project_trackers");
    counts.setUInt(1, id);
    _db.run([&] { counts.executeUpdate(); });
    return id;
}

bool EnumerationRepository::updateStatus(unsigned id, const domain::StatusFields& f) {
    auto& ps = _db.prepare("UPDATE issue_statuses SET name = ?, position = ?, is_closed = ?, is_new = ? WHERE id = ?");
    ps.setString(1, f.name);
    ps.setInt(2, f.position);
    ps.setBoolean(3, f.closed);
    ps.setBoolean(4, f.isNew);
    ps.setUInt(5, id);
    _db.run([&] { ps.executeUpdate(); });
    return status(id).has_value();
}

Removal EnumerationRepository::removeStatus(unsigned id) {
    auto& rules = _db.prepare("DELETE FROM workflow_transitions WHERE old_status_id = ? OR new_status_id = ?");
    rules.setUInt(1, id);
    rules.setUInt(2, id);
    _db.run([&] { rules.executeUpdate(); });
    // issue_counts has no foreign key: a status with counted issues is in use.
    auto& used = _db.prepare("SELECT COALESCE(SUM(n), 0) FROM issue_counts WHERE status_id = ?");
    used.setUInt(1, id);
    long long issues = 0;
    forEachRow(_db, used, [&](sql::ResultSet& rs) { issues = rs.getInt64(1); });
    if (issues > 0) return Removal::InUse;
    const Removal removal = removeRow("DELETE FROM issue_statuses WHERE id = ?", id);
    if (removal == Removal::Removed) {
        auto& counts = _db.prepare("DELETE FROM issue_counts WHERE status_id = ?");
        counts.setUInt(1, id);
        _db.run([&] { counts.executeUpdate(); });
    }
    return removal;
}

// --- priorities ------------------------------------------------------------------------------

std::vector<PriorityRecord> EnumerationRepository::priorities() {
    return readAll<PriorityRecord>(_db, kPriorities + " ORDER BY position, name", readPriority);
}

std::optional<PriorityRecord> EnumerationRepository::priority(unsigned id) {
    return readOne<PriorityRecord>(_db, kPriorities + " WHERE id = ?", id, readPriority);
}

void EnumerationRepository::clearOtherDefaults(unsigned keepId) {
    auto& ps = _db.prepare("UPDATE priorities SET is_default = 0 WHERE id <> ? AND is_default = 1");
    ps.setUInt(1, keepId);
    _db.run([&] { ps.executeUpdate(); });
}

unsigned EnumerationRepository::createPriority(const domain::PriorityFields& f) {
    auto& ps = _db.prepare("INSERT INTO priorities (name, position, is_default) VALUES (?, ?, ?) RETURNING id");
    ps.setString(1, f.name);
    ps.setInt(2, f.position);
    ps.setBoolean(3, f.isDefault);
    const auto id = static_cast<unsigned>(_db.insertReturningId(ps));
    if (f.isDefault) clearOtherDefaults(id);
    return id;
}

bool EnumerationRepository::updatePriority(unsigned id, const domain::PriorityFields& f) {
    auto& ps = _db.prepare("UPDATE priorities SET name = ?, position = ?, is_default = ? WHERE id = ?");
    ps.setString(1, f.name);
    ps.setInt(2, f.position);
    ps.setBoolean(3, f.isDefault);
    ps.setUInt(4, id);
    _db.run([&] { ps.executeUpdate(); });
    if (!priority(id)) return false;
    if (f.isDefault) clearOtherDefaults(id);
    return true;
}

Removal EnumerationRepository::removePriority(unsigned id) {
    return removeRow("DELETE FROM priorities WHERE id = ?", id);
}

// --- roles -----------------------------------------------------------------------------------

std::vector<RoleRecord> EnumerationRepository::roles() {
    return readAll<RoleRecord>(_db, kRoles + " ORDER BY position, name", readRole);
}

std::optional<RoleRecord> EnumerationRepository::role(unsigned id) {
    return readOne<RoleRecord>(_db, kRoles + " WHERE id = ?", id, readRole);
}

unsigned EnumerationRepository::createRole(const domain::RoleFields& f) {
    auto& ps = _db.prepare("INSERT INTO roles (name, position, permissions) VALUES (?, ?, ?) RETURNING id");
    ps.setString(1, f.name);
    ps.setInt(2, f.position);
    ps.setString(3, joined(f.permissions));
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

bool EnumerationRepository::updateRole(unsigned id, const domain::RoleFields& f) {
    auto& ps = _db.prepare("UPDATE roles SET name = ?, position = ?, permissions = ? WHERE id = ?");
    ps.setString(1, f.name);
    ps.setInt(2, f.position);
    ps.setString(3, joined(f.permissions));
    ps.setUInt(4, id);
    _db.run([&] { ps.executeUpdate(); });
    return role(id).has_value();
}

Removal EnumerationRepository::removeRole(unsigned id) {
    // workflow_transitions cascade; memberships and trackers' assignable role refuse.
    return removeRow("DELETE FROM roles WHERE id = ?", id);
}

} // namespace ticketflow::storage
