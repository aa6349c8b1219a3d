// What `deliver` and `poll` share: the configuration of one installation, opened once, and one
// round of fetching and processing.
#pragma once
#include "core/app/app_config.hpp"
#include "core/app/attachment_store.hpp"
#include "core/app/notifier.hpp"
#include "core/domain/mail_settings.hpp"
#include "core/storage/connection.hpp"
#include "intake/mail_processor.hpp"
#include "intake/mailbox_config.hpp"
#include "intake/smtp_config.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace ticketflow::mail_tool {

/// ticketflow.conf read for mail intake. Throws std::runtime_error naming what is wrong.
struct IntakeRuntime {
    app::AppConfig app;
    intake::IntakeConfig intake;
    domain::MailSettings mail;
    intake::SmtpConfig smtp;
    std::unique_ptr<app::AttachmentStore> store;
    std::unique_ptr<app::Notifier> notifier;

    static IntakeRuntime load(const std::string& path);
    /// A processor over `db` with the catalog read now (reference data may change between rounds).
    intake::MailProcessor processor(storage::Connection& db, domain::Catalog& catalog) const;
};

/// What one round does: fetch the mailboxes, process stored mail, send the outbox.
enum class Round {
    All,            ///< all three (the daemon's round every poll_seconds, poll --once)
    ProcessAndSend, ///< no fetching (the daemon every second: mail from deliver, the web's mails)
    FetchOnly,      ///< poll --once --fetch-only
    ProcessOnly,    ///< poll --once --process-only
    SendOnly,       ///< poll --once --send-only
};

/// Fetches every mailbox (one failing does not stop the others; each is logged to `log`), then
/// processes everything waiting, then sends the outbox: the parts `round` names.
/// Returns false when a mailbox failed. Throws StorageError when the database is unreachable.
bool runRound(const IntakeRuntime& runtime, storage::Connection& db, std::ostream& log,
              Round round = Round::All);

/// Sends every due mail of the outbox, in batches; logs what failed. Throws StorageError.
void sendOutbox(const IntakeRuntime& runtime, storage::Connection& db, std::ostream& log);

} // namespace ticketflow::mail_tool
