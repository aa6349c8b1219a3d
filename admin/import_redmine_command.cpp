// ticketflow-admin import-redmine: arguments, the run, its summary and exit code.
#include "admin/import_redmine_command.hpp"

#include "admin/admin_commands.hpp"
#include "admin/arguments.hpp"
#include "core/app/redmine_import.hpp"
#include "core/storage/connection.hpp"

#include <filesystem>
#include <istream>
#include <ostream>

namespace ticketflow::admin {

namespace {

constexpr int kSomeFailed = 1;
constexpr int kUnavailable = 69; // EX_UNAVAILABLE
constexpr int kNoPermission = 77; // EX_NOPERM

/// --project may come several times (and as a comma-separated list); parse() takes each
/// option once, so they are taken out first.
std::vector<std::string> takeProjects(std::vector<std::string>& args) {
    std::vector<std::string> projects, rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "--project") {
            rest.push_back(args[i]);
            continue;
        }
        if (i + 1 >= args.size()) throw UsageError("--project needs a project identifier");
        std::string list = args[++i];
        for (std::size_t start = 0; start <= list.size();) {
            const auto comma = std::min(list.find(',', start), list.size());
            if (comma > start) projects.push_back(list.substr(start, comma - start));
            start = comma + 1;
        }
    }
    args = std::move(rest);
    return projects;
}

/// "--key -" reads the key from standard input, which keeps it out of the process list.
std::string readKey(const std::string& given, std::istream& in) {
    if (given != "-") return given;
    std::string key;
    if (!std::getline(in, key)) throw UsageError("--key -: no key on standard input");
    while (!key.empty() && (key.back() == '\r' || key.back() == ' ')) key.pop_back();
    return key;
}

} // namespace

int importRedmine(const app::AppConfig& config, const std::vector<std::string>& original, std::istream& in,
                  std::ostream& out, std::ostream& err) {
    std::vector<std::string> args = original;
    app::RedmineImportOptions options;
    options.projects = takeProjects(args);
    const auto p = parse(args, {"--url", "--key", "--ca-file"}, {});
    if (!p.positional.empty()) throw UsageError("import-redmine takes options only, not '" + p.positional[0] + "'");
    if (!p.options.count("--url") || !p.options.count("--key")) throw UsageError("import-redmine needs --url and --key");
    options.client.url = p.option("--url");
    options.client.apiKey = readKey(p.option("--key"), in);
    options.client.caFile = p.option("--ca-file");
    if (options.client.apiKey.empty()) throw UsageError("--key is empty");

    // The files go where the app serves them; a fresh installation may not have the folder yet.
    std::error_code ec;
    std::filesystem::create_directories(config.attachmentsDir, ec);
    if (ec) throw std::runtime_error("cannot create the attachments folder " + config.attachmentsDir + ": " + ec.message());
    storage::Connection db(config.db);
    const app::AttachmentStore store(config.attachmentsDir, {config.attachmentMaxBytes, config.attachmentMaxFiles});
    app::Progress progress(stderr, "import");
    try {
        const auto summary = app::importRedmine(db, store, options, progress);
        app::printSummary(summary, out);
        return summary.failures.empty() ? 0 : kSomeFailed;
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    } catch (const app::RedmineError& e) {
        err << "ticketflow-admin: import-redmine: " << e.what()
            << "\nticketflow-admin: what was imported so far stays; run the command again to go on\n";
        return e.status() == 401 || e.status() == 403 ? kNoPermission : kUnavailable;
    }
}

} // namespace ticketflow::admin
