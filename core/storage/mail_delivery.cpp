// `deliver` stores its message through the MariaDB C client itself rather than Connector/C++:
// an MTA starts one process per message, and the connection it opens serves one INSERT.
// Connector/C++ spends three round trips on settings at every connect and the app's session
// settings a fourth; here the handshake names the character set, the statement names the time
// (received_at in UTC, as every other writer's session has it), and the message goes as long
// data, so max_allowed_packet does not limit its size: prepare and execute are the only round
// trips after the handshake.
#include "core/storage/mail_delivery.hpp"

#include "core/storage/mail_digest.hpp"
#include "core/storage/storage_error.hpp"

#include <mysql.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace ticketflow::storage {

namespace {

struct CloseConnection {
    void operator()(MYSQL* m) const { mysql_close(m); }
};
struct CloseStatement {
    void operator()(MYSQL_STMT* s) const { mysql_stmt_close(s); }
};

[[noreturn]] void fail(const char* what, MYSQL* db) {
    throw StorageError(std::string(what) + ": " + mysql_error(db), static_cast<int>(mysql_errno(db)), true);
}
[[noreturn]] void fail(const char* what, MYSQL_STMT* statement) {
    throw StorageError(std::string(what) + ": " + mysql_stmt_error(statement), static_cast<int>(mysql_stmt_errno(statement)));
}

MYSQL_BIND bindText(const std::string& text, unsigned long& length) {
    MYSQL_BIND b{};
    length = static_cast<unsigned long>(text.size());
    b.buffer_type = MYSQL_TYPE_STRING;
    b.buffer = const_cast<char*>(text.data());
    b.buffer_length = length;
    b.length = &length;
    return b;
}

} // namespace

std::optional<std::string> readLimited(std::istream& in, std::uint64_t maxBytes) {
    std::string raw;
    char chunk[65536];
    while (in && raw.size() <= maxBytes) {
        in.read(chunk, sizeof chunk);
        raw.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (raw.size() > maxBytes) return std::nullopt;
    return raw;
}

Delivery deliverMessage(const DbConfig& config, const std::string& mailbox, std::string_view raw) {
    std::unique_ptr<MYSQL, CloseConnection> db(mysql_init(nullptr));
    if (!db) throw StorageError("cannot start the database client (out of memory)", 0, true);
    const unsigned timeout = 5;
    mysql_optionsv(db.get(), MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_optionsv(db.get(), MYSQL_SET_CHARSET_NAME, "utf8mb4");
    // As the app's connections: the socket when one is set, else TCP even for "localhost".
    const bool viaSocket = !config.socket.empty();
    const unsigned protocol = viaSocket ? MYSQL_PROTOCOL_SOCKET : MYSQL_PROTOCOL_TCP;
    mysql_optionsv(db.get(), MYSQL_OPT_PROTOCOL, &protocol);
    if (!mysql_real_connect(db.get(), viaSocket ? nullptr : config.host.c_str(), config.user.c_str(),
                            config.password.c_str(), config.name.empty() ? nullptr : config.name.c_str(),
                            viaSocket ? 0 : static_cast<unsigned>(config.port),
                            viaSocket ? config.socket.c_str() : nullptr, 0)) {
        fail("cannot connect to the database", db.get());
    }

    std::unique_ptr<MYSQL_STMT, CloseStatement> insert(mysql_stmt_init(db.get()));
    if (!insert) fail("cannot prepare the statement", db.get());
    static constexpr std::string_view kInsert =
        "INSERT INTO inbound_mail (mailbox, sha256, size, raw, state, reason, received_at)"
        " VALUES (?, ?, ?, ?, 'received', '', UTC_TIMESTAMP())";
    if (mysql_stmt_prepare(insert.get(), kInsert.data(), static_cast<unsigned long>(kInsert.size())) != 0)
        fail("cannot prepare the statement", insert.get());

    const std::string digest = mailDigest(raw);
    unsigned long mailboxLength = 0, digestLength = 0;
    unsigned size = static_cast<unsigned>(std::min<std::size_t>(raw.size(), UINT32_MAX));
    MYSQL_BIND params[4] = {bindText(mailbox, mailboxLength), bindText(digest, digestLength), {}, {}};
    params[2].buffer_type = MYSQL_TYPE_LONG;
    params[2].buffer = &size;
    params[2].is_unsigned = true;
    params[3].buffer_type = MYSQL_TYPE_LONG_BLOB; // sent below as long data
    if (mysql_stmt_bind_param(insert.get(), params) != 0) fail("cannot bind the message", insert.get());
    constexpr std::size_t kChunk = 1 << 20;
    std::size_t sent = 0;
    do { // an empty message still sends its (empty) value
        const std::size_t n = std::min(kChunk, raw.size() - sent);
        if (mysql_stmt_send_long_data(insert.get(), 3, raw.data() + sent, static_cast<unsigned long>(n)) != 0)
            fail("cannot send the message", insert.get());
        sent += n;
    } while (sent < raw.size());
    if (mysql_stmt_execute(insert.get()) != 0) {
        const StorageError error("cannot store the message: " + std::string(mysql_stmt_error(insert.get())),
                                 static_cast<int>(mysql_stmt_errno(insert.get())));
        if (error.duplicateKey()) return Delivery::AlreadyStored; // inbound_mail is unique by sha256
        throw error;
    }
    return Delivery::Stored; // autocommit: committed when execute returned
}

} // namespace ticketflow::storage
