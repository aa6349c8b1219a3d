// Issues, their journals and the denormalised counts, in MariaDB.
#pragma once
#include "core/domain/issue.hpp"
#include "core/domain/issue_access.hpp"
#include "core/domain/issue_draft.hpp"
#include "core/domain/issue_query.hpp"
#include "core/domain/query_cursor.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::storage {

/// Which issues a list may show (see domain::listScope).
using Visibility = domain::ListScope;

/// New values of the editable fields; every field is written.
struct IssueFields {
    unsigned trackerId = 0, statusId = 0, priorityId = 0;
    std::optional<unsigned> assigneeId, milestoneId;
    std::string subject, description;
    std::string triageChecklist;
    bool closed = false; ///< the new status is a closed one (sets closed_at)
};

struct IssueWithHistory {
    domain::Issue issue;
    std::vector<domain::Journal> journals; ///< all of them, private notes included
};

class IssueRepository {
public:
    explicit IssueRepository(Connection& db) : _db(db) {}

    std::optional<domain::Issue> find(unsigned id);
    /// Locks the issue's row until the transaction ends (SELECT … FOR UPDATE); false when
    /// there is no such issue.
    bool lockForUpdate(unsigned id);
    /// The issue and its whole history in one round trip (the issue page). Private notes are
    /// included: the caller filters them by the reader's permission. A journal written by a
    /// customer carries the customer's name; staff names come from the catalog. Only this read
    /// fills Issue::attachmentCount, relationCount and watcherIds.
    std::optional<IssueWithHistory> findWithHistory(unsigned id);
    /// Journals oldest first, with details; private notes only when asked for.
    std::vector<domain::Journal> journals(unsigned issueId, bool includePrivate);
    /// One page of a list. Status ids must already be resolved (open/closed -> ids). Assignee
    /// names come from the catalog (assignees are staff).
    domain::IssuePage list(const domain::IssueQuery& query, const std::vector<unsigned>& statusIds,
                           const Visibility& visibility);
    /// A page of whole issues at an offset with the total (the REST API's paging).
    struct OffsetPage {
        std::vector<domain::Issue> issues;
        long total = 0;
    };
    OffsetPage listAt(const domain::IssueQuery& query, const std::vector<unsigned>& statusIds,
                      const Visibility& visibility, unsigned offset);
    long count(const domain::IssueQuery& query, const std::vector<unsigned>& statusIds, const Visibility& visibility);
    /// Issue counts per project and status, summed over trackers (from the counts table).
    struct StatusCount {
        unsigned projectId = 0, statusId = 0;
        long n = 0;
    };
    std::vector<StatusCount> countsByProjectAndStatus();

    // Writes: call inside a Transaction.
    unsigned insert(const domain::IssueDraft& draft, unsigned statusId, std::optional<unsigned> authorId);
    /// UPDATE … WHERE id = ? AND lock_version = ?; false when someone else changed it first.
    bool update(unsigned id, unsigned lockVersion, const IssueFields& fields);
    /// Who wrote a journal: a staff user, or a customer (with or without a login).
    struct JournalAuthor {
        std::optional<unsigned> userId, customerId;
    };
    unsigned insertJournal(unsigned issueId, JournalAuthor author, const std::string& notes, bool privateNotes,
                           const std::vector<domain::JournalDetail>& details);
    /// Sets customer_replied (a customer answered; DESIGN §2).
    void markCustomerReplied(unsigned issueId);
    void addWatcher(unsigned issueId, unsigned userId);
    bool removeWatcher(unsigned issueId, unsigned userId);
    /// Deletes the issue (journals, relations, attachments rows and watchers go with it) and
    /// takes it off the counts. False when it is gone or changed since `issue` was read.
    bool remove(const domain::Issue& issue);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
