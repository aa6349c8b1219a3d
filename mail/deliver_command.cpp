// `ticketflow-mail deliver --mailbox NAME`: one message from an MTA pipe (/etc/aliases, Postfix
// pipe) stored in inbound_mail, with exit codes the MTA acts on. Processing is the poller's
// (`ticketflow-mail poll`, which turns stored mail into issues within a second). An MTA starts
// one process per message, so this one loads no Poco and no GMime, the executable links the
// MariaDB client statically (mail/CMakeLists.txt), and when the poller listens on
// [intake] deliver_socket the message is handed to it (mail/deliver_protocol.hpp): it stores
// on its open connection, which spares this process the connection. Without the poller the
// message goes to the database directly (core/storage/mail_delivery.cpp).
// The configuration is read with Boost.PropertyTree; keys are case-sensitive here, so write
// them in lower case as documented.
#include "core/app/config_values.hpp"
#include "core/domain/mail_settings.hpp"
#include "core/storage/mail_delivery.hpp"
#include "core/storage/storage_error.hpp"
#include "mail/deliver_protocol.hpp"
#include "mail/mail_commands.hpp"

#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace ticketflow::mail_tool {

namespace {

namespace pt = boost::property_tree;

/// "section.key" in a tree whose section names may hold dots ([mailbox.support]).
pt::ptree::path_type settingPath(const std::string& key) {
    const auto dot = key.find('.');
    return {key.substr(0, dot) + '\x1f' + key.substr(dot + 1), '\x1f'};
}

struct DeliverSettings {
    storage::DbConfig db;
    std::uint64_t maxMessageBytes = domain::MailLimits{}.maxMessageBytes;
    bool mailboxExists = false;
    std::string pollerSocket; ///< [intake] deliver_socket; empty: none
};

DeliverSettings readSettings(const std::string& path, const std::string& mailbox) {
    if (!std::filesystem::is_regular_file(path)) throw std::runtime_error("configuration file not found: " + path);
    pt::ptree ini;
    try {
        pt::read_ini(path, ini);
    } catch (const pt::ini_parser_error& e) {
        throw std::runtime_error("cannot read configuration " + path + ": " + e.what());
    }
    const app::SettingLookup get = [&](const std::string& key) -> std::optional<std::string> {
        if (const auto value = ini.get_optional<std::string>(settingPath(key))) return *value;
        return std::nullopt;
    };
    DeliverSettings s;
    s.db = app::readDbConfig(get, std::filesystem::absolute(path).parent_path(), path);
    s.maxMessageBytes =
        app::readSize(get, path, "mail.max_size", s.maxMessageBytes, app::kMinMessageBytes, app::kMaxMessageBytes);
    s.mailboxExists = ini.get_child_optional(pt::ptree::path_type("mailbox." + mailbox, '\x1f')).has_value();
    s.pollerSocket = app::resolvePath(std::filesystem::absolute(path).parent_path(),
                                      get("intake.deliver_socket").value_or(""), "");
    return s;
}

/// A file descriptor closed on every way out.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) close(fd);
    }
};

bool sendAll(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

/// The message handed to the poller listening on `socketPath`: its answer (an exit code), or
/// nullopt when no poller listens there (then the caller stores the message itself). Once the
/// poller took the connection, any failure is kExitTempFail: the MTA delivers again, and a
/// message stored twice is stored once (inbound_mail is unique by sha256).
std::optional<int> handToPoller(const std::string& socketPath, const std::string& mailbox, const std::string& raw,
                                std::ostream& err) {
    sockaddr_un address{};
    if (socketPath.size() >= sizeof address.sun_path) return std::nullopt;
    address.sun_family = AF_UNIX;
    socketPath.copy(address.sun_path, socketPath.size());
    Fd s{socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)};
    if (s.fd < 0 || connect(s.fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) return std::nullopt;
    const timeval timeout{120, 0}; // a poller busy with a round answers after it
    setsockopt(s.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(s.fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    std::string answer;
    if (sendAll(s.fd, deliver_protocol::requestHeader(mailbox, raw.size())) && sendAll(s.fd, raw)) {
        char c = 0;
        while (answer.size() < 8) {
            const ssize_t n = recv(s.fd, &c, 1, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0 || c == '\n') break;
            answer += c;
        }
    }
    if (const auto code = deliver_protocol::parseReply(answer)) {
        if (*code == kExitUsage) { // our request was malformed: a bug here must not bounce mail
            err << "ticketflow-mail: the poller did not understand the request; the MTA should retry\n";
            return kExitTempFail;
        }
        if (*code == kExitTempFail) err << "ticketflow-mail: the poller could not store the message; the MTA should retry\n";
        return code;
    }
    err << "ticketflow-mail: no answer from the poller on " << socketPath << "; the MTA should retry\n";
    return kExitTempFail;
}

} // namespace

int runDeliver(const std::vector<std::string>& args, std::ostream&, std::ostream& err) {
    std::string mailbox, configPath;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if ((args[i] == "--mailbox" || args[i] == "--config") && i + 1 < args.size()) {
            (args[i] == "--mailbox" ? mailbox : configPath) = args[i + 1];
            ++i;
        } else {
            throw UsageError("deliver takes --mailbox NAME [--config FILE] and the message on standard input");
        }
    }
    if (mailbox.empty()) throw UsageError("deliver needs --mailbox NAME (a [mailbox.NAME] section)");
    DeliverSettings settings;
    try {
        settings = readSettings(app::configPathFrom(configPath), mailbox);
    } catch (const std::exception& e) {
        // The MTA keeps the message and retries: a configuration slip must not bounce mail.
        err << "ticketflow-mail: " << e.what() << "\n";
        return kExitTempFail;
    }
    if (!settings.mailboxExists) {
        err << "ticketflow-mail: no [mailbox." << mailbox << "] in the configuration\n";
        return kExitTempFail;
    }
    const auto raw = storage::readLimited(std::cin, settings.maxMessageBytes);
    if (!raw) {
        err << "ticketflow-mail: message larger than " << settings.maxMessageBytes
            << " bytes ([mail] max_size); refused\n";
        return kExitTooLarge;
    }
    if (!settings.pollerSocket.empty() && deliver_protocol::validMailboxName(mailbox)) {
        if (const auto code = handToPoller(settings.pollerSocket, mailbox, *raw, err)) return *code;
    }
    try {
        storage::deliverMessage(settings.db, mailbox, *raw);
        return kExitOk; // stored and committed (or stored before: delivered again)
    } catch (const storage::StorageError& e) {
        err << "ticketflow-mail: the database is not available, the MTA should retry: " << e.what() << "\n";
        return kExitTempFail;
    }
}

} // namespace ticketflow::mail_tool
