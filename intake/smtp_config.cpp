// How ticketflow-mail sends the outbox: the [smtp] section of ticketflow.conf.
#include "intake/smtp_config.hpp"

#include "core/app/ini_lookup.hpp"
#include "core/domain/customer.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <filesystem>
#include <stdexcept>

namespace ticketflow::intake {

SmtpConfig loadSmtpConfig(const std::string& path) {
    const auto ini = app::openIni(path);
    const auto base = std::filesystem::absolute(path).parent_path();
    SmtpConfig c;
    try {
        c.host = ini->getString("smtp.host", "");
        c.starttls = ini->getBool("smtp.starttls", false);
        c.port = ini->getInt("smtp.port", c.starttls ? 587 : 25);
        if (c.port < 1 || c.port > 65535) throw std::runtime_error(path + ": smtp.port must be 1..65535");
        c.verifyTls = ini->getBool("smtp.verify_tls", true);
        c.caFile = app::resolvePath(base, ini->getString("smtp.ca_file", ""), "");
        c.user = ini->getString("smtp.user", "");
        c.password = ini->getString("smtp.password", "");
        c.from = ini->getString("smtp.from", c.from);
        if (!domain::isValidSenderAddress(c.from))
            throw std::runtime_error(path + ": smtp.from must be a plain address like support@example.com");
        c.heloName = ini->getString("smtp.helo", c.heloName);
        c.timeoutSeconds = ini->getInt("smtp.timeout_seconds", c.timeoutSeconds);
        if (c.timeoutSeconds < 1 || c.timeoutSeconds > 3600)
            throw std::runtime_error(path + ": smtp.timeout_seconds must be 1..3600");
        const int tries = ini->getInt("smtp.max_tries", static_cast<int>(c.maxTries));
        if (tries < 1 || tries > 100) throw std::runtime_error(path + ": smtp.max_tries must be 1..100");
        c.maxTries = static_cast<unsigned>(tries);
        c.dropFolder = app::resolvePath(base, ini->getString("smtp.drop_folder", ""), (base / "outbox").string());
    } catch (const Poco::Exception& e) {
        throw std::runtime_error(path + ": " + e.displayText());
    }
    return c;
}

} // namespace ticketflow::intake
