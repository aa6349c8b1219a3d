// inbound_mail: raw messages as they arrived, and the outcome of processing each.
#include "core/storage/inbound_mail_repository.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <sstream>

namespace ticketflow::storage {

namespace {

std::string sha256Bytes(std::string_view data) {
    std::string digest(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                       reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return digest;
}

} // namespace

StoredMail InboundMailRepository::store(const std::string& mailbox, std::string_view raw) {
    return insert(mailbox, raw, raw.size(), "received", "");
}

StoredMail InboundMailRepository::storeRejected(const std::string& mailbox, std::string_view head,
                                               std::uint64_t size, const std::string& reason) {
    return insert(mailbox, head, size, "rejected", reason);
}

StoredMail InboundMailRepository::insert(const std::string& mailbox, std::string_view raw, std::uint64_t size,
                                         const char* state, const std::string& reason) {
    const std::string digest = sha256Bytes(raw);
    auto& insert = _db.prepare(
        "INSERT INTO inbound_mail (mailbox, sha256, size, raw, state, reason, processed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, IF(? = 'received', NULL, NOW()))");
    std::istringstream body{std::string(raw)};
    insert.setString(1, mailbox);
    insert.setString(2, digest);
    insert.setUInt(3, static_cast<unsigned>(std::min<std::uint64_t>(size, UINT32_MAX))); // a column of 4 GB
    insert.setBlob(4, &body);
    insert.setString(5, state);
    insert.setString(6, reason);
    insert.setString(7, state);
    try {
        _db.run([&] { insert.executeUpdate(); });
        return {_db.lastInsertId(), false};
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

} // namespace ticketflow::storage
