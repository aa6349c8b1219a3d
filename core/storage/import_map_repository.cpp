// The import's memory: sources, mappings and history waiting for its issue.
#include "core/storage/import_map_repository.hpp"

namespace ticketflow::storage {

unsigned ImportMapRepository::sourceId(const std::string& url) {
    auto& insert = _db.prepare("INSERT IGNORE INTO import_sources (url) VALUES (?)");
    insert.setString(1, url);
    _db.run([&] { insert.executeUpdate(); });
    auto& find = _db.prepare("SELECT id FROM import_sources WHERE url = ?");
    find.setString(1, url);
    unsigned id = 0;
    forEachRow(_db, find, [&](sql::ResultSet& rs) { id = rs.getUInt(1); });
    if (!id) throw StorageError("import_sources has no row for the source just recorded");
    return id;
}

std::vector<ImportMapRow> ImportMapRepository::all(unsigned sourceId) {
    auto& ps = _db.prepare(
        "SELECT kind, remote_id, scope, local_id, created, digest FROM import_map WHERE source_id = ?");
    ps.setUInt(1, sourceId);
    std::vector<ImportMapRow> rows;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) {
        rows.push_back({rs.getString(1), rs.getUInt(2), rs.getUInt(3), rs.getUInt(4), rs.getBoolean(5), rs.getString(6)});
    });
    return rows;
}

void ImportMapRepository::put(unsigned sourceId, const ImportMapRow& row) {
    auto& ps = _db.prepare(
        "INSERT INTO import_map (source_id, kind, remote_id, scope, local_id, created, digest)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON DUPLICATE KEY UPDATE local_id = VALUES(local_id), created = VALUES(created), digest = VALUES(digest),"
        " imported_at = NOW()");
    ps.setUInt(1, sourceId);
    ps.setString(2, row.kind);
    ps.setUInt(3, row.remoteId);
    ps.setUInt(4, row.scope);
    ps.setUInt(5, row.localId);
    ps.setBoolean(6, row.created);
    ps.setString(7, row.digest);
    _db.run([&] { ps.executeUpdate(); });
}

void ImportMapRepository::addPending(unsigned sourceId, unsigned detailId, bool oldValue, unsigned remoteIssueId) {
    auto& ps = _db.prepare(
        "INSERT INTO import_pending_details (detail_id, which_value, source_id, remote_issue_id) VALUES (?, ?, ?, ?)");
    ps.setUInt(1, detailId);
    ps.setString(2, oldValue ? "old" : "new");
    ps.setUInt(3, sourceId);
    ps.setUInt(4, remoteIssueId);
    _db.run([&] { ps.executeUpdate(); });
}

void ImportMapRepository::resolvePending(unsigned sourceId, unsigned remoteIssueId, unsigned localIssueId) {
    auto& fill = _db.prepare(
        "UPDATE journal_details d JOIN import_pending_details p ON p.detail_id = d.id"
        " SET d.old_value = IF(p.which_value = 'old', ?, d.old_value), d.value = IF(p.which_value = 'new', ?, d.value)"
        " WHERE p.source_id = ? AND p.remote_issue_id = ?");
    const std::string local = std::to_string(localIssueId);
    fill.setString(1, local);
    fill.setString(2, local);
    fill.setUInt(3, sourceId);
    fill.setUInt(4, remoteIssueId);
    const int filled = _db.run([&] { return fill.executeUpdate(); });
    if (filled == 0) return;
    auto& forget = _db.prepare("DELETE FROM import_pending_details WHERE source_id = ? AND remote_issue_id = ?");
    forget.setUInt(1, sourceId);
    forget.setUInt(2, remoteIssueId);
    _db.run([&] { forget.executeUpdate(); });
}

unsigned ImportMapRepository::pendingCount(unsigned sourceId) {
    auto& ps = _db.prepare("SELECT COUNT(*) FROM import_pending_details WHERE source_id = ?");
    ps.setUInt(1, sourceId);
    unsigned n = 0;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { n = rs.getUInt(1); });
    return n;
}

} // namespace ticketflow::storage
