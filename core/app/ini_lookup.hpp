// ticketflow.conf through Poco's INI reader: opening it with one error message, and a
// SettingLookup (core/app/config_values.hpp) over it.
#pragma once
#include "core/app/config_values.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <filesystem>
#include <stdexcept>

namespace ticketflow::app {

/// Throws std::runtime_error naming `path` when it is missing or unreadable.
inline Poco::AutoPtr<Poco::Util::IniFileConfiguration> openIni(const std::string& path) {
    if (!std::filesystem::is_regular_file(path)) throw std::runtime_error("configuration file not found: " + path);
    try {
        return new Poco::Util::IniFileConfiguration(path);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("cannot read configuration " + path + ": " + e.displayText());
    }
}

inline SettingLookup iniLookup(const Poco::Util::IniFileConfiguration& ini) {
    return [&ini](const std::string& key) -> std::optional<std::string> {
        if (!ini.hasProperty(key)) return std::nullopt;
        return ini.getString(key);
    };
}

} // namespace ticketflow::app
