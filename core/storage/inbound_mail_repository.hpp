// inbound_mail (sql/001_schema.sql): raw messages as they arrived, and the outcome of
// processing each.
#pragma once
#include "core/storage/connection.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::storage {

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

private:
    StoredMail insert(const std::string& mailbox, std::string_view raw, std::uint64_t size, const char* state,
                      const std::string& reason);
    Connection& _db;
};

} // namespace ticketflow::storage
