// The settings of one ticketflow installation, read from ticketflow.conf.
#include "core/app/app_config.hpp"
#include "core/app/data_paths.hpp"
#include "core/app/ini_lookup.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <filesystem>
#include <optional>
#include <stdexcept>

namespace ticketflow::app {

AppConfig loadConfig(const std::string& path) {
    const auto ini = openIni(path);
    const auto base = std::filesystem::absolute(path).parent_path();
    const DataPaths& data = defaultDataPaths();
    AppConfig c;
    try {
        c.db = readDbConfig(iniLookup(*ini), base, path);
        c.listen = ini->getString("web.listen", "");
        c.threads = ini->getInt("web.threads", 4);
        c.baseUrl = ini->getString("web.base_url", c.baseUrl);
        c.secureCookies = ini->getBool("web.secure_cookies", c.baseUrl.rfind("https://", 0) == 0);
        c.sessionHours = ini->getInt("web.session_hours", c.sessionHours);
        c.catalogSeconds = ini->getInt("web.catalog_seconds", c.catalogSeconds);
        c.templatesDir = resolvePath(base, ini->getString("web.templates", ""), data.templates);
        c.staticDir = resolvePath(base, ini->getString("web.static", ""), data.staticDir);
        c.sqlDir = resolvePath(base, ini->getString("paths.sql", ""), data.sql);
        c.attachmentsDir = resolvePath(base, ini->getString("paths.attachments", ""), (base / "files").string());
        c.secret = ini->getString("security.secret", "");
        const std::string maxSize = ini->getString("attachments.max_size", "10M");
        const auto bytes = parseSize(maxSize);
        // The whole request is held in memory while it is parsed, so a file is capped at 1 GB.
        if (!bytes || *bytes < 1 || *bytes > (1ull << 30)) {
            throw std::runtime_error(path + ": attachments.max_size must be a size from 1 to 1G, not '" + maxSize +
                                     "'");
        }
        c.attachmentMaxBytes = *bytes;
        const int maxFiles = ini->getInt("attachments.max_files", static_cast<int>(c.attachmentMaxFiles));
        if (maxFiles < 1 || maxFiles > 100) throw std::runtime_error(path + ": attachments.max_files must be 1..100");
        c.attachmentMaxFiles = static_cast<std::size_t>(maxFiles);
        c.notify = readNotifySettings(*ini, base, path);
        c.reopenStatus = ini->getString("intake.reopen_status", c.reopenStatus);
        c.scm = readScmConfig(*ini, path);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("bad value in " + path + ": " + e.displayText());
    }
    if (c.threads < 1 || c.threads > 256) throw std::runtime_error(path + ": web.threads must be 1..256");
    if (c.sessionHours < 1) throw std::runtime_error(path + ": web.session_hours must be positive");
    if (c.catalogSeconds < 0) throw std::runtime_error(path + ": web.catalog_seconds must not be negative");
    // Derived tokens (API keys, secret links) are only as strong as this secret.
    if (c.secret.size() < 32) {
        throw std::runtime_error(path + ": security.secret must be at least 32 random characters"
                                        " (e.g. the output of `openssl rand -hex 32`)");
    }
    return c;
}

} // namespace ticketflow::app
