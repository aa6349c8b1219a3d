// The settings of one ticketflow installation, read from ticketflow.conf.
#pragma once
#include "core/app/config_values.hpp"
#include "core/app/notify_settings.hpp"
#include "core/app/scm_config.hpp"
#include "core/storage/db_config.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace ticketflow::app {

struct AppConfig {
    storage::DbConfig db;
    std::string listen; ///< FastCGI socket path or host:port
    int threads = 4;
    std::string baseUrl = "http://127.0.0.1:8080";
    bool secureCookies = false;
    std::string templatesDir;
    std::string staticDir;
    std::string sqlDir;
    std::string attachmentsDir;
    std::string secret;     ///< server secret (hex), for derived tokens
    int sessionHours = 12;  ///< idle session lifetime
    int catalogSeconds = 5; ///< how long a worker trusts its copy of reference data

    std::uint64_t attachmentMaxBytes = 10u << 20; ///< [attachments] max_size: per file
    std::size_t attachmentMaxFiles = 10;          ///< [attachments] max_files: per change

    std::string reopenStatus = "Accepted"; ///< [intake] reopen_status: a customer's reply to a closed issue reopens it to this
    NotifySettings notify; ///< notification mails ([notify], and keys of [web], [smtp], [mail])
    ScmConfig scm; ///< [scm] and [repository.NAME]: commits that close and refer to issues
};

/// Reads an INI file ([db], [web], [paths], [attachments], [security], [scm] and
/// [repository.NAME] sections; see README
/// "Configuration"). Sizes take a K, M or G suffix (1024-based) like nginx's.
/// Relative paths are taken relative to the file's folder; missing paths default to
/// defaultDataPaths() (the source tree, or the installed share/ticketflow). Throws
/// std::runtime_error naming the file and the bad key.
AppConfig loadConfig(const std::string& path);

} // namespace ticketflow::app
