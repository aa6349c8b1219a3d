// inbound_mail: raw messages as they arrived, and the outcome of processing each.
#include "core/storage/inbound_mail_repository.hpp"

#include "core/domain/text.hpp"
#include "core/storage/mail_digest.hpp"

#include <algorithm>
#include <cstdint>
#include <sstream>

namespace ticketflow::storage {

StoredMail InboundMailRepository::store(const std::string& mailbox, std::string_view raw) {
    return insert(mailbox, raw, raw.size(), "received", "");
}

StoredMail InboundMailRepository::storeRejected(const std::string& mailbox, std::string_view head,
                                               std::uint64_t size, const std::string& reason) {
    return insert(mailbox, head, size, "rejected", reason);
}

StoredMail InboundMailRepository::insert(const std::string& mailbox, std::string_view raw, std::uint64_t size,
                                         const char* state, const std::string& reason) {
    const std::string digest = mailDigest(raw);
    auto& insert = _db.prepare(
        "INSERT INTO inbound_mail (mailbox, sha256, size, raw, state, reason, processed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, IF(? = 'received', NULL, NOW())) RETURNING id");
    std::istringstream body{std::string(raw)};
    insert.setString(1, mailbox);
    insert.setString(2, digest);
    insert.setUInt(3, static_cast<unsigned>(std::min<std::uint64_t>(size, UINT32_MAX))); // a column of 4 GB
    insert.setBlob(4, &body);
    insert.setString(5, state);
    insert.setString(6, reason);
    insert.setString(7, state);
    try {
        return {_db.insertReturningId(insert), false};
    } catch (const StorageError& e) {
        if (!e.duplicateKey()) throw;
    }
    auto& find = _db.prepare("SELECT id FROM inbound_mail WHERE sha256 = ?");
    find.setString(1, digest);
    StoredMail earlier{0, true};
    forEachRow(_db, find, [&](sql::ResultSet& rs) { earlier.id = rs.getUInt64(1); });
    if (earlier.id == 0) throw StorageError("inbound mail: a duplicate key but no earlier copy");
    return earlier;
}

bool InboundMailRepository::tryLock(const std::string& name) {
    auto& ps = _db.prepare("SELECT GET_LOCK(?, 0)");
    ps.setString(1, name);
    bool held = false;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { held = !rs.isNull(1) && rs.getInt(1) == 1; });
    return held;
}

void InboundMailRepository::unlock(const std::string& name) {
    auto& ps = _db.prepare("SELECT RELEASE_LOCK(?)");
    ps.setString(1, name);
    forEachRow(_db, ps, [](sql::ResultSet&) {});
}

std::uint64_t InboundMailRepository::countNew() {
    auto& ps = _db.prepare("SELECT COUNT(*) FROM inbound_mail WHERE state = 'received'");
    std::uint64_t n = 0;
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { n = rs.getUInt64(1); });
    return n;
}

namespace {

const char* const kRawColumns = "SELECT id, mailbox, raw, state, size, released FROM inbound_mail";

RawMail readRaw(sql::ResultSet& rs) {
    return RawMail{rs.getUInt64("id"), rs.getString("mailbox"), rs.getString("raw"), rs.getString("state"),
                   rs.getUInt64("size"), rs.getBoolean("released")};
}

} // namespace

std::vector<RawMail> InboundMailRepository::waiting(unsigned limit) {
    std::vector<RawMail> mail;
    auto& ps = _db.prepare(std::string(kRawColumns) + " WHERE state = 'received' ORDER BY id LIMIT ?");
    ps.setUInt(1, limit);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { mail.push_back(readRaw(rs)); });
    return mail;
}

std::optional<RawMail> InboundMailRepository::load(std::uint64_t id) {
    std::optional<RawMail> mail;
    auto& ps = _db.prepare(std::string(kRawColumns) + " WHERE id = ?");
    ps.setUInt64(1, id);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { mail = readRaw(rs); });
    return mail;
}

bool InboundMailRepository::finish(std::uint64_t id, const MailOutcome& o) {
    auto& ps = _db.prepare(
        "UPDATE inbound_mail SET state = ?, reason = ?, message_id = ?, sender = ?, subject = ?, issue_id = ?,"
        " journal_id = ?, processed_at = NOW() WHERE id = ? AND state = 'received'");
    ps.setString(1, o.state);
    // Parsed fields are valid UTF-8 (the parser's promise); the columns count characters.
    ps.setString(2, domain::truncateUtf8(o.reason, 255));
    bindOptionalText(ps, 3, domain::truncateUtf8(o.messageId, 255));
    bindOptionalText(ps, 4, domain::truncateUtf8(o.sender, 254));
    ps.setString(5, domain::truncateUtf8(o.subject, 255));
    bindOptional(ps, 6, o.issueId);
    bindOptional(ps, 7, o.journalId);
    ps.setUInt64(8, id);
    return _db.run([&] { return ps.executeUpdate(); }) == 1;
}

