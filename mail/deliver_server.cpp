// The poller's end of [intake] deliver_socket.
#include "mail/deliver_server.hpp"

#include "core/storage/inbound_mail_repository.hpp"
#include "core/storage/storage_error.hpp"
#include "mail/deliver_protocol.hpp"
#include "mail/mail_commands.hpp"

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <csignal>
#include <filesystem>
#include <memory>

namespace ticketflow::mail_tool {

namespace {

namespace protocol = deliver_protocol;

/// The header line without "\n" (at most `limit` bytes), read in chunks together with the
/// message's first bytes, which are left in `rest`; nullopt when the line is longer or the
/// peer went away first.
std::optional<std::string> readHeader(Poco::Net::StreamSocket& peer, std::size_t limit, std::string& rest) {
    std::string received;
    char chunk[65536];
    for (;;) {
        if (const auto eol = received.find('\n'); eol != std::string::npos) {
            if (eol > limit) return std::nullopt;
            rest = received.substr(eol + 1);
            received.resize(eol);
            return received;
        }
        if (received.size() > limit) return std::nullopt;
        const int n = peer.receiveBytes(chunk, sizeof chunk);
        if (n <= 0) return std::nullopt;
        received.append(chunk, static_cast<std::size_t>(n));
    }
}

/// `out` (what came with the header, at most `bytes`) completed to `bytes`; false when the
/// peer went away first.
bool readRest(Poco::Net::StreamSocket& peer, std::string& out, std::uint64_t bytes) {
    std::size_t done = out.size();
    out.resize(bytes);
    while (done < bytes) {
        const int n = peer.receiveBytes(out.data() + done, static_cast<int>(std::min<std::uint64_t>(bytes - done, 1 << 20)));
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

/// One request: its answer (an exit code for deliver).
int handle(Poco::Net::StreamSocket& peer, const IntakeRuntime& runtime, std::unique_ptr<storage::Connection>& db,
           std::ostream& log) {
    std::string raw;
    const auto header = readHeader(peer, protocol::kMaxHeaderBytes, raw);
    const auto request = header ? protocol::parseRequestHeader(*header) : std::nullopt;
    if (!request || raw.size() > request->bytes) return kExitUsage;
    if (!runtime.intake.mailbox(request->mailbox)) return kExitTempFail; // as deliver itself answers
    if (request->bytes > runtime.mail.limits.maxMessageBytes) return kExitTooLarge;
    if (!readRest(peer, raw, request->bytes)) return kExitTempFail;
    try {
        if (!db) db = std::make_unique<storage::Connection>(runtime.app.db);
        storage::InboundMailRepository(*db).store(request->mailbox, raw);
        return kExitOk;
    } catch (const storage::StorageError& e) {
        log << "ticketflow-mail: deliver socket: database: " << e.what() << "\n";
        db.reset();
        return kExitTempFail;
    }
}

} // namespace

DeliverServer::DeliverServer(const IntakeRuntime& runtime, std::ostream& log) : _runtime(runtime), _log(log) {
    std::signal(SIGPIPE, SIG_IGN); // a deliver that went away must not end the poller
    const std::string& path = runtime.intake.deliverSocket;
    std::filesystem::remove(path); // left by a poller that was killed
    _server.bind(Poco::Net::SocketAddress(Poco::Net::SocketAddress::UNIX_LOCAL, path));
    _server.listen();
    using std::filesystem::perms;
    std::filesystem::permissions(path, perms::owner_read | perms::owner_write | perms::group_read | perms::group_write);
    log << "ticketflow-mail: taking mail from deliver on " << path << "\n";
}

DeliverServer::~DeliverServer() {
    std::error_code ignored;
    std::filesystem::remove(_runtime.intake.deliverSocket, ignored);
}

void DeliverServer::run(const std::atomic<bool>& stop) {
    std::unique_ptr<storage::Connection> db;
    while (!stop) {
        try {
            if (!_server.poll(Poco::Timespan(1, 0), Poco::Net::Socket::SELECT_READ)) continue;
            Poco::Net::StreamSocket peer = _server.acceptConnection();
            peer.setReceiveTimeout(Poco::Timespan(30, 0)); // an MTA writes at once; a stuck peer must not stall the rest
            peer.setSendTimeout(Poco::Timespan(30, 0));
            const std::string answer = protocol::replyLine(handle(peer, _runtime, db, _log));
            peer.sendBytes(answer.data(), static_cast<int>(answer.size()));
        } catch (const Poco::Exception& e) {
            _log << "ticketflow-mail: deliver socket: " << e.displayText() << "\n"; // that delivery is retried
        }
        _log.flush();
    }
}

} // namespace ticketflow::mail_tool
