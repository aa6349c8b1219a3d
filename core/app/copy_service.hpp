// Copy to Internal (DESIGN §2): a support issue becomes an internal one, linked both ways.
#pragma once
#include "core/app/issue_service.hpp"

namespace ticketflow::app {

class CopyService {
public:
    /// With a `notifier`, the copy mails the internal project's staff like any new issue.
    CopyService(storage::Connection& db, const domain::Catalog& catalog, const Notifier* notifier = nullptr)
        : _db(db), _catalog(catalog), _notifier(notifier) {}

    /// Copies subject, description and attachments (not the customer, nor the customer's
    /// hints) into a new issue of `targetProjectId`/`targetTrackerId` in that tracker's
    /// default status; the copier is its author and watcher; "copied to / copied from" is
    /// recorded and journaled on both issues, all in one transaction. NotFound when the
    /// actor may not see the source; Forbidden without CopyIssues on the source's project or
    /// AddIssues on the target; Invalid for an unknown project or a tracker it does not use.
    CreateResult copy(const domain::Actor& actor, unsigned sourceId, unsigned targetProjectId, unsigned targetTrackerId);

private:
    storage::Connection& _db;
    const domain::Catalog& _catalog;
    const Notifier* _notifier = nullptr;
};

} // namespace ticketflow::app
