// Store first, delete after: moves mail from a source into inbound_mail, and takes one message
// from an MTA pipe.
#pragma once
#include "intake/mail_source.hpp"
#include "intake/mailbox_config.hpp"

#include "core/storage/connection.hpp"


namespace ticketflow::intake {

struct FetchReport {
    std::size_t stored = 0;     ///< new messages, waiting to be processed
    std::size_t duplicates = 0; ///< fetched again after an interrupted run; nothing new stored
    std::size_t rejected = 0;   ///< over the size limit: kept as rejected (head only)
    bool busy = false;          ///< another poller holds the mailbox; nothing was fetched
};

/// Drains `source` into inbound_mail as mailbox `mailboxName`, each message committed before
/// the source deletes it. Holds a MariaDB named lock on the mailbox meanwhile, so two pollers
/// (two hosts) never read the same mailbox at once. Throws StorageError and the source's errors;
/// what was stored before the error stays stored.
FetchReport fetchMailbox(storage::Connection& db, const std::string& mailboxName, MailSource& source,
                         std::uint64_t maxBytes);

} // namespace ticketflow::intake
