// Store first, delete after.
#include "intake/mail_fetcher.hpp"

#include "core/storage/inbound_mail_repository.hpp"

#include <iterator>

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

Delivery deliverMessage(storage::Connection& db, const std::string& mailboxName, std::istream& in,
                        std::uint64_t maxBytes, std::uint64_t* storedId) {
    std::string raw;
    char chunk[65536];
    while (in && raw.size() <= maxBytes) {
        in.read(chunk, sizeof chunk);
        raw.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (raw.size() > maxBytes) return Delivery::TooLarge;
    const auto stored = storage::InboundMailRepository(db).store(mailboxName, raw);
    if (storedId) *storedId = stored.id;
    return stored.duplicate ? Delivery::Duplicate : Delivery::Stored;
}

} // namespace ticketflow::intake
