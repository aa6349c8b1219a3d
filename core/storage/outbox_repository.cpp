// outbox: mails written with the change that caused them, sent later with retries.
#include "core/storage/outbox_repository.hpp"

#include "core/domain/outbox_rules.hpp"
#include "core/domain/text.hpp"

#include <cppconn/resultset.h>

#include <algorithm>
#include <sstream>

namespace ticketflow::storage {

namespace {

constexpr const char* kColumns =
    "SELECT id, issue_id, journal_id, message_id, recipients, subject, message, state, tries, last_error,"
    " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at,"
    " DATE_FORMAT(next_attempt_at, '%Y-%m-%d %H:%i:%s') AS next_attempt_at,"
    " COALESCE(DATE_FORMAT(sent_at, '%Y-%m-%d %H:%i:%s'), '') AS sent_at FROM outbox";

std::string joined(const std::vector<std::string>& addresses) {
    std::string out;
    for (const auto& a : addresses) out += (out.empty() ? "" : ",") + a;
    return out;
}

OutboxEntry readEntry(sql::ResultSet& rs) {
    OutboxEntry e;
    e.id = rs.getUInt64("id");
    if (!rs.isNull("issue_id")) e.mail.issueId = rs.getUInt("issue_id");
    if (!rs.isNull("journal_id")) e.mail.journalId = rs.getUInt("journal_id");
    e.mail.messageId = rs.getString("message_id");
    const std::string recipients = rs.getString("recipients");
    for (const auto part : domain::split(recipients, ','))
        if (!part.empty()) e.mail.recipients.emplace_back(part);
    e.mail.subject = rs.getString("subject");
    e.mail.message = rs.getString("message");
    e.state = rs.getString("state");
    e.tries = rs.getUInt("tries");
    e.lastError = rs.getString("last_error");
    e.createdAt = rs.getString("created_at");
    e.nextAttemptAt = rs.getString("next_attempt_at");
    e.sentAt = rs.getString("sent_at");
    return e;
}

} // namespace

std::uint64_t OutboxRepository::enqueue(const OutgoingMail& mail) {
    auto& ps = _db.prepare(
        "INSERT INTO outbox (issue_id, journal_id, message_id, recipients, subject, message)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    bindOptional(ps, 1, mail.issueId);
    bindOptional(ps, 2, mail.journalId);
    ps.setString(3, mail.messageId);
    ps.setString(4, joined(mail.recipients));
    ps.setString(5, domain::truncateUtf8(mail.subject, 998));
    std::istringstream body(mail.message);
    ps.setBlob(6, &body);
    return _db.insertReturningId(ps);
}

void OutboxRepository::enqueueAll(const std::vector<OutgoingMail>& mails) {
    // One statement for the mails of one change (prepared once per count, then cached):
    // a change's round trips do not grow with its recipients.
    for (std::size_t at = 0; at < mails.size(); at += kMaxRowsPerInsert) {
        const std::size_t n = std::min(kMaxRowsPerInsert, mails.size() - at);
        std::string sql = "INSERT INTO outbox (issue_id, journal_id, message_id, recipients, subject, message) VALUES ";
        for (std::size_t i = 0; i < n; ++i) sql += i ? ", (?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)";
        auto& ps = _db.prepare(sql);
        std::vector<std::istringstream> bodies;
        bodies.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const OutgoingMail& mail = mails[at + i];
            const int c = static_cast<int>(i * 6);
            bindOptional(ps, c + 1, mail.issueId);
            bindOptional(ps, c + 2, mail.journalId);
            ps.setString(c + 3, mail.messageId);
            ps.setString(c + 4, joined(mail.recipients));
            ps.setString(c + 5, domain::truncateUtf8(mail.subject, 998));
            bodies.emplace_back(mail.message);
            ps.setBlob(c + 6, &bodies.back());
        }
        _db.run([&] { ps.executeUpdate(); });
    }
}

std::vector<OutboxEntry> OutboxRepository::claimDue(unsigned limit) {
    std::vector<OutboxEntry> due;
    auto& ps = _db.prepare(std::string(kColumns) +
                           " WHERE state = 'pending' AND next_attempt_at <= NOW() ORDER BY state, next_attempt_at, id"
                           " LIMIT ? FOR UPDATE SKIP LOCKED");
    ps.setUInt(1, limit);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { due.push_back(readEntry(rs)); });
    return due;
}

void OutboxRepository::markSent(std::uint64_t id) {
    auto& ps = _db.prepare(
        "UPDATE outbox SET state = 'sent', tries = tries + 1, sent_at = NOW(), last_error = '' WHERE id = ?");
    ps.setUInt64(1, id);
    _db.run([&] { ps.executeUpdate(); });
}

void OutboxRepository::markFailed(std::uint64_t id, unsigned triesBefore, const std::string& error,
                                  unsigned maxTries) {
    const unsigned tries = triesBefore + 1;
    auto& ps = _db.prepare(
        "UPDATE outbox SET tries = ?, last_error = ?, state = IF(?, 'dead', state),"
        " next_attempt_at = NOW() + INTERVAL ? SECOND WHERE id = ?");
    ps.setUInt(1, tries);
    ps.setString(2, domain::truncateUtf8(error, 1024));
    ps.setBoolean(3, domain::outboxGivesUp(tries, maxTries));
    ps.setInt64(4, domain::outboxRetryDelaySeconds(tries));
    ps.setUInt64(5, id);
    _db.run([&] { ps.executeUpdate(); });
}

std::vector<OutboxEntry> OutboxRepository::list(const std::string& state, unsigned offset, unsigned limit) {
    std::vector<OutboxEntry> out;
    const bool all = state.empty();
    auto& ps = _db.prepare(std::string(kColumns) + (all ? "" : " WHERE state = ?") + " ORDER BY id DESC LIMIT ? OFFSET ?");
    int n = 1;
    if (!all) ps.setString(n++, state);
    ps.setUInt(n++, limit);
    ps.setUInt(n, offset);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { out.push_back(readEntry(rs)); });
    return out;
}

std::optional<OutboxEntry> OutboxRepository::find(std::uint64_t id) {
    std::optional<OutboxEntry> out;
    auto& ps = _db.prepare(std::string(kColumns) + " WHERE id = ?");
    ps.setUInt64(1, id);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { out = readEntry(rs); });
    return out;
}

bool OutboxRepository::retry(std::uint64_t id) {
    auto& ps = _db.prepare(
        "UPDATE outbox SET state = 'pending', tries = 0, next_attempt_at = NOW() WHERE id = ? AND state = 'dead'");
    ps.setUInt64(1, id);
    return _db.run([&] { return ps.executeUpdate() == 1; });
}

} // namespace ticketflow::storage
