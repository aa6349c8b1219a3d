// ticketflow-admin: command-line administration (migrations, users, memberships).
#include "admin/admin_commands.hpp"

#include "core/app/app_config.hpp"
#include "core/app/crypto.hpp"
#include "core/storage/storage_error.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace {

void usage(std::ostream& out) {
    out << "usage: ticketflow-admin [--config FILE] COMMAND [ARGS]\n"
           "\n"
           "commands:\n"
           "  check-config                           check the configuration, templates, folders, the\n"
           "                                         database and its migrations (exit 0: all ok)\n"
           "  migrate                                apply pending migrations from sql/\n"
           "  status                                 list applied and pending migrations\n"
           "  create-user LOGIN [--firstname F] [--lastname L] [--mail M] [--admin] [--customer]\n"
           "              [--password-stdin]         create a user (password read as one line from stdin)\n"
           "  set-password LOGIN [--password-stdin]  set a user's password\n"
           "  add-member LOGIN PROJECT ROLE          give LOGIN the ROLE in PROJECT (identifier)\n"
           "  api-key LOGIN [--reset]                print LOGIN's REST API key (--reset: a new one)\n"
           "  cleanup-files [--hours N] [--dry-run]  remove unclaimed uploads and files no issue uses,\n"
           "                                         older than N hours (default 24); run it nightly\n"
           "  scm-commit --repo R --rev REV --author A (--message M | --message-file F | --message -)\n"
           "                                         apply a commit's \"fixes #N\" / \"refs #N\" (version\n"
           "                                         control hooks; exit 65 unknown repository, 75 retry)\n"
           "  import-redmine --url URL --key KEY|- [--project IDENT ...] [--ca-file F]\n"
           "                                         import a Redmine (plan.io) through its REST API with an\n"
           "                                         admin's key (- reads it from stdin); run it again to go\n"
           "                                         on or to catch up (exit 1 some issues failed, 69 Redmine\n"
           "                                         unreachable, 77 key refused)\n"
           "\n"
           "The configuration defaults to $TICKETFLOW_CONFIG, then /etc/ticketflow/ticketflow.conf.\n";
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string configPath = ticketflow::app::configPathFrom("");
    if (args.size() >= 2 && args[0] == "--config") {
        configPath = args[1];
        args.erase(args.begin(), args.begin() + 2);
    }
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        usage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? 64 : 0;
    }
    try {
        ticketflow::app::initCrypto();
        if (args[0] == "check-config") {
            if (args.size() != 1) throw ticketflow::admin::UsageError("check-config takes no arguments");
            return ticketflow::admin::runCheckConfig(configPath, std::cout);
        }
        const auto config = ticketflow::app::loadConfig(configPath);
        return ticketflow::admin::runCommand(config, args, std::cin, std::cout, std::cerr);
    } catch (const ticketflow::admin::UsageError& e) {
        std::cerr << "ticketflow-admin: " << e.what() << "\n\n";
        usage(std::cerr);
        return 64;
    } catch (const ticketflow::storage::StorageError& e) {
        std::cerr << "ticketflow-admin: " << e.what() << "\n";
        return e.connectionLost() ? 75 : 1;
    } catch (const std::exception& e) {
        std::cerr << "ticketflow-admin: " << e.what() << "\n";
        return 1;
    }
}