InboundMailRepository::SenderHistory InboundMailRepository::senderHistory(const std::string& messageId,
                                                                         const std::string& sender,
                                                                         std::uint64_t exceptId, unsigned minutes) {
    SenderHistory h;
    auto& ps = _db.prepare(
        "SELECT (SELECT id FROM inbound_mail WHERE message_id = ? AND ? <> '' AND state = 'processed' AND id <> ?"
        " LIMIT 1) AS same_id, (SELECT COUNT(*) FROM inbound_mail WHERE sender = ? AND state = 'processed'"
        " AND received_at > NOW() - INTERVAL ? MINUTE) AS recent, (SELECT id FROM users WHERE mail = ?) AS user_id,"
        " c.id AS customer_id, c.name AS customer_name FROM (SELECT 1) AS one"
        " LEFT JOIN customers c ON c.email = ?");
    ps.setString(1, messageId);
    ps.setString(2, messageId);
    ps.setUInt64(3, exceptId);
    ps.setString(4, sender);
    ps.setUInt(5, minutes);
    ps.setString(6, sender);
    ps.setString(7, sender);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) {
        if (!rs.isNull("same_id")) h.sameMessageId = rs.getUInt64("same_id");
        h.recentFromSender = static_cast<long>(rs.getInt64("recent"));
        if (!rs.isNull("user_id")) h.userId = rs.getUInt("user_id");
        if (!rs.isNull("customer_id")) {
            h.customerId = rs.getUInt("customer_id");
            h.customerName = rs.getString("customer_name");
        }
    });
    return h;
}

namespace {

const std::string kQueueColumns =
    "SELECT id, mailbox, state, reason, released, COALESCE(sender, '') AS sender, COALESCE(subject, '') AS subject,"
    " COALESCE(message_id, '') AS message_id, size, LENGTH(raw) AS stored_bytes, issue_id, journal_id,"
    " DATE_FORMAT(received_at, '%Y-%m-%d %H:%i:%s') AS received_at,"
    " COALESCE(DATE_FORMAT(processed_at, '%Y-%m-%d %H:%i:%s'), '') AS processed_at FROM inbound_mail";

QueuedMail readQueued(sql::ResultSet& rs) {
    QueuedMail m;
    m.id = rs.getUInt64("id");
    m.mailbox = rs.getString("mailbox");
    m.state = rs.getString("state");
    m.reason = rs.getString("reason");
    m.released = rs.getBoolean("released");
    m.sender = rs.getString("sender");
    m.subject = rs.getString("subject");
    m.messageId = rs.getString("message_id");
    m.size = rs.getUInt64("size");
    m.storedBytes = rs.getUInt64("stored_bytes");
    m.issueId = optionalUInt(rs, "issue_id");
    m.journalId = optionalUInt(rs, "journal_id");
    m.receivedAt = rs.getString("received_at");
    m.processedAt = rs.getString("processed_at");
    return m;
}

} // namespace

std::vector<QueuedMail> InboundMailRepository::queue(const std::string& state, unsigned offset, unsigned limit) {
    std::vector<QueuedMail> rows;
    auto& ps = _db.prepare(kQueueColumns + " WHERE (? = '' OR state = ?) ORDER BY id DESC LIMIT ? OFFSET ?");
    ps.setString(1, state);
    ps.setString(2, state);
    ps.setUInt(3, limit);
    ps.setUInt(4, offset);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { rows.push_back(readQueued(rs)); });
    return rows;
}

std::optional<QueuedMail> InboundMailRepository::queued(std::uint64_t id) {
    std::optional<QueuedMail> row;
    auto& ps = _db.prepare(kQueueColumns + " WHERE id = ?");
    ps.setUInt64(1, id);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { row = readQueued(rs); });
    return row;
}

std::vector<std::pair<std::string, long>> InboundMailRepository::countsByState() {
    std::vector<std::pair<std::string, long>> counts;
    auto& ps = _db.prepare("SELECT state, COUNT(*) FROM inbound_mail GROUP BY state ORDER BY state");
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { counts.emplace_back(rs.getString(1), static_cast<long>(rs.getInt64(2))); });
    return counts;
}

bool InboundMailRepository::release(std::uint64_t id) {
    auto& ps = _db.prepare(
        "UPDATE inbound_mail SET state = 'received', released = 1, reason = '', processed_at = NULL"
        " WHERE id = ? AND state IN ('ignored', 'spam', 'rejected') AND LENGTH(raw) = size");
    ps.setUInt64(1, id);
    return _db.run([&] { return ps.executeUpdate(); }) == 1;
}

bool InboundMailRepository::retry(std::uint64_t id) {
    auto& ps = _db.prepare(
        "UPDATE inbound_mail SET state = 'received', reason = '', processed_at = NULL WHERE id = ? AND state = 'failed'");
    ps.setUInt64(1, id);
    return _db.run([&] { return ps.executeUpdate(); }) == 1;
}

} // namespace ticketflow::storage
