// inbound_mail (sql/001_schema.sql): raw messages as they arrived, and the outcome of
// processing each.
#pragma once
#include "core/storage/connection.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::storage {

/// A stored message, for processing.
struct RawMail {
    std::uint64_t id = 0;
    std::string mailbox, raw, state;
    std::uint64_t size = 0;
    bool released = false; ///< an admin released it: the guards do not hold it back again
};

/// A row of the admin queue.
struct QueuedMail {
    std::uint64_t id = 0;
    std::string mailbox, state, reason, sender, subject, messageId, receivedAt, processedAt;
    std::uint64_t size = 0, storedBytes = 0; ///< storedBytes < size: only the head was kept
    bool released = false;
    std::optional<unsigned> issueId, journalId;
};

/// What processing found out about a message and decided.
struct MailOutcome {
    std::string state;  ///< processed, ignored, spam, rejected, failed
    std::string reason; ///< for the admin queue; empty when processed
    std::string messageId, sender, subject;
    std::optional<unsigned> issueId, journalId;
};

struct StoredMail {
    std::uint64_t id = 0;
    bool duplicate = false; ///< the same bytes were stored before (a re-fetch after a crash)
};

class InboundMailRepository {
public:
    explicit InboundMailRepository(Connection& db) : _db(db) {}

    /// Stores `raw` for `mailbox` and commits (autocommit; never inside a transaction: the
    /// source deletes the message only after this returns). Identical bytes stored before
    /// come back as duplicate with the earlier id. Throws StorageError.
    StoredMail store(const std::string& mailbox, std::string_view raw);
    /// A message over the size limit: only its first bytes (`head`, the headers) are kept, as
    /// rejected with `reason`, so the queue shows what was refused. `size` is the whole size.
    StoredMail storeRejected(const std::string& mailbox, std::string_view head, std::uint64_t size,
                             const std::string& reason);

    /// MariaDB's GET_LOCK on this connection, without waiting: true when this connection now
    /// holds `name` (another host polling the same mailbox holds it otherwise). Released by
    /// unlock() or when the connection ends.
    bool tryLock(const std::string& name);
    void unlock(const std::string& name);

    /// Messages waiting to be processed (state received).
    std::uint64_t countNew();
    /// Up to `limit` waiting messages with their bytes, oldest first (keep `limit` small: a
    /// message may be megabytes).
    std::vector<RawMail> waiting(unsigned limit);
    std::optional<RawMail> load(std::uint64_t id);
    /// Records the outcome of a message still waiting; false when it is not waiting any more
    /// (processed meanwhile): then nothing is written and the caller must roll back.
    bool finish(std::uint64_t id, const MailOutcome& outcome);
    struct SenderHistory {
        std::optional<std::uint64_t> sameMessageId; ///< a processed copy with this Message-ID
        long recentFromSender = 0;                  ///< processed from `sender` within `minutes`
        std::optional<unsigned> userId;             ///< the account with `sender` as its mail
        std::optional<unsigned> customerId;         ///< the customer record with `sender` as email
        std::string customerName;
    };
    /// What processing checks before it acts, in one round trip: another processed message
    /// with this Message-ID (a copy that came twice; none for an empty id), how many messages
    /// from `sender` were processed within the last `minutes` (the rate limit), and who the
    /// sender is (an account, a customer record).
    SenderHistory senderHistory(const std::string& messageId, const std::string& sender, std::uint64_t exceptId,
                                unsigned minutes);

    /// The admin queue: newest first, optionally one state; `limit` rows from `offset`.
    std::vector<QueuedMail> queue(const std::string& state, unsigned offset, unsigned limit);
    std::optional<QueuedMail> queued(std::uint64_t id);
    /// Messages per state, for the queue's filter.
    std::vector<std::pair<std::string, long>> countsByState();
    /// Back to the queue: a held-back message (ignored, spam, rejected) as released, or a
    /// failed one to try again. False when the message is in none of those states or was
    /// kept only in part (over the size limit).
    bool release(std::uint64_t id);
    bool retry(std::uint64_t id);

private:
    StoredMail insert(const std::string& mailbox, std::string_view raw, std::uint64_t size, const char* state,
                      const std::string& reason);
    Connection& _db;
};

} // namespace ticketflow::storage
