// IssueRef and the per-issue access rules: who may see an issue, its private notes, add notes.
#include "core/domain/issue_access.hpp"

namespace ticketflow::domain {
namespace {

bool sameId(const std::optional<unsigned>& id, unsigned other) {
    return id.has_value() && other != 0 && *id == other;
}

} // namespace

bool canViewIssue(const Actor& actor, const IssueRef& issue) {
    if (!actor.isActive()) return false;
    if (actor.admin) return true;
    if (actor.staff) {
        if (actor.allowedTo(Permission::ViewIssues, issue.projectId)) return true;
        return actor.allowedTo(Permission::ViewOwnIssues, issue.projectId) &&
               (sameId(issue.authorId, actor.userId) || sameId(issue.assigneeId, actor.userId));
    }
    // A customer login: its own customer's issues only, even if a role says view_issues.
    return actor.customerId.has_value() && sameId(issue.customerId, *actor.customerId) &&
           actor.allowedTo(Permission::ViewOwnIssues, issue.projectId);
}

bool canViewPrivateNotes(const Actor& actor, unsigned projectId) {
    if (!actor.admin && !actor.staff) return false;
    return actor.allowedTo(Permission::ViewPrivateNotes, projectId);
}

bool canAddNote(const Actor& actor, const IssueRef& issue) {
    return canViewIssue(actor, issue) && actor.allowedTo(Permission::AddNotes, issue.projectId);
}

bool canEditIssue(const Actor& actor, const IssueRef& issue) {
    return canViewIssue(actor, issue) && actor.allowedTo(Permission::EditIssues, issue.projectId);
}

bool canSetNotesPrivate(const Actor& actor, const IssueRef& issue) {
    return canAddNote(actor, issue) && (actor.admin || actor.staff) &&
           actor.allowedTo(Permission::SetNotesPrivate, issue.projectId);
}

ListScope listScope(const Actor& actor, const std::vector<unsigned>& projectIds) {
    ListScope scope;
    if (actor.staff || actor.admin) {
        for (unsigned id : projectIds) {
            if (actor.allowedTo(Permission::ViewIssues, id)) scope.projectIds.push_back(id);
        }
        return scope;
    }
    if (!actor.customerId) return scope;
    scope.customerId = actor.customerId;
    for (unsigned id : projectIds) {
        if (actor.allowedTo(Permission::ViewOwnIssues, id)) scope.projectIds.push_back(id);
    }
    return scope;
}

} // namespace ticketflow::domain
