// Loads the reference data (projects, trackers, statuses, workflow, members) in one go.
#include "core/storage/catalog_repository.hpp"

#include "core/storage/workflow_repository.hpp"

#include <functional>

namespace ticketflow::storage {

namespace {

void each(Connection& db, const std::string& sqlText, const std::function<void(sql::ResultSet&)>& f) {
    auto& ps = db.prepare(sqlText);
    db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) f(*rs);
    });
}

} // namespace

domain::Catalog CatalogRepository::load() {
    domain::Catalog c;
    _db.execute("START TRANSACTION READ ONLY");
    try {
        each(_db,
             "SELECT id, identifier, name, COALESCE(description, '') AS description, customer_facing,"
             " COALESCE(support_address, '') AS support, COALESCE(catchall_address, '') AS catchall"
             " FROM projects ORDER BY position, name",
             [&](sql::ResultSet& rs) {
                 c.projects.push_back({rs.getUInt("id"),
                                       rs.getString("identifier"),
                                       rs.getString("name"),
                                       rs.getString("description"),
                                       rs.getBoolean("customer_facing"),
                                       {},
                                       rs.getString("support"),
                                       rs.getString("catchall")});
             });
        each(_db,
             "SELECT project_id, tracker_id FROM project_trackers pt JOIN trackers t ON t.id = pt.tracker_id"
             " ORDER BY t.position",
             [&](sql::ResultSet& rs) {
                 for (auto& p : c.projects) {
                     if (p.id == rs.getUInt("project_id")) p.trackerIds.push_back(rs.getUInt("tracker_id"));
                 }
             });
        each(_db, "SELECT id, name, default_status_id, assignable_role_id FROM trackers ORDER BY position",
             [&](sql::ResultSet& rs) {
                 c.trackers.push_back({rs.getUInt("id"), rs.getString("name"), rs.getUInt("default_status_id"),
                                       optionalUInt(rs, "assignable_role_id")});
             });
        each(_db, "SELECT id, name, is_closed, is_new FROM issue_statuses ORDER BY position", [&](sql::ResultSet& rs) {
            c.statuses.push_back(
                {rs.getUInt("id"), rs.getString("name"), rs.getBoolean("is_closed"), rs.getBoolean("is_new")});
        });
        each(_db, "SELECT id, name, is_default FROM priorities ORDER BY position", [&](sql::ResultSet& rs) {
            c.priorities.push_back({rs.getUInt("id"), rs.getString("name"), rs.getBoolean("is_default")});
        });
        each(_db,
             "SELECT id, project_id, name, status, COALESCE(DATE_FORMAT(due_date, '%Y-%m-%d'), '') AS due"
             " FROM milestones ORDER BY project_id, due_date IS NULL, due_date, name",
             [&](sql::ResultSet& rs) {
                 c.milestones.push_back({rs.getUInt("id"), rs.getUInt("project_id"), rs.getString("name"),
                                         rs.getString("status"), rs.getString("due")});
             });
        each(_db, "SELECT id, name, permissions FROM roles ORDER BY position", [&](sql::ResultSet& rs) {
            domain::Role r;
            r.id = rs.getUInt("id");
            r.name = rs.getString("name");
            r.permissions = domain::PermissionSet::parse(std::string(rs.getString("permissions")));
            c.roles.push_back(r);
        });
        each(_db,
             "SELECT id, login, TRIM(CONCAT(firstname, ' ', lastname)) AS name, status,"
             " COALESCE(mail, '') AS mail FROM users WHERE kind = 'staff' ORDER BY id",
             [&](sql::ResultSet& rs) {
                 std::string name = rs.getString("name");
                 if (name.empty()) name = rs.getString("login");
                 c.staff.push_back({rs.getUInt("id"), rs.getString("login"), name, rs.getString("status") == "active",
                                    rs.getString("mail")});
             });
        each(_db, "SELECT user_id, project_id, role_id FROM memberships", [&](sql::ResultSet& rs) {
            c.memberships.push_back({rs.getUInt("user_id"), rs.getUInt("project_id"), rs.getUInt("role_id")});
        });
        each(_db, "SELECT project_id, id FROM queries WHERE builtin = 'new_issues' AND project_id IS NOT NULL",
             [&](sql::ResultSet& rs) { c.newIssuesQueryIds[rs.getUInt("project_id")] = rs.getUInt("id"); });
        std::vector<domain::TransitionRule> rules;
        each(_db,
             "SELECT tracker_id, role_id, old_status_id, new_status_id, note_required, assignee_required,"
             " milestone_required, assignee_only FROM workflow_transitions",
             [&](sql::ResultSet& rs) { rules.push_back(readTransitionRule(rs)); });
        c.workflow = domain::Workflow(std::move(rules));
    } catch (...) {
        _db.rollback();
        throw;
    }
    _db.commit();
    return c;
}

} // namespace ticketflow::storage
