// Processing stored mail (inbound_mail) into issues and notes, DESIGN §3: guards, threading,
// customers, each message's changes and its outcome in one transaction (shared by a batch of
// messages without files), so a message is processed exactly once however often processing is
// interrupted.
#pragma once
#include "intake/mailbox_config.hpp"

#include "core/app/attachment_store.hpp"
#include "core/app/notifier.hpp"
#include "core/domain/catalog.hpp"
#include "core/domain/inbound_message.hpp"
#include "core/domain/mail_settings.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/inbound_mail_repository.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ticketflow::intake {

struct ProcessorSettings {
    const IntakeConfig* intake = nullptr;
    domain::MailSettings mail;
    std::string secret;                         ///< verifies our Message-IDs in replies
    const app::AttachmentStore* store = nullptr; ///< where the mails' files go
    const app::Notifier* notifier = nullptr;     ///< writes the notification mails of the changes
    /// Connections processing side by side ([intake] process_workers); lanes after the first
    /// open their own connection with `laneDb`.
    unsigned lanes = 1;
    storage::DbConfig laneDb;
};

class MailProcessor {
public:
    MailProcessor(storage::Connection& db, const domain::Catalog& catalog, ProcessorSettings settings)
        : _db(db), _catalog(catalog), _settings(std::move(settings)) {}

    /// Processes up to `limit` waiting messages, oldest first, under a MariaDB named lock (one
    /// processor at a time across hosts; returns 0 when another holds it). Returns how many
    /// messages were finished. A message whose processing throws (other than a lost
    /// connection) is marked failed with the error and the queue moves on.
    /// With several lanes, the messages of one sender (and copies of one Message-ID) stay in
    /// one lane, in order; different senders are processed side by side.
    std::size_t processWaiting(unsigned limit);

    /// Processes one waiting message. A message that cannot be processed (no project for its
    /// mailbox, a database refusal) is marked failed with the reason, never left to block the
    /// queue. Throws StorageError when the database is unreachable.
    storage::MailOutcome processOne(std::uint64_t id);

private:
    struct Parsed;
    void processChunk(const std::vector<storage::RawMail>& chunk);
    void processLane(storage::Connection& db, const std::vector<const Parsed*>& work);
    bool processBatch(storage::Connection& db, const std::vector<const Parsed*>& work, std::size_t begin,
                      std::size_t end);
    void processAlone(storage::Connection& db, const Parsed& p);
    /// The connections of up to `wanted` lanes, this processor's own first; fewer when a lane's
    /// connection is refused.
    std::vector<storage::Connection*> laneConnections(std::size_t wanted);
    storage::MailOutcome process(storage::Connection& db, const storage::RawMail& mail,
                                 const domain::InboundMessage& msg);
    void markFailed(storage::Connection& db, std::uint64_t id, const std::string& why);
    storage::Connection& _db;
    const domain::Catalog& _catalog;
    ProcessorSettings _settings;
    std::vector<std::unique_ptr<storage::Connection>> _laneDbs; ///< lanes 1.., opened when first needed
};

} // namespace ticketflow::intake
