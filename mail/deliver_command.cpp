// `ticketflow-mail deliver --mailbox NAME`: one message from an MTA pipe (/etc/aliases,
// Postfix pipe), stored and then processed, with exit codes the MTA acts on.
#include "core/storage/storage_error.hpp"
#include "intake/mail_fetcher.hpp"
#include "mail/intake_runtime.hpp"
#include "mail/mail_commands.hpp"

#include <iostream>

namespace ticketflow::mail_tool {

int runDeliver(const std::vector<std::string>& args, std::ostream&, std::ostream& err) {
    std::string mailbox, configPath;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if ((args[i] == "--mailbox" || args[i] == "--config") && i + 1 < args.size()) {
            (args[i] == "--mailbox" ? mailbox : configPath) = args[i + 1];
            ++i;
        } else {
            throw UsageError("deliver takes --mailbox NAME [--config FILE] and the message on standard input");
        }
    }
    if (mailbox.empty()) throw UsageError("deliver needs --mailbox NAME (a [mailbox.NAME] section)");
    IntakeRuntime runtime;
    try {
        runtime = IntakeRuntime::load(configPathFrom(configPath));
    } catch (const std::exception& e) {
        // The MTA keeps the message and retries: a configuration slip must not bounce mail.
        err << "ticketflow-mail: " << e.what() << "\n";
        return kExitTempFail;
    }
    if (!runtime.intake.mailbox(mailbox)) {
        err << "ticketflow-mail: no [mailbox." << mailbox << "] in the configuration\n";
        return kExitTempFail;
    }
    std::uint64_t id = 0;
    try {
        storage::Connection db(runtime.app.db);
        const auto stored = intake::deliverMessage(db, mailbox, std::cin, runtime.mail.limits.maxMessageBytes, &id);
        if (stored == intake::Delivery::TooLarge) {
            err << "ticketflow-mail: message larger than " << runtime.mail.limits.maxMessageBytes
                << " bytes ([mail] max_size); refused\n";
            return kExitTooLarge;
        }
        if (stored == intake::Delivery::Duplicate) return kExitOk; // delivered again: already here
        // Stored and committed: from here on the message is safe, whatever processing does.
        try {
            domain::Catalog catalog;
            runtime.processor(db, catalog).processOne(id);
        } catch (const std::exception& e) {
            err << "ticketflow-mail: stored as message " << id << "; processing waits for the poller: " << e.what()
                << "\n";
        }
        return kExitOk;
    } catch (const storage::StorageError& e) {
        err << "ticketflow-mail: the database is not available, the MTA should retry: " << e.what() << "\n";
        return kExitTempFail;
    }
}

} // namespace ticketflow::mail_tool
