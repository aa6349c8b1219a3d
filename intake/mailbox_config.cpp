// The mailboxes ticketflow-mail reads, from ticketflow.conf.
#include "intake/mailbox_config.hpp"

#include "core/app/ini_lookup.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <filesystem>
#include <stdexcept>

namespace ticketflow::intake {

namespace {

bool validName(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    }
    return true;
}

} // namespace

IntakeConfig loadIntakeConfig(const std::string& path) {
    const auto ini = app::openIni(path);
    const auto base = std::filesystem::absolute(path).parent_path();
    IntakeConfig c;
    try {
        const int perHour = ini->getInt("intake.max_per_sender_hour", static_cast<int>(c.maxPerSenderHour));
        if (perHour < 1 || perHour > 100000) throw std::runtime_error(path + ": intake.max_per_sender_hour must be 1..100000");
        c.maxPerSenderHour = static_cast<unsigned>(perHour);
        for (const auto& entry : Poco::StringTokenizer(ini->getString("intake.blocked", ""), ",",
                                                        Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY)) {
            c.blocked.push_back(Poco::toLower(entry));
        }
        c.reopenStatus = ini->getString("intake.reopen_status", c.reopenStatus);
        c.deliverSocket = app::resolvePath(base, ini->getString("intake.deliver_socket", ""), "");
        c.pollSeconds = ini->getInt("intake.poll_seconds", c.pollSeconds);
        if (c.pollSeconds < 1 || c.pollSeconds > 86400) throw std::runtime_error(path + ": intake.poll_seconds must be 1..86400");
        const int workers = ini->getInt("intake.process_workers", static_cast<int>(c.processWorkers));
        if (workers < 1 || workers > 16) throw std::runtime_error(path + ": intake.process_workers must be 1..16");
        c.processWorkers = static_cast<unsigned>(workers);
        Poco::Util::AbstractConfiguration::Keys names;
        ini->keys("mailbox", names);
        for (const auto& name : names) {
            const std::string k = "mailbox." + name + ".";
            if (!validName(name)) throw std::runtime_error(path + ": [mailbox." + name + "]: use letters, digits, - and _");
            MailboxConfig m;
            m.name = name;
            const std::string type = ini->getString(k + "type", "");
            if (type == "pop3") {
                m.kind = MailboxConfig::Kind::Pop3;
            } else if (type == "pop3s") {
                m.kind = MailboxConfig::Kind::Pop3s;
            } else if (type == "maildir") {
                m.kind = MailboxConfig::Kind::Maildir;
            } else {
                throw std::runtime_error(path + ": " + k + "type must be pop3, pop3s or maildir");
            }
            m.project = ini->getString(k + "project", "");
            if (m.project.empty()) throw std::runtime_error(path + ": " + k + "project is required");
            m.timeoutSeconds = ini->getInt(k + "timeout_seconds", m.timeoutSeconds);
            if (m.kind == MailboxConfig::Kind::Maildir) {
                const std::string dir = ini->getString(k + "path", "");
                if (dir.empty()) throw std::runtime_error(path + ": " + k + "path is required for a Maildir");
                m.path = app::resolvePath(base, dir, "");
            } else {
                m.host = ini->getString(k + "host", "");
                m.user = ini->getString(k + "user", "");
                m.password = ini->getString(k + "password", "");
                if (m.host.empty() || m.user.empty()) {
                    throw std::runtime_error(path + ": " + k + "host and user are required for POP3");
                }
                m.port = ini->getInt(k + "port", m.kind == MailboxConfig::Kind::Pop3s ? 995 : 110);
                if (m.port < 1 || m.port > 65535) throw std::runtime_error(path + ": " + k + "port must be 1..65535");
                m.caFile = app::resolvePath(base, ini->getString(k + "ca_file", ""), "");
                m.verifyTls = ini->getBool(k + "verify_tls", true);
            }
            c.mailboxes.push_back(std::move(m));
        }
    } catch (const Poco::Exception& e) {
        throw std::runtime_error(path + ": " + e.displayText());
    }
    return c;
}

const MailboxConfig* IntakeConfig::mailbox(const std::string& name) const {
    for (const auto& m : mailboxes)
        if (m.name == name) return &m;
    return nullptr;
}

} // namespace ticketflow::intake
