// Attachment rows and the journal lines that announce them, in MariaDB.
#include "core/storage/attachment_repository.hpp"

namespace ticketflow::storage {

namespace {

// A customer login is not in the catalog's staff list, so the author's name is joined here.
const std::string kSelect =
    "SELECT a.id, a.issue_id, a.journal_id, a.filename, a.disk_filename, a.content_type, a.filesize, a.digest,"
    " a.author_id, a.is_public, a.created_at,"
    " COALESCE(NULLIF(TRIM(CONCAT(u.firstname, ' ', u.lastname)), ''), u.login, '') AS author_name"
    " FROM attachments a LEFT JOIN users u ON u.id = a.author_id";

domain::Attachment readAttachment(sql::ResultSet& rs) {
    domain::Attachment a;
    a.id = rs.getUInt("id");
    a.issueId = optionalUInt(rs, "issue_id");
    a.journalId = optionalUInt(rs, "journal_id");
    a.filename = rs.getString("filename");
    a.diskFilename = rs.getString("disk_filename");
    a.contentType = rs.getString("content_type");
    a.filesize = rs.getUInt64("filesize");
    a.digest = rs.getString("digest");
    a.authorId = optionalUInt(rs, "author_id");
    a.isPublic = rs.getBoolean("is_public");
    a.createdAt = rs.getString("created_at");
    a.authorName = rs.getString("author_name");
    return a;
}

} // namespace

std::optional<domain::Attachment> AttachmentRepository::find(unsigned id) {
    auto& ps = _db.prepare(kSelect + " WHERE a.id = ?");
    ps.setUInt(1, id);
    return _db.run([&]() -> std::optional<domain::Attachment> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readAttachment(*rs);
    });
}

std::vector<domain::Attachment> AttachmentRepository::listForIssue(unsigned issueId) {
    auto& ps = _db.prepare(kSelect + " WHERE a.issue_id = ? ORDER BY a.id");
    ps.setUInt(1, issueId);
    return _db.run([&] {
        std::vector<domain::Attachment> out;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) out.push_back(readAttachment(*rs));
        return out;
    });
}

unsigned AttachmentRepository::insert(const domain::Attachment& a) {
    auto& ps = _db.prepare(
        "INSERT INTO attachments (issue_id, journal_id, filename, disk_filename, content_type, filesize, digest,"
        " author_id, is_public, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), NOW()))"
        " RETURNING id");
    bindOptional(ps, 1, a.issueId);
    bindOptional(ps, 2, a.journalId);
    ps.setString(3, a.filename);
    ps.setString(4, a.diskFilename);
    ps.setString(5, a.contentType);
    ps.setUInt64(6, a.filesize);
    ps.setString(7, a.digest);
    bindOptional(ps, 8, a.authorId);
    ps.setBoolean(9, a.isPublic);
    ps.setString(10, a.createdAt);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

void AttachmentRepository::addJournalDetail(unsigned journalId, unsigned attachmentId, const std::string& filename) {
    auto& ps = _db.prepare(
        "INSERT INTO journal_details (journal_id, property, prop_key, old_value, value)"
        " VALUES (?, 'attachment', ?, NULL, ?)");
    ps.setUInt(1, journalId);
    ps.setString(2, std::to_string(attachmentId));
    ps.setString(3, filename);
    _db.run([&] { ps.executeUpdate(); });
}

unsigned AttachmentRepository::copyToIssue(unsigned fromIssueId, unsigned toIssueId) {
    auto& ps = _db.prepare(
        "INSERT INTO attachments (issue_id, filename, disk_filename, content_type, filesize, digest, author_id,"
        " is_public, created_at) SELECT ?, filename, disk_filename, content_type, filesize, digest, author_id,"
        " is_public, NOW() FROM attachments WHERE issue_id = ? AND upload_token IS NULL ORDER BY id");
    ps.setUInt(1, toIssueId);
    ps.setUInt(2, fromIssueId);
    return _db.run([&] { return static_cast<unsigned>(ps.executeUpdate()); });
}

unsigned AttachmentRepository::insertPending(const domain::Attachment& a, const std::string& tokenDigest) {
    auto& ps = _db.prepare(
        "INSERT INTO attachments (issue_id, filename, disk_filename, content_type, filesize, digest, author_id,"
        " is_public, upload_token, created_at) VALUES (NULL, ?, ?, ?, ?, ?, ?, 1, ?, NOW()) RETURNING id");
    ps.setString(1, a.filename);
    ps.setString(2, a.diskFilename);
    ps.setString(3, a.contentType);
    ps.setUInt64(4, a.filesize);
    ps.setString(5, a.digest);
    bindOptional(ps, 6, a.authorId);
    ps.setString(7, tokenDigest);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

bool AttachmentRepository::claimPending(unsigned id, const std::string& tokenDigest, std::optional<unsigned> authorId,
                                        unsigned issueId, std::optional<unsigned> journalId, bool isPublic) {
    auto& ps = _db.prepare(
        "UPDATE attachments SET issue_id = ?, journal_id = ?, is_public = ?, upload_token = NULL, created_at = NOW()"
        " WHERE id = ? AND upload_token = ? AND issue_id IS NULL AND author_id <=> ?");
    ps.setUInt(1, issueId);
    bindOptional(ps, 2, journalId);
    ps.setBoolean(3, isPublic);
    ps.setUInt(4, id);
    ps.setString(5, tokenDigest);
    bindOptional(ps, 6, authorId);
    return _db.run([&] { return ps.executeUpdate() == 1; });
}

namespace {

constexpr const char* kStalePending =
    " FROM attachments WHERE issue_id IS NULL AND upload_token IS NOT NULL"
    " AND created_at < NOW() - INTERVAL ? HOUR";

} // namespace

unsigned long AttachmentRepository::countStalePending(unsigned hours) {
    auto& ps = _db.prepare(std::string("SELECT COUNT(*)") + kStalePending);
    ps.setUInt(1, hours);
    unsigned long n = 0;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { n = rs.getUInt64(1); });
    return n;
}

unsigned long AttachmentRepository::removeStalePending(unsigned hours) {
    auto& ps = _db.prepare(std::string("DELETE") + kStalePending);
    ps.setUInt(1, hours);
    return _db.run([&] { return static_cast<unsigned long>(ps.executeUpdate()); });
}

std::unordered_set<std::string> AttachmentRepository::diskFilenamesKept(unsigned hours) {
    std::unordered_set<std::string> names;
    auto& ps = _db.prepare(
        "SELECT DISTINCT disk_filename FROM attachments WHERE NOT (issue_id IS NULL AND upload_token IS NOT NULL"
        " AND created_at < NOW() - INTERVAL ? HOUR)");
    ps.setUInt(1, hours);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { names.emplace(rs.getString(1)); });
    return names;
}

} // namespace ticketflow::storage
