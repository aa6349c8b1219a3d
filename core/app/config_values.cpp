// Values of ticketflow.conf that do not need its reader.
#include "core/app/config_values.hpp"

#include <cctype>
#include <cstdlib>
#include <stdexcept>

namespace ticketflow::app {

std::string configPathFrom(const std::string& given) {
    if (!given.empty()) return given;
    if (const char* env = std::getenv("TICKETFLOW_CONFIG"); env && *env) return env;
    return "/etc/ticketflow/ticketflow.conf";
}

std::optional<std::uint64_t> parseSize(std::string text) {
    std::uint64_t unit = 1;
    const char last = text.empty() ? '0' : static_cast<char>(std::toupper(static_cast<unsigned char>(text.back())));
    const auto suffix = std::string("KMG").find(last);
    if (suffix != std::string::npos) {
        unit = 1ull << (10 * (suffix + 1));
        text.pop_back();
    }
    if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos) return {};
    return std::stoull(text) * unit;
}

std::string resolvePath(const std::filesystem::path& base, const std::string& value, const std::string& fallback) {
    if (value.empty()) return fallback;
    std::filesystem::path p(value);
    return (p.is_absolute() ? p : base / p).lexically_normal().string();
}

std::uint64_t readSize(const SettingLookup& get, const std::string& path, const std::string& key,
                       std::uint64_t fallback, std::uint64_t min, std::uint64_t max) {
    const auto text = get(key);
    if (!text) return fallback;
    const auto bytes = parseSize(*text);
    if (!bytes || *bytes < min || *bytes > max)
        throw std::runtime_error(path + ": " + key + " must be a size from " + std::to_string(min) + " bytes to " +
                                 std::to_string(max >> 20) + "M, not '" + *text + "'");
    return *bytes;
}

storage::DbConfig readDbConfig(const SettingLookup& get, const std::filesystem::path& base, const std::string& path) {
    storage::DbConfig db;
    db.socket = resolvePath(base, get("db.socket").value_or(""), "");
    db.host = get("db.host").value_or("127.0.0.1");
    const std::string port = get("db.port").value_or("3306");
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port) < 1 || std::stoi(port) > 65535) {
        throw std::runtime_error(path + ": db.port must be a port number 1..65535, not '" + port + "'");
    }
    db.port = std::stoi(port);
    db.user = get("db.user").value_or("ticketflow");
    db.password = get("db.password").value_or("");
    db.name = get("db.name").value_or("ticketflow");
    return db;
}

} // namespace ticketflow::app
