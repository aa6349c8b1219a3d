// The mail intake settings of one installation, read from the [mail] section of ticketflow.conf.
#include "core/app/mail_config.hpp"

#include "core/app/app_config.hpp"
#include "core/app/ini_lookup.hpp"
#include "core/domain/text.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <filesystem>
#include <stdexcept>

namespace ticketflow::app {
namespace {

using Ini = Poco::Util::IniFileConfiguration;

std::uint64_t sizeSetting(const Ini& ini, const std::string& path, const std::string& key, std::uint64_t fallback,
                          std::uint64_t min, std::uint64_t max) {
    return readSize(iniLookup(ini), path, key, fallback, min, max);
}

std::size_t countSetting(const Ini& ini, const std::string& path, const std::string& key, std::size_t fallback,
                         std::size_t min, std::size_t max) {
    if (!ini.hasProperty(key)) return fallback;
    const std::string text(domain::trim(ini.getString(key)));
    const bool digits = !text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos;
    const std::size_t value = digits ? std::stoul(text) : 0;
    if (!digits || value < min || value > max)
        throw std::runtime_error(path + ": " + key + " must be a number from " + std::to_string(min) + " to " +
                                 std::to_string(max) + ", not '" + text + "'");
    return value;
}

std::vector<std::string> addressList(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text + ",") {
        if (c == ',' || c == ';' || c == ' ' || c == '\t') {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    return out;
}

} // namespace

domain::MailSettings loadMailSettings(const std::string& path) {
    const auto ini = openIni(path);
    domain::MailSettings s;
    auto& l = s.limits;
    try {
        s.guards.ownAddresses = addressList(ini->getString("mail.own_addresses", ""));
        s.guards.loopHeader = std::string(domain::trim(ini->getString("mail.loop_header", s.guards.loopHeader)));
        if (s.guards.loopHeader.find_first_of(": \t\r\n") != std::string::npos)
            throw std::runtime_error(path + ": mail.loop_header must be a header name");
        s.fallbackCharset = std::string(domain::trim(ini->getString("mail.fallback_charset", s.fallbackCharset)));
        if (s.fallbackCharset.empty() || s.fallbackCharset.size() > 40 ||
            s.fallbackCharset.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") !=
                std::string::npos)
            throw std::runtime_error(path + ": mail.fallback_charset must be a charset name like windows-1252");
        l.maxMessageBytes = sizeSetting(*ini, path, "mail.max_size", l.maxMessageBytes, kMinMessageBytes, kMaxMessageBytes);
        l.maxHeaderBytes = sizeSetting(*ini, path, "mail.max_header_size", l.maxHeaderBytes, 1024, 16ull << 20);
        l.maxHeaderFields = countSetting(*ini, path, "mail.max_headers", l.maxHeaderFields, 10, 100000);
        l.maxReceived = countSetting(*ini, path, "mail.max_received", l.maxReceived, 1, 1000);
        l.maxDepth = countSetting(*ini, path, "mail.max_depth", l.maxDepth, 1, 100);
        l.maxParts = countSetting(*ini, path, "mail.max_parts", l.maxParts, 1, 100000);
        l.maxAttachments = countSetting(*ini, path, "mail.max_attachments", l.maxAttachments, 0, 10000);
        const std::uint64_t perFile = sizeSetting(*ini, path, "attachments.max_size", l.maxAttachmentBytes, 1, 1ull << 30);
        l.maxAttachmentBytes = sizeSetting(*ini, path, "mail.max_attachment_size", perFile, 1, 1ull << 30);
        l.cpuBudgetMs = static_cast<unsigned>(countSetting(*ini, path, "mail.cpu_budget_ms", l.cpuBudgetMs, 10, 600000));
        Poco::Util::AbstractConfiguration::Keys keys;
        ini->keys("mail", keys);
        for (const auto& key : keys) {
            const std::string value = ini->getString("mail." + key);
            if (key.rfind("reply_delimiter", 0) == 0 && !domain::isBlank(value)) s.reply.lines.push_back(value);
            if (key.rfind("reply_regex", 0) == 0 && !domain::isBlank(value)) {
                try {
                    s.reply.patterns.push_back(domain::compileReplyPattern(value));
                } catch (const std::invalid_argument& e) {
                    throw std::runtime_error(path + ": mail." + key + ": " + e.what());
                }
            }
        }
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("bad value in " + path + ": " + e.displayText());
    }
    return s;
}

} // namespace ticketflow::app
