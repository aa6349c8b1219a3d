// The commands of ticketflow-admin, separate from main() so tests can run them.
#include "admin/admin_commands.hpp"

#include "admin/arguments.hpp"
#include "admin/check_config_command.hpp"
#include "admin/import_redmine_command.hpp"
#include "admin/scm_commit_command.hpp"

#include "core/app/api_keys.hpp"
#include "core/app/crypto.hpp"
#include "core/app/file_cleanup.hpp"
#include "core/domain/text.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/migrator.hpp"
#include "core/storage/user_repository.hpp"

#include <istream>
#include <map>
#include <ostream>
#include <regex>
#include <set>

namespace ticketflow::admin {

namespace {

std::string readPassword(std::istream& in) {
    std::string password;
    if (!std::getline(in, password)) throw UsageError("no password on standard input");
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (password.size() < 4) throw UsageError("password too short (at least 4 characters)");
    if (password.size() > 1024) throw UsageError("password too long");
    return password;
}

int migrate(storage::Connection& db, const app::AppConfig& config, std::ostream& out) {
    storage::Migrator migrator(db, config.sqlDir);
    const auto applied = migrator.migrate();
    if (applied.empty()) out << "database is up to date\n";
    for (const auto& name : applied) out << "applied " << name << "\n";
    return 0;
}

int status(storage::Connection& db, const app::AppConfig& config, std::ostream& out) {
    storage::Migrator migrator(db, config.sqlDir);
    for (int v : migrator.applied()) out << "applied " << v << "\n";
    for (const auto& f : migrator.pending()) out << "pending " << f.name << "\n";
    return 0;
}

int createUser(storage::Connection& db, const std::vector<std::string>& args, std::istream& in, std::ostream& out) {
    const auto p = parse(args, {"--firstname", "--lastname", "--mail"}, {"--admin", "--customer", "--password-stdin"});
    if (p.positional.size() != 1) throw UsageError("create-user takes exactly one LOGIN");
    static const std::regex loginPattern(R"(^[A-Za-z0-9_.@-]{1,64}$)");
    if (!std::regex_match(p.positional[0], loginPattern)) {
        throw UsageError("login may hold letters, digits and _.@- (1 to 64 characters)");
    }
    storage::NewUser user;
    user.login = p.positional[0];
    auto opt = [&](const char* name) {
        auto it = p.options.find(name);
        return it == p.options.end() ? std::string() : it->second;
    };
    user.firstname = opt("--firstname");
    user.lastname = opt("--lastname");
    user.mail = opt("--mail");
    user.admin = p.flags.count("--admin") > 0;
    user.customer = p.flags.count("--customer") > 0;
    if (user.admin && user.customer) throw UsageError("a customer login cannot be an admin");
    if (!user.mail.empty() && user.mail.find('@') == std::string::npos) throw UsageError("--mail is not an address");
    if (p.flags.count("--password-stdin")) user.passwordHash = app::hashPassword(readPassword(in));
    try {
        const unsigned id = storage::UserRepository(db).create(user);
        out << "created user " << user.login << " (id " << id << ")\n";
    } catch (const storage::StorageError& e) {
        if (e.duplicateKey()) throw std::runtime_error("a user with that login or mail already exists");
        throw;
    }
    return 0;
}

int setPassword(storage::Connection& db, const std::vector<std::string>& args, std::istream& in, std::ostream& out) {
    const auto p = parse(args, {}, {"--password-stdin"});
    if (p.positional.size() != 1) throw UsageError("set-password takes exactly one LOGIN");
    const std::string hash = app::hashPassword(readPassword(in));
    if (!storage::UserRepository(db).setPasswordHash(p.positional[0], hash)) {
        throw std::runtime_error("no user " + p.positional[0]);
    }
    out << "password set for " << p.positional[0] << "\n";
    return 0;
}

int addMember(storage::Connection& db, const std::vector<std::string>& args, std::ostream& out) {
    const auto p = parse(args, {}, {});
    if (p.positional.size() != 3) throw UsageError("add-member takes LOGIN PROJECT ROLE");
    storage::UserRepository users(db);
    const auto user = users.findByLogin(p.positional[0]);
    if (!user) throw std::runtime_error("no user " + p.positional[0]);
    if (!users.addMembership(user->id, p.positional[1], p.positional[2])) {
        throw std::runtime_error("no project '" + p.positional[1] + "' or no role '" + p.positional[2] + "'");
    }
    out << p.positional[0] << " is " << p.positional[2] << " in " << p.positional[1] << "\n";
    return 0;
}

/// Prints the user's REST API key (made on first use); --reset replaces it.
int apiKey(storage::Connection& db, const app::AppConfig& config, const std::vector<std::string>& args,
           std::ostream& out) {
    const auto p = parse(args, {}, {"--reset"});
    if (p.positional.size() != 1) throw UsageError("api-key takes exactly one LOGIN");
    const auto user = storage::UserRepository(db).findByLogin(p.positional[0]);
    if (!user) throw std::runtime_error("no user " + p.positional[0]);
    app::ApiKeys keys(db, config.secret);
    out << (p.flags.count("--reset") ? keys.reset(user->id) : keys.keyOf(user->id).value()) << "\n";
    return 0;
}

/// Removes unclaimed uploads and files no attachment refers to (run nightly, e.g. from cron).
int cleanupFiles(storage::Connection& db, const app::AppConfig& config, const std::vector<std::string>& args,
                 std::ostream& out, std::ostream& err) {
    const auto p = parse(args, {"--hours"}, {"--dry-run"});
    if (!p.positional.empty()) throw UsageError("cleanup-files takes only --hours N and --dry-run");
    unsigned hours = 24;
    if (const auto it = p.options.find("--hours"); it != p.options.end()) {
        const auto parsed = domain::parseId(it->second);
        if (!parsed || *parsed > 24 * 365) throw UsageError("--hours takes a whole number from 1 to 8760");
        hours = *parsed;
    }
    const bool dryRun = p.flags.count("--dry-run") > 0;
    const app::AttachmentStore store(config.attachmentsDir, {config.attachmentMaxBytes, config.attachmentMaxFiles});
    const auto r = app::cleanUpFiles(db, store, hours, dryRun, err);
    out << (dryRun ? "would remove " : "removed ") << r.pendingUploads << " unclaimed upload(s) and " << r.files
        << " file(s), " << r.bytes << " bytes, older than " << hours << " hours\n";
    return 0;
}

} // namespace

int runCheckConfig(const std::string& path, std::ostream& out) {
    app::AppConfig config;
    try {
        config = app::loadConfig(path);
    } catch (const std::exception& e) {
        out << "configuration " << path << "\nFAILED  [db] [web] [paths] [attachments] [security] [scm]: " << e.what()
            << "\n1 check(s) failed\n";
        return 1;
    }
    return checkConfig(path, config, out);
}

int runCommand(const app::AppConfig& config, const std::vector<std::string>& args, std::istream& in, std::ostream& out,
               std::ostream& err) {
    const std::string& command = args.at(0);
    static const std::set<std::string> known{"migrate", "status", "create-user", "set-password", "add-member",
                                             "api-key", "cleanup-files", "scm-commit", "import-redmine"};
    if (!known.count(command)) throw UsageError("unknown command " + command);
    if (command == "scm-commit") return scmCommit(config, args, in, out, err); // checks its arguments first
    if (command == "import-redmine") return importRedmine(config, args, in, out, err);
    storage::Connection db(config.db);
    if (command == "migrate") return migrate(db, config, out);
    if (command == "status") return status(db, config, out);
    if (command == "create-user") return createUser(db, args, in, out);
    if (command == "set-password") return setPassword(db, args, in, out);
    if (command == "api-key") return apiKey(db, config, args, out);
    if (command == "cleanup-files") return cleanupFiles(db, config, args, out, err);
    return addMember(db, args, out);
}

} // namespace ticketflow::admin
