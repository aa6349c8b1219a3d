// IssueRef and the per-issue access rules: who may see an issue, its private notes, add notes.
#pragma once

#include <optional>
#include <vector>

#include "core/domain/actor.hpp"

namespace ticketflow::domain {

/// The fields of an issue the access and workflow rules look at.
struct IssueRef {
    unsigned id = 0, projectId = 0, trackerId = 0, statusId = 0;
    std::optional<unsigned> authorId, assigneeId, milestoneId, customerId;
};

/// Admin: every issue. Staff: every issue of a project where they have ViewIssues, and with
/// only ViewOwnIssues the issues they wrote or are assigned. Customer logins: with
/// ViewOwnIssues, only issues whose customerId equals theirs. Anonymous or locked: none (the
/// secret link is checked by its token, not here). Never throws.
bool canViewIssue(const Actor& actor, const IssueRef& issue);

/// Staff (or admin) with ViewPrivateNotes in the project; never a customer. Never throws.
bool canViewPrivateNotes(const Actor& actor, unsigned projectId);

/// May see the issue and has AddNotes in its project. Never throws.
bool canAddNote(const Actor& actor, const IssueRef& issue);

/// May see the issue and has EditIssues in its project (fields; the status also needs the
/// workflow). Never throws.
bool canEditIssue(const Actor& actor, const IssueRef& issue);

/// May add notes and has SetNotesPrivate in the issue's project (staff only). Never throws.
bool canSetNotesPrivate(const Actor& actor, const IssueRef& issue);

/// Which issues an issue list may show: projects, and for customer logins only their own.
struct ListScope {
    std::vector<unsigned> projectIds;
    std::optional<unsigned> customerId; ///< set: only this customer's issues
};

/// Staff and admins: the projects (of `projectIds`) where they may view issues. Customer
/// logins: the projects where they may view their own issues, restricted to their customer
/// record (none without one). Anonymous or locked: nothing. Never throws except bad_alloc.
ListScope listScope(const Actor& actor, const std::vector<unsigned>& projectIds);

} // namespace ticketflow::domain
