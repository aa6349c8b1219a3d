// An issue and its history as the storage layer hands them to the rest of the program.
#pragma once
#include "core/domain/issue_access.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::domain {

struct Issue {
    unsigned id = 0;
    unsigned projectId = 0, trackerId = 0, statusId = 0, priorityId = 0;
    std::string subject, description;
    std::optional<unsigned> authorId, assigneeId, milestoneId, customerId;
    std::optional<unsigned> hintPriorityId, hintAssigneeId;
    std::string source;
    std::string triageChecklist;
    bool customerReplied = false;
    unsigned lockVersion = 0;
    // Read with the history only (IssueRepository::findWithHistory), for the issue page.
    unsigned attachmentCount = 0;     ///< files of the issue, private ones included
    unsigned relationCount = 0;       ///< relations on either side
    std::vector<unsigned> watcherIds; ///< ascending
    std::string createdAt, updatedAt; ///< "YYYY-MM-DD HH:MM:SS", UTC
    std::optional<std::string> closedAt;
    std::string customerName, customerEmail; ///< staff names: Catalog::userName

    IssueRef ref() const {
        IssueRef r;
        r.id = id;
        r.projectId = projectId;
        r.trackerId = trackerId;
        r.statusId = statusId;
        r.authorId = authorId;
        r.assigneeId = assigneeId;
        r.milestoneId = milestoneId;
        r.customerId = customerId;
        return r;
    }
};

/// One changed field of a journal; values are ids or text as stored.
struct JournalDetail {
    std::string property = "attr";
    std::string key;
    std::optional<std::string> oldValue, value;
};

/// A journal written by a customer carries the customer (journals.customer_id); by staff, the user.
struct Journal {
    unsigned id = 0;
    std::optional<unsigned> userId;
    std::string userName; ///< the customer's name for customer journals; staff names come from the catalog
    std::string notes;
    bool privateNotes = false;
    std::string createdAt;
    std::vector<JournalDetail> details;
};

/// One row of an issue list.
struct IssueRow {
    unsigned id = 0;
    unsigned projectId = 0, trackerId = 0, statusId = 0, priorityId = 0;
    std::optional<unsigned> assigneeId, milestoneId;
    std::string subject, updatedAt, createdAt;
    std::string sortValue; ///< value of the sort column, for the keyset cursor
};

struct IssuePage {
    std::vector<IssueRow> rows;
    bool hasNext = false, hasPrevious = false;
    std::optional<long> total; ///< only when it can be had without counting the issues table
};

} // namespace ticketflow::domain
