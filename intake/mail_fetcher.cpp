// Store first, delete after.
#include "intake/mail_fetcher.hpp"

#include "core/storage/inbound_mail_repository.hpp"


namespace ticketflow::intake {

FetchReport fetchMailbox(storage::Connection& db, const std::string& mailboxName, MailSource& source,
                         std::uint64_t maxBytes) {
    FetchReport report;
    storage::InboundMailRepository mail(db);
    const std::string lock = "ticketflow.mailbox." + mailboxName;
    if (!mail.tryLock(lock)) {
        report.busy = true;
        return report;
    }
    try {
        source.drain([&](const FetchedMail& m) {
            if (m.truncated) {
                const auto r = mail.storeRejected(mailboxName, m.raw, m.size,
                                                  "message of " + std::to_string(m.size) + " bytes, over the limit of " +
                                                      std::to_string(maxBytes));
                ++(r.duplicate ? report.duplicates : report.rejected);
                return;
            }
            ++(mail.store(mailboxName, m.raw).duplicate ? report.duplicates : report.stored);
        });
    } catch (...) {
        mail.unlock(lock);
        throw;
    }
    mail.unlock(lock);
    return report;
}

} // namespace ticketflow::intake
