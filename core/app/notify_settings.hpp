// What writing notification mails needs from ticketflow.conf: where links point, the secret
// that signs Message-IDs and secret links, the sender, the templates.
#pragma once
#include <Poco/Util/AbstractConfiguration.h>

#include <filesystem>
#include <string>

namespace ticketflow::app {

struct NotifySettings {
    bool enabled = true;                                    ///< [notify] enabled
    std::string baseUrl = "http://127.0.0.1:8080";          ///< [web] base_url: links in mails
    std::string secret;                                     ///< [security] secret
    std::string fromAddress = "ticketflow@localhost";       ///< [smtp] from: projects without support_address
    std::string fromName = "ticketflow";                    ///< [notify] from_name
    std::string loopHeader = "X-Ticketflow-Loop";           ///< [mail] loop_header
    std::string templatesDir;                               ///< [web] templates; mails in its mail/ folder
};

/// Reads the keys above from an opened ticketflow.conf (`path` only names it in errors;
/// relative folders are taken against `base`). Throws std::runtime_error naming the bad key.
NotifySettings readNotifySettings(const Poco::Util::AbstractConfiguration& ini, const std::filesystem::path& base,
                                  const std::string& path);

} // namespace ticketflow::app
