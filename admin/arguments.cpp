// Command-line arguments of one ticketflow-admin command: positionals, options and flags.
#include "admin/arguments.hpp"

#include "admin/admin_commands.hpp"

namespace ticketflow::admin {

std::string Parsed::option(const std::string& name, const std::string& fallback) const {
    const auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
}

Parsed parse(const std::vector<std::string>& args, const std::set<std::string>& optionNames,
             const std::set<std::string>& flagNames) {
    Parsed p;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) {
            p.positional.push_back(a);
        } else if (flagNames.count(a)) {
            p.flags.insert(a);
        } else if (optionNames.count(a)) {
            if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
            if (!p.options.emplace(a, args[++i]).second) throw UsageError(a + " is given twice");
        } else {
            throw UsageError("unknown option " + a + " for " + args[0]);
        }
    }
    return p;
}

} // namespace ticketflow::admin
