// What writing notification mails needs from ticketflow.conf.
#include "core/app/notify_settings.hpp"

#include "core/app/config_values.hpp"
#include "core/app/data_paths.hpp"
#include "core/domain/customer.hpp"

#include <Poco/Exception.h>

#include <stdexcept>

namespace ticketflow::app {

NotifySettings readNotifySettings(const Poco::Util::AbstractConfiguration& ini, const std::filesystem::path& base,
                                  const std::string& path) {
    NotifySettings s;
    try {
        s.enabled = ini.getBool("notify.enabled", s.enabled);
        s.baseUrl = ini.getString("web.base_url", s.baseUrl);
        s.secret = ini.getString("security.secret", "");
        s.fromAddress = ini.getString("smtp.from", s.fromAddress);
        s.fromName = ini.getString("notify.from_name", s.fromName);
        s.loopHeader = ini.getString("mail.loop_header", s.loopHeader);
        s.templatesDir = resolvePath(base, ini.getString("web.templates", ""), defaultDataPaths().templates);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("bad value in " + path + ": " + e.displayText());
    }
    while (!s.baseUrl.empty() && s.baseUrl.back() == '/') s.baseUrl.pop_back();
    if (s.baseUrl.rfind("http://", 0) != 0 && s.baseUrl.rfind("https://", 0) != 0)
        throw std::runtime_error(path + ": web.base_url must start with http:// or https://");
    if (!domain::isValidSenderAddress(s.fromAddress))
        throw std::runtime_error(path + ": smtp.from must be a plain address like support@example.com");
    if (s.fromName.find_first_of("\r\n") != std::string::npos)
        throw std::runtime_error(path + ": notify.from_name must be one line");
    return s;
}

} // namespace ticketflow::app
