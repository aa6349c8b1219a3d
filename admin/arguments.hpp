// Command-line arguments of one ticketflow-admin command: positionals, options and flags.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ticketflow::admin {

struct Parsed {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::set<std::string> flags;

    /// The value of option `name`, or `fallback` when it was not given.
    std::string option(const std::string& name, const std::string& fallback = {}) const;
};

/// Splits args[1..] into positionals, "--name value" options and "--flag" flags. Throws
/// UsageError for an unknown "--" argument, an option without its value, or an option given twice.
Parsed parse(const std::vector<std::string>& args, const std::set<std::string>& optionNames,
             const std::set<std::string>& flagNames);

} // namespace ticketflow::admin
