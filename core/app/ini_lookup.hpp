// A Poco INI file as a SettingLookup (core/app/config_values.hpp).
#pragma once
#include "core/app/config_values.hpp"

#include <Poco/Util/IniFileConfiguration.h>

namespace ticketflow::app {

inline SettingLookup iniLookup(const Poco::Util::IniFileConfiguration& ini) {
    return [&ini](const std::string& key) -> std::optional<std::string> {
        if (!ini.hasProperty(key)) return std::nullopt;
        return ini.getString(key);
    };
}

} // namespace ticketflow::app
