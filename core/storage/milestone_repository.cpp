// Milestones in MariaDB: the rows, and counts of their issues for the roadmap and load pages.
#include "core/storage/milestone_repository.hpp"

#include <algorithm>

namespace ticketflow::storage {

namespace {

const std::string kColumns =
    "SELECT id, project_id, name, description, status,"
    " COALESCE(DATE_FORMAT(due_date, '%Y-%m-%d'), '') AS due FROM milestones";

MilestoneRow readRow(sql::ResultSet& rs) {
    MilestoneRow m;
    m.id = rs.getUInt("id");
    m.projectId = rs.getUInt("project_id");
    m.fields.name = rs.getString("name");
    m.fields.description = rs.getString("description");
    m.fields.status = rs.getString("status");
    m.fields.dueDate = rs.getString("due");
    return m;
}

void bindFields(sql::PreparedStatement& ps, int first, const domain::MilestoneFields& f) {
    ps.setString(first, f.name);
    ps.setString(first + 1, f.description);
    if (f.dueDate.empty())
        ps.setNull(first + 2, 0);
    else
        ps.setString(first + 2, f.dueDate);
    ps.setString(first + 3, f.status);
}

bool inScope(const domain::ListScope& scope, unsigned projectId) {
    return std::find(scope.projectIds.begin(), scope.projectIds.end(), projectId) != scope.projectIds.end();
}

// Customer logins count only their own issues; 0 (no customer id is 0) means everyone's.
constexpr const char* kScopeFilter = " AND i.project_id = ? AND (? = 0 OR i.customer_id = ?)";

void bindScope(sql::PreparedStatement& ps, int first, unsigned projectId, const domain::ListScope& scope) {
    ps.setUInt(first, projectId);
    ps.setUInt(first + 1, scope.customerId.value_or(0));
    ps.setUInt(first + 2, scope.customerId.value_or(0));
}

} // namespace

std::optional<MilestoneRow> MilestoneRepository::find(unsigned id) {
    auto& ps = _db.prepare(kColumns + " WHERE id = ?");
    ps.setUInt(1, id);
    return _db.run([&]() -> std::optional<MilestoneRow> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readRow(*rs);
    });
}

std::vector<MilestoneRow> MilestoneRepository::ofProject(unsigned projectId) {
    auto& ps = _db.prepare(kColumns + " WHERE project_id = ? ORDER BY due_date IS NULL, due_date, name, id");
    ps.setUInt(1, projectId);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        std::vector<MilestoneRow> rows;
        while (rs->next()) rows.push_back(readRow(*rs));
        return rows;
    });
}

bool MilestoneRepository::nameTaken(unsigned projectId, const std::string& name, unsigned exceptId) {
    auto& ps = _db.prepare("SELECT 1 FROM milestones WHERE project_id = ? AND name = ? AND id <> ? LIMIT 1");
    ps.setUInt(1, projectId);
    ps.setString(2, name);
    ps.setUInt(3, exceptId);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        return rs->next();
    });
}

unsigned MilestoneRepository::insert(unsigned projectId, const domain::MilestoneFields& fields) {
    auto& ps =
        _db.prepare("INSERT INTO milestones (project_id, name, description, due_date, status) VALUES (?, ?, ?, ?, ?) RETURNING id");
    ps.setUInt(1, projectId);
    bindFields(ps, 2, fields);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

void MilestoneRepository::update(unsigned id, const domain::MilestoneFields& fields) {
    auto& ps = _db.prepare("UPDATE milestones SET name = ?, description = ?, due_date = ?, status = ? WHERE id = ?");
    bindFields(ps, 1, fields);
    ps.setUInt(5, id);
    _db.run([&] { ps.executeUpdate(); });
}

bool MilestoneRepository::removeUnused(unsigned id) {
    auto& ps =
        _db.prepare("DELETE FROM milestones WHERE id = ? AND NOT EXISTS (SELECT 1 FROM issues WHERE milestone_id = ?)");
    ps.setUInt(1, id);
    ps.setUInt(2, id);
    return _db.run([&] { return ps.executeUpdate() > 0; });
}

long MilestoneRepository::issueCount(unsigned id) {
    auto& ps = _db.prepare("SELECT COUNT(*) AS n FROM issues WHERE milestone_id = ?");
    ps.setUInt(1, id);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        return rs->next() ? static_cast<long>(rs->getInt64("n")) : 0L;
    });
}

std::vector<MilestoneCount> MilestoneRepository::countsByStatus(unsigned projectId, unsigned milestoneId,
                                                                const domain::ListScope& scope) {
    if (!inScope(scope, projectId)) return {};
    // One milestone uses the (milestone_id, status_id) index; a whole roadmap groups the
    // project's milestoned issues in one pass.
    const std::string where = milestoneId ? "i.milestone_id = ?" : "i.milestone_id IS NOT NULL AND ? = 0";
    auto& ps = _db.prepare("SELECT i.milestone_id, i.status_id, COUNT(*) AS n FROM issues i WHERE " + where +
                           kScopeFilter + " GROUP BY i.milestone_id, i.status_id");
    ps.setUInt(1, milestoneId);
    bindScope(ps, 2, projectId, scope);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        std::vector<MilestoneCount> rows;
        while (rs->next()) {
            rows.push_back(
                {rs->getUInt("milestone_id"), rs->getUInt("status_id"), static_cast<long>(rs->getInt64("n"))});
        }
        return rows;
    });
}

std::vector<MilestoneRepository::AssigneeCount> MilestoneRepository::countsByAssignee(unsigned projectId,
                                                                                      unsigned milestoneId,
                                                                                      const domain::ListScope& scope) {
    if (!inScope(scope, projectId)) return {};
    auto& ps = _db.prepare(std::string("SELECT i.assigned_to_id, i.status_id, COUNT(*) AS n FROM issues i"
                                       " WHERE i.milestone_id = ?") +
                           kScopeFilter + " GROUP BY i.assigned_to_id, i.status_id");
    ps.setUInt(1, milestoneId);
    bindScope(ps, 2, projectId, scope);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        std::vector<AssigneeCount> rows;
        while (rs->next()) {
            rows.push_back(
                {optionalUInt(*rs, "assigned_to_id"), rs->getUInt("status_id"), static_cast<long>(rs->getInt64("n"))});
        }
        return rows;
    });
}

} // namespace ticketflow::storage
