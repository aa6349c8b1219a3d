// What `deliver` and `poll` share.
#include "mail/intake_runtime.hpp"

#include "core/app/crypto.hpp"
#include "core/app/mail_config.hpp"
#include "core/storage/catalog_repository.hpp"
#include "core/storage/storage_error.hpp"
#include "intake/mail_fetcher.hpp"
#include "intake/maildir_source.hpp"
#include "intake/outbox_sender.hpp"
#include "intake/pop3_source.hpp"

#include <Poco/Exception.h>

namespace ticketflow::mail_tool {

IntakeRuntime IntakeRuntime::load(const std::string& path) {
    app::initCrypto();
    IntakeRuntime r;
    r.app = app::loadConfig(path);
    r.intake = intake::loadIntakeConfig(path);
    r.mail = app::loadMailSettings(path);
    r.smtp = intake::loadSmtpConfig(path);
    r.store = std::make_unique<app::AttachmentStore>(
        r.app.attachmentsDir, domain::UploadLimits{r.app.attachmentMaxBytes, r.app.attachmentMaxFiles});
    r.notifier = std::make_unique<app::Notifier>(r.app.notify);
    return r;
}

intake::MailProcessor IntakeRuntime::processor(storage::Connection& db, domain::Catalog& catalog) const {
    catalog = storage::CatalogRepository(db).load();
    return intake::MailProcessor(
        db, catalog, {&intake, mail, app.secret, store.get(), notifier.get(), intake.processWorkers, app.db});
}

bool runRound(const IntakeRuntime& runtime, storage::Connection& db, std::ostream& log, Round round) {
    bool ok = true;
    const std::uint64_t maxBytes = runtime.mail.limits.maxMessageBytes;
    for (const auto& box : runtime.intake.mailboxes) {
        if (round != Round::All && round != Round::FetchOnly) break;
        std::unique_ptr<intake::MailSource> source;
        if (box.kind == intake::MailboxConfig::Kind::Maildir) {
            source = std::make_unique<intake::MaildirSource>(box.path, maxBytes);
        } else {
            source = std::make_unique<intake::Pop3Source>(box, maxBytes);
        }
        try {
            const auto r = intake::fetchMailbox(db, box.name, *source, maxBytes);
            if (r.busy) {
                log << "ticketflow-mail: " << box.name << ": another poller is reading it; skipped\n";
            } else if (r.stored + r.duplicates + r.rejected > 0) {
                log << "ticketflow-mail: " << box.name << ": " << r.stored << " stored, " << r.rejected
                    << " over the size limit, " << r.duplicates << " already stored\n";
            }
        } catch (const storage::StorageError& e) {
            if (e.connectionLost()) throw;
            log << "ticketflow-mail: " << box.name << ": " << e.what() << "\n";
            ok = false;
        } catch (const Poco::Exception& e) {
            log << "ticketflow-mail: " << box.name << ": " << e.displayText() << "\n";
            ok = false;
        } catch (const std::exception& e) {
            log << "ticketflow-mail: " << box.name << ": " << e.what() << "\n";
            ok = false;
        }
    }
    if (round == Round::FetchOnly) return ok;
    if (round == Round::SendOnly) {
        sendOutbox(runtime, db, log);
        return ok;
    }
    domain::Catalog catalog;
    auto processor = runtime.processor(db, catalog);
    constexpr unsigned kBatch = 500;
    std::size_t total = 0;
    for (std::size_t done = kBatch; done == kBatch;) {
        done = processor.processWaiting(kBatch);
        total += done;
    }
    if (total > 0) log << "ticketflow-mail: processed " << total << " message(s)\n";
    if (round != Round::ProcessOnly) sendOutbox(runtime, db, log);
    return ok;
}

void sendOutbox(const IntakeRuntime& runtime, storage::Connection& db, std::ostream& log) {
    constexpr std::size_t kBatch = 50; // one transaction each: a batch's locks are held while it is sent
    intake::SendReport total;
    for (std::size_t sent = kBatch; sent == kBatch;) {
        const auto r = intake::sendDue(db, runtime.smtp, kBatch, log);
        sent = r.sent + r.failed;
        total.sent += r.sent;
        total.failed += r.failed;
        if (r.failed > 0) break; // the server is in trouble: the backoff decides when to try again
    }
    if (total.sent + total.failed > 0)
        log << "ticketflow-mail: outbox: " << total.sent << " sent, " << total.failed << " failed\n";
}

} // namespace ticketflow::mail_tool
