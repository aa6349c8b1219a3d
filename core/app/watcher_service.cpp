// Who watches an issue.
#include "core/app/watcher_service.hpp"

#include "core/domain/issue_access.hpp"
#include "core/storage/issue_repository.hpp"

namespace ticketflow::app {

Outcome WatcherService::check(const domain::Actor& actor, const std::optional<domain::Issue>& issue, unsigned userId,
                              std::string& error) const {
    if (!issue || !domain::canViewIssue(actor, issue->ref())) {
        error = "No such issue.";
        return Outcome::NotFound;
    }
    const bool self = userId == actor.userId;
    if (!actor.staff || (!self && !actor.allowedTo(domain::Permission::EditIssues, issue->projectId))) {
        error = "You may not change the watchers of this issue.";
        return Outcome::Forbidden;
    }
    return Outcome::Ok;
}

Outcome WatcherService::add(const domain::Actor& actor, unsigned issueId, unsigned userId, std::string& error) {
    storage::IssueRepository issues(_db);
    const auto issue = issues.find(issueId);
    if (const auto outcome = check(actor, issue, userId, error); outcome != Outcome::Ok) return outcome;
    // Watchers get mail about the issue, so they must be team members who can read it.
    const domain::StaffUser* user = _catalog.staffUser(userId);
    if (!user || !user->active || !_catalog.rolesOf(userId).count(issue->projectId)) {
        if (!(user && user->active && actor.admin && userId == actor.userId)) {
            error = "Watchers must be active members of the project.";
            return Outcome::Invalid;
        }
    }
    issues.addWatcher(issueId, userId);
    return Outcome::Ok;
}

Outcome WatcherService::remove(const domain::Actor& actor, unsigned issueId, unsigned userId, std::string& error) {
    storage::IssueRepository issues(_db);
    const auto issue = issues.find(issueId);
    if (const auto outcome = check(actor, issue, userId, error); outcome != Outcome::Ok) return outcome;
    issues.removeWatcher(issueId, userId);
    return Outcome::Ok;
}

} // namespace ticketflow::app
