// The settings of one ticketflow installation, read from ticketflow.conf.
#include "core/app/app_config.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <filesystem>
#include <stdexcept>

namespace ticketflow::app {

namespace {

std::string resolvePath(const std::filesystem::path& base, const std::string& value, const std::string& fallback) {
    if (value.empty()) return fallback;
    std::filesystem::path p(value);
    return (p.is_absolute() ? p : base / p).lexically_normal().string();
}

} // namespace

AppConfig loadConfig(const std::string& path) {
    if (!std::filesystem::is_regular_file(path)) throw std::runtime_error("configuration file not found: " + path);
    Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini;
    try {
        ini = new Poco::Util::IniFileConfiguration(path);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("cannot read configuration " + path + ": " + e.displayText());
    }
    const auto base = std::filesystem::absolute(path).parent_path();
    const std::string source = TICKETFLOW_SOURCE_DIR;
    AppConfig c;
    try {
        c.db.socket = resolvePath(base, ini->getString("db.socket", ""), "");
        c.db.host = ini->getString("db.host", "127.0.0.1");
        c.db.port = ini->getInt("db.port", 3306);
        c.db.user = ini->getString("db.user", "ticketflow");
        c.db.password = ini->getString("db.password", "");
        c.db.name = ini->getString("db.name", "ticketflow");
        c.listen = ini->getString("web.listen", "");
        c.threads = ini->getInt("web.threads", 4);
        c.baseUrl = ini->getString("web.base_url", c.baseUrl);
        c.secureCookies = ini->getBool("web.secure_cookies", c.baseUrl.rfind("https://", 0) == 0);
        c.sessionHours = ini->getInt("web.session_hours", c.sessionHours);
        c.catalogSeconds = ini->getInt("web.catalog_seconds", c.catalogSeconds);
        c.templatesDir = resolvePath(base, ini->getString("web.templates", ""), source + "/web/templates");
        c.staticDir = resolvePath(base, ini->getString("web.static", ""), source + "/web/static");
        c.sqlDir = resolvePath(base, ini->getString("paths.sql", ""), source + "/sql");
        c.attachmentsDir = resolvePath(base, ini->getString("paths.attachments", ""), (base / "files").string());
        c.secret = ini->getString("security.secret", "");
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("bad value in " + path + ": " + e.displayText());
    }
    if (c.threads < 1 || c.threads > 256) throw std::runtime_error(path + ": web.threads must be 1..256");
    if (c.sessionHours < 1) throw std::runtime_error(path + ": web.session_hours must be positive");
    if (c.catalogSeconds < 0) throw std::runtime_error(path + ": web.catalog_seconds must not be negative");
    return c;
}

} // namespace ticketflow::app
