// Values of ticketflow.conf that do not need its reader: sizes, paths, and the [db] section.
// Poco-free, so that `ticketflow-mail deliver` (mail/deliver_command.cpp) reads the same
// settings the same way as the long-running programs without loading Poco.
#pragma once
#include "core/storage/db_config.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace ticketflow::app {

/// The configuration file: `given` (--config FILE), else $TICKETFLOW_CONFIG, else
/// /etc/ticketflow/ticketflow.conf.
std::string configPathFrom(const std::string& given);

/// "10485760", "512K", "10M", "1G" (1024-based, like nginx's sizes) -> bytes; nullopt if
/// malformed. Never throws.
std::optional<std::uint64_t> parseSize(std::string text);

/// `value` relative to `base` (the configuration file's folder) unless absolute; `fallback`
/// when empty.
std::string resolvePath(const std::filesystem::path& base, const std::string& value, const std::string& fallback);

/// One setting by its "section.key" name; nullopt when the file does not set it.
using SettingLookup = std::function<std::optional<std::string>(const std::string& key)>;

/// A size setting ("25M") from `min` to `max` bytes; `fallback` when unset. Throws
/// std::runtime_error naming `path`, the key and the allowed range.
std::uint64_t readSize(const SettingLookup& get, const std::string& path, const std::string& key,
                       std::uint64_t fallback, std::uint64_t min, std::uint64_t max);

/// [mail] max_size: the largest message intake stores (the MTA bounces larger ones).
inline constexpr std::uint64_t kMinMessageBytes = 1024;
inline constexpr std::uint64_t kMaxMessageBytes = 1ull << 30;

/// The [db] section (socket, host, port, user, password, name) with its defaults. Throws
/// std::runtime_error naming `path` and the key for a bad port.
storage::DbConfig readDbConfig(const SettingLookup& get, const std::filesystem::path& base, const std::string& path);

} // namespace ticketflow::app
