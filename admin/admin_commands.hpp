// The commands of ticketflow-admin, separate from main() so tests can run them.
#pragma once
#include "core/app/app_config.hpp"

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace ticketflow::admin {

/// Wrong arguments: main() prints the message and the usage, exit code 64 (EX_USAGE).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Runs one command (args[0] is its name). Returns the exit code; throws UsageError for bad
/// arguments, StorageError for database failures, std::runtime_error for the rest.
int runCommand(const app::AppConfig& config, const std::vector<std::string>& args, std::istream& in, std::ostream& out,
               std::ostream& err);

/// check-config: reads the configuration at `path` itself, so that a file loadConfig refuses
/// is reported like any other failed check (exit 1). Never throws but bad_alloc.
int runCheckConfig(const std::string& path, std::ostream& out);

} // namespace ticketflow::admin
