// Saved issue queries (the built-in NewIssues query among them).
#include "core/storage/query_repository.hpp"

namespace ticketflow::storage {

namespace {

const std::string kColumns =
    "SELECT id, project_id, user_id, name, filters, is_public, builtin IS NOT NULL AS is_builtin FROM queries";

SavedQuery readQuery(sql::ResultSet& rs) {
    SavedQuery q;
    q.id = rs.getUInt("id");
    q.projectId = optionalUInt(rs, "project_id");
    q.userId = optionalUInt(rs, "user_id");
    q.name = rs.getString("name");
    q.filters = rs.getString("filters");
    q.isPublic = rs.getBoolean("is_public");
    q.builtin = rs.getBoolean("is_builtin");
    return q;
}

std::optional<SavedQuery> readOne(Connection& db, sql::PreparedStatement& ps) {
    return db.run([&]() -> std::optional<SavedQuery> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readQuery(*rs);
    });
}

} // namespace

std::vector<SavedQuery> QueryRepository::readAll(sql::PreparedStatement& ps) {
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        std::vector<SavedQuery> queries;
        while (rs->next()) queries.push_back(readQuery(*rs));
        return queries;
    });
}

std::optional<SavedQuery> QueryRepository::find(unsigned id) {
    auto& ps = _db.prepare(kColumns + " WHERE id = ?");
    ps.setUInt(1, id);
    return readOne(_db, ps);
}

std::optional<SavedQuery> QueryRepository::findBuiltin(unsigned projectId, const std::string& builtin) {
    auto& ps = _db.prepare(kColumns + " WHERE project_id = ? AND builtin = ?");
    ps.setUInt(1, projectId);
    ps.setString(2, builtin);
    return readOne(_db, ps);
}

std::vector<SavedQuery> QueryRepository::candidates(unsigned userId, std::optional<unsigned> projectId) {
    if (!projectId) {
        auto& ps =
            _db.prepare(kColumns + " WHERE project_id IS NULL AND (user_id = ? OR is_public = 1) ORDER BY name, id");
        ps.setUInt(1, userId);
        return readAll(ps);
    }
    auto& ps = _db.prepare(kColumns +
                           " WHERE (project_id IS NULL OR project_id = ?) AND (user_id = ? OR is_public = 1)"
                           " ORDER BY name, id");
    ps.setUInt(1, *projectId);
    ps.setUInt(2, userId);
    return readAll(ps);
}

std::vector<SavedQuery> QueryRepository::allCandidates(unsigned userId) {
    auto& ps = _db.prepare(kColumns + " WHERE user_id = ? OR is_public = 1 ORDER BY id");
    ps.setUInt(1, userId);
    return readAll(ps);
}

unsigned QueryRepository::create(const SavedQuery& query) {
    auto& ps = _db.prepare(
        "INSERT INTO queries (project_id, user_id, name, is_public, builtin, filters, created_at)"
        " VALUES (?, ?, ?, ?, NULL, ?, NOW()) RETURNING id");
    bindOptional(ps, 1, query.projectId);
    bindOptional(ps, 2, query.userId);
    ps.setString(3, query.name);
    ps.setBoolean(4, query.isPublic);
    ps.setString(5, query.filters);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

bool QueryRepository::remove(unsigned id) {
    auto& ps = _db.prepare("DELETE FROM queries WHERE id = ? AND builtin IS NULL");
    ps.setUInt(1, id);
    return _db.run([&] { return ps.executeUpdate() == 1; });
}

void QueryRepository::setBuiltinFilters(const std::string& builtin, const std::string& filters) {
    auto& ps = _db.prepare("UPDATE queries SET filters = ? WHERE builtin = ?");
    ps.setString(1, filters);
    ps.setString(2, builtin);
    _db.run([&] { ps.executeUpdate(); });
}

} // namespace ticketflow::storage
