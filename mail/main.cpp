// ticketflow-mail-tool: mail intake's commands, reached through ticketflow-mail (front_main.cpp),
// which runs `deliver` itself. Subcommands come from a table.
#include "mail/mail_commands.hpp"

#include <array>
#include <iostream>
#include <string_view>

namespace {

using ticketflow::mail_tool::UsageError;

struct Command {
    std::string_view name;
    std::string_view usage; ///< arguments and what it does, for --help
    int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

constexpr std::array<Command, 3> kCommands{{
    {"parse", "parse FILE [--config FILE]   parse one message file and print it as JSON\n"
              "                              (sender, recipients, subject, ids, date, text,\n"
              "                              reply text, attachments, verdict); the [mail]\n"
              "                              section of --config sets limits, own addresses\n"
              "                              and reply delimiters",
     ticketflow::mail_tool::runParse},
    {"poll", "poll [--config FILE] [--once [--fetch-only|--process-only|--send-only]]\n"
             "     [--daemon --pidfile=FILE]\n"
             "                              fetch every [mailbox.NAME] (POP3, POP3S, Maildir)\n"
             "                              into the database, then turn what arrived into\n"
             "                              issues and notes and send the outbox ([smtp]);\n"
             "                              every [intake] poll_seconds until SIGTERM (mail\n"
             "                              from deliver and the outbox every second), or one\n"
             "                              round with --once (cron); --once --fetch-only,\n"
             "                              --process-only, --send-only: one part of it",
     ticketflow::mail_tool::runPoll},
    {"deliver", "deliver --mailbox NAME [--config FILE]\n"
                "                              one message on standard input (an MTA pipe),\n"
                "                              stored for the poller, which turns it into an\n"
                "                              issue or note within a second; exit 0 stored,\n"
                "                              65 too large (the MTA bounces it), 75 try again\n"
                "                              later",
     ticketflow::mail_tool::runDeliver},
}};

void usage(std::ostream& out) {
    out << "usage: ticketflow-mail COMMAND [ARGS]\n\ncommands:\n";
    for (const auto& c : kCommands) out << "  " << c.usage << "\n";
    out << "\nThe configuration is --config FILE, else $TICKETFLOW_CONFIG, else /etc/ticketflow/ticketflow.conf\n"
           "(parse reads only its [mail] section, and only with --config).\n"
           "Exit status: 0 when the command did its work (a rejected message is work done),\n"
           "64 bad command line, 65 message too large, 66 unreadable input, 70 a mailbox failed,\n"
           "75 try again later, 78 bad configuration.\n";
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        usage(std::cerr);
        return ticketflow::mail_tool::kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        usage(std::cout);
        return ticketflow::mail_tool::kExitOk;
    }
    for (const auto& c : kCommands) {
        if (c.name != args[0]) continue;
        try {
            return c.run(std::vector<std::string>(args.begin() + 1, args.end()), std::cout, std::cerr);
        } catch (const UsageError& e) {
            std::cerr << "ticketflow-mail: " << e.what() << "\n\n";
            usage(std::cerr);
            return ticketflow::mail_tool::kExitUsage;
        } catch (const std::exception& e) {
            std::cerr << "ticketflow-mail: " << e.what() << "\n";
            return 1;
        }
    }
    std::cerr << "ticketflow-mail: unknown command " << args[0] << "\n\n";
    usage(std::cerr);
    return ticketflow::mail_tool::kExitUsage;
}
