// Notification mails of a change (DESIGN §4): who gets which mail decided by the domain rules
// (core/domain/notification_recipients), written with ctemplate (web/templates/mail/) and
// composed with Poco (notification_mail), into the outbox in the caller's transaction, so a
// rolled-back change mails nobody and a committed one loses no mail.
#pragma once
#include "core/app/notify_settings.hpp"
#include "core/domain/actor.hpp"
#include "core/domain/catalog.hpp"
#include "core/domain/issue.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/notification_repository.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctemplate {
class TemplateCache;
}

namespace ticketflow::app {

/// One change of an issue as its use case wrote it.
struct IssueChange {
    domain::Issue issue;                   ///< as it is after the change
    std::optional<unsigned> journalId;     ///< nullopt: the issue was created
    std::vector<domain::JournalDetail> details;
    std::string note;
    bool privateNote = false;              ///< the note and the files are private
    std::vector<std::string> files;        ///< names of the files added
    std::string inReplyTo;                 ///< the customer's mail the issue came from (intake)
    /// The customer and watchers when the caller knows them (saves a query); else read.
    std::optional<storage::IssueAudience> audience;
};

class Notifier {
public:
    /// Loads the mail templates from settings.templatesDir + "/mail". Throws
    /// std::runtime_error for a missing or broken template, std::invalid_argument for a short secret.
    explicit Notifier(NotifySettings settings);
    ~Notifier();
    Notifier(const Notifier&) = delete;
    Notifier& operator=(const Notifier&) = delete;

    /// Writes the mails about `change` into the outbox (nothing when [notify] enabled is off);
    /// returns how many. When an internal issue copied from support issues closes, their
    /// author and assignee are told too. Call inside the change's transaction.
    std::size_t issueChanged(storage::Connection& db, const domain::Catalog& catalog, const domain::Actor& actor,
                             const IssueChange& change) const;

    /// The customer's confirmation with the secret link again (support's "send the link"),
    /// with a new link when `renew`. False when the issue has no customer to mail.
    bool sendLink(storage::Connection& db, const domain::Catalog& catalog, const domain::Issue& issue,
                  bool renew) const;

    const NotifySettings& settings() const { return _settings; }

private:
    /// Change: the mails of DESIGN §4; InternalFixed: about a support issue whose internal
    /// copy `internal` closed; LinkOnly: the confirmation to the customer alone.
    enum class Mode { Change, InternalFixed, LinkOnly };
    std::size_t write(storage::Connection& db, const domain::Catalog& catalog, const domain::Actor& actor,
                      const IssueChange& change, Mode mode, const domain::Issue* internal) const;
    std::string render(const std::string& name, const void* dict) const;
    NotifySettings _settings;
    std::unique_ptr<ctemplate::TemplateCache> _templates;
};

} // namespace ticketflow::app
