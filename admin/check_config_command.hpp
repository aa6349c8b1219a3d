// ticketflow-admin check-config: is this installation ready to run?
#pragma once
#include "core/app/app_config.hpp"

#include <ostream>
#include <string>

namespace ticketflow::admin {

/// Checks what every part of ticketflow needs from the configuration at `path` and the host:
/// every section reads without error, the templates load, the database answers, its
/// migrations are current, and the folders written to are writable. Prints one line per check
/// ("ok ..." or "FAILED ...: why") and returns 0 when all pass, 1 otherwise. Never throws but
/// bad_alloc.
int checkConfig(const std::string& path, const app::AppConfig& config, std::ostream& out);

} // namespace ticketflow::admin
