// Saved issue queries (the built-in NewIssues query among them).
#include "core/storage/query_repository.hpp"

namespace ticketflow::storage {

namespace {

std::optional<SavedQuery> readOne(Connection& db, sql::PreparedStatement& ps) {
    return db.run([&]() -> std::optional<SavedQuery> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        SavedQuery q;
        q.id = rs->getUInt("id");
        q.projectId = optionalUInt(*rs, "project_id");
        q.userId = optionalUInt(*rs, "user_id");
        q.name = rs->getString("name");
        q.filters = rs->getString("filters");
        q.isPublic = rs->getBoolean("is_public");
        return q;
    });
}

} // namespace

std::optional<SavedQuery> QueryRepository::find(unsigned id) {
    auto& ps = _db.prepare("SELECT id, project_id, user_id, name, filters, is_public FROM queries WHERE id = ?");
    ps.setUInt(1, id);
    return readOne(_db, ps);
}

std::optional<SavedQuery> QueryRepository::findBuiltin(unsigned projectId, const std::string& builtin) {
    auto& ps = _db.prepare(
        "SELECT id, project_id, user_id, name, filters, is_public FROM queries"
        " WHERE project_id = ? AND builtin = ?");
    ps.setUInt(1, projectId);
    ps.setString(2, builtin);
    return readOne(_db, ps);
}

} // namespace ticketflow::storage
