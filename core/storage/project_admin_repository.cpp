// Writes and reads of projects for the administration pages.
#include "core/storage/project_admin_repository.hpp"

namespace ticketflow::storage {

namespace {

const std::string kColumns =
    "SELECT id, identifier, name, COALESCE(description, '') AS description, customer_facing,"
    " COALESCE(support_address, '') AS support_address, COALESCE(catchall_address, '') AS catchall_address,"
    " position FROM projects";

ProjectRecord readProject(sql::ResultSet& rs) {
    ProjectRecord p;
    p.id = rs.getUInt("id");
    p.fields.identifier = rs.getString("identifier");
    p.fields.name = rs.getString("name");
    p.fields.description = rs.getString("description");
    p.fields.customerFacing = rs.getBoolean("customer_facing");
    p.fields.supportAddress = rs.getString("support_address");
    p.fields.catchallAddress = rs.getString("catchall_address");
    p.fields.position = rs.getInt("position");
    return p;
}

} // namespace

std::vector<ProjectRecord> ProjectAdminRepository::list() {
    std::vector<ProjectRecord> out;
    auto& ps = _db.prepare(kColumns + " ORDER BY position, name");
    _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) out.push_back(readProject(*rs));
    });
    return out;
}

std::optional<ProjectRecord> ProjectAdminRepository::find(unsigned id) {
    std::optional<ProjectRecord> out;
    auto& ps = _db.prepare(kColumns + " WHERE id = ?");
    ps.setUInt(1, id);
    _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (rs->next()) out = readProject(*rs);
    });
    if (!out) return out;
    auto& trackers = _db.prepare(
        "SELECT pt.tracker_id FROM project_trackers pt JOIN trackers t ON t.id = pt.tracker_id"
        " WHERE pt.project_id = ? ORDER BY t.position");
    trackers.setUInt(1, id);
    _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(trackers.executeQuery());
        while (rs->next()) out->fields.trackerIds.push_back(rs->getUInt(1));
    });
    return out;
}

unsigned ProjectAdminRepository::create(const domain::ProjectFields& f, const std::string& newIssuesFilter) {
    auto& ps = _db.prepare(
        "INSERT INTO projects (identifier, name, description, customer_facing, support_address, catchall_address,"
        " position) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    ps.setString(1, f.identifier);
    ps.setString(2, f.name);
    ps.setString(3, f.description);
    ps.setBoolean(4, f.customerFacing);
    bindOptionalText(ps, 5, f.supportAddress);
    bindOptionalText(ps, 6, f.catchallAddress);
    ps.setInt(7, f.position);
    const auto id = static_cast<unsigned>(_db.insertReturningId(ps));
    auto& query = _db.prepare(
        "INSERT INTO queries (project_id, user_id, name, is_public, builtin, filters)"
        " VALUES (?, NULL, 'NewIssues', 1, 'new_issues', ?)");
    query.setUInt(1, id);
    query.setString(2, newIssuesFilter);
    _db.run([&] { query.executeUpdate(); });
    update(id, f);
    return id;
}

void ProjectAdminRepository::update(unsigned id, const domain::ProjectFields& f) {
    auto& ps = _db.prepare(
        "UPDATE projects SET name = ?, description = ?, customer_facing = ?, support_address = ?,"
        " catchall_address = ?, position = ? WHERE id = ?");
    ps.setString(1, f.name);
    ps.setString(2, f.description);
    ps.setBoolean(3, f.customerFacing);
    bindOptionalText(ps, 4, f.supportAddress);
    bindOptionalText(ps, 5, f.catchallAddress);
    ps.setInt(6, f.position);
    ps.setUInt(7, id);
    _db.run([&] { ps.executeUpdate(); });

    auto& clear = _db.prepare("DELETE FROM project_trackers WHERE project_id = ?");
    clear.setUInt(1, id);
    _db.run([&] { clear.executeUpdate(); });
    auto& add = _db.prepare("INSERT INTO project_trackers (project_id, tracker_id) VALUES (?, ?)");
    // Zero rows for every status, so the dashboard and its checks find a row per combination.
    auto& counts = _db.prepare(
        "INSERT IGNORE INTO issue_counts (project_id, tracker_id, status_id, n)"
        " SELECT ?, ?, s.id, 0 FROM issue_statuses s");
    for (unsigned trackerId : f.trackerIds) {
        add.setUInt(1, id);
        add.setUInt(2, trackerId);
        _db.run([&] { add.executeUpdate(); });
        counts.setUInt(1, id);
        counts.setUInt(2, trackerId);
        _db.run([&] { counts.executeUpdate(); });
    }
}

std::vector<unsigned> ProjectAdminRepository::trackersWithIssues(unsigned projectId) {
    std::vector<unsigned> out;
    auto& ps = _db.prepare(
        "SELECT tracker_id FROM issue_counts WHERE project_id = ? GROUP BY tracker_id HAVING SUM(n) > 0");
    ps.setUInt(1, projectId);
    _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) out.push_back(rs->getUInt(1));
    });
    return out;
}

} // namespace ticketflow::storage
