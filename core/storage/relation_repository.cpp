// Issue relations in MariaDB.
#include "core/storage/relation_repository.hpp"

namespace ticketflow::storage {

namespace {

domain::Relation readRelation(sql::ResultSet& rs) {
    return {rs.getUInt("id"), rs.getUInt("issue_from_id"), rs.getUInt("issue_to_id"), rs.getString("relation_type")};
}

} // namespace

std::vector<domain::Relation> RelationRepository::forIssue(unsigned issueId) {
    // Two index lookups (from, to) rather than an OR the optimizer may turn into a scan.
    auto& ps = _db.prepare(
        "SELECT id, issue_from_id, issue_to_id, relation_type FROM issue_relations WHERE issue_from_id = ?"
        " UNION SELECT id, issue_from_id, issue_to_id, relation_type FROM issue_relations WHERE issue_to_id = ?"
        " ORDER BY id");
    ps.setUInt(1, issueId);
    ps.setUInt(2, issueId);
    return _db.run([&] {
        std::vector<domain::Relation> out;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) out.push_back(readRelation(*rs));
        return out;
    });
}

std::optional<domain::Relation> RelationRepository::find(unsigned id) {
    auto& ps = _db.prepare("SELECT id, issue_from_id, issue_to_id, relation_type FROM issue_relations WHERE id = ?");
    ps.setUInt(1, id);
    return _db.run([&]() -> std::optional<domain::Relation> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readRelation(*rs);
    });
}

bool RelationRepository::exists(const domain::Relation& r) {
    auto& ps = _db.prepare(
        "SELECT COUNT(*) AS n FROM issue_relations WHERE relation_type = ? AND"
        " ((issue_from_id = ? AND issue_to_id = ?) OR (issue_from_id = ? AND issue_to_id = ?))");
    ps.setString(1, r.type);
    ps.setUInt(2, r.fromId);
    ps.setUInt(3, r.toId);
    ps.setUInt(4, r.toId);
    ps.setUInt(5, r.fromId);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        return rs->next() && rs->getInt64("n") > 0;
    });
}

unsigned RelationRepository::insert(const domain::Relation& r) {
    auto& ps = _db.prepare("INSERT INTO issue_relations (issue_from_id, issue_to_id, relation_type) VALUES (?, ?, ?) RETURNING id");
    ps.setUInt(1, r.fromId);
    ps.setUInt(2, r.toId);
    ps.setString(3, r.type);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

bool RelationRepository::remove(unsigned id) {
    auto& ps = _db.prepare("DELETE FROM issue_relations WHERE id = ?");
    ps.setUInt(1, id);
    return _db.run([&] { return ps.executeUpdate() == 1; });
}

} // namespace ticketflow::storage
