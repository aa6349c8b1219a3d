// outbox: mails written with the change that caused them, sent later with retries (DESIGN §4).
#pragma once
#include "core/storage/connection.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ticketflow::storage {

struct OutgoingMail {
    std::optional<unsigned> issueId, journalId;
    std::string messageId;               ///< without angle brackets
    std::vector<std::string> recipients; ///< envelope addresses
    std::string subject;                 ///< for the admin list
    std::string message;                 ///< the whole RFC 5322 message, CRLF line ends
};

struct OutboxEntry {
    std::uint64_t id = 0;
    OutgoingMail mail;
    std::string state; ///< pending, sent, dead
    unsigned tries = 0;
    std::string lastError;
    std::string createdAt, nextAttemptAt, sentAt; ///< UTC "YYYY-MM-DD HH:MM:SS"; sentAt may be empty
};

class OutboxRepository {
public:
    explicit OutboxRepository(Connection& db) : _db(db) {}

    /// Writes a mail in the caller's transaction: it exists exactly when the change does.
    std::uint64_t enqueue(const OutgoingMail& mail);
    /// The same for several mails, in one statement per kMaxRowsPerInsert mails.
    void enqueueAll(const std::vector<OutgoingMail>& mails);
    static constexpr std::size_t kMaxRowsPerInsert = 20;

    /// Up to `limit` pending mails that are due, oldest first, locked FOR UPDATE SKIP LOCKED:
    /// call inside a transaction; another sender's claim skips them until it ends.
    std::vector<OutboxEntry> claimDue(unsigned limit);
    void markSent(std::uint64_t id);
    /// Counts a failed attempt of a mail tried `triesBefore` times until now: due again after
    /// the backoff, or dead when it has now failed `maxTries` times.
    void markFailed(std::uint64_t id, unsigned triesBefore, const std::string& error, unsigned maxTries);

    /// The admin list: newest first, optionally one state.
    std::vector<OutboxEntry> list(const std::string& state, unsigned offset, unsigned limit);
    std::optional<OutboxEntry> find(std::uint64_t id);
    /// A dead mail back to pending, due now, its tries reset. False unless it was dead.
    bool retry(std::uint64_t id);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
