// Actor: who is acting in one request (user, kind, roles per project), as loaded by storage.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/permissions.hpp"

namespace ticketflow::domain {

/// The user behind one request or one mail, with everything the rules need to decide.
/// A plain value: storage fills it, the rules only read it.
struct Actor {
    unsigned userId = 0; // 0 = anonymous
    std::string login, displayName;
    bool admin = false;                 // bypasses roles (but not the workflow's note/assignee/milestone conditions)
    bool staff = false;                 // users.kind == 'staff'
    bool locked = false;                // users.status == 'locked': may do nothing, admin or not
    std::optional<unsigned> customerId; // for customer logins
    std::map<unsigned /*projectId*/, std::vector<Role>> roles;
    /// A customer known only by mail address, acting through mail intake: active without a
    /// user account (userId stays 0, so nothing is recorded as written by a user).
    bool viaMail = false;
    /// A version-control hook acting for a commit (core/app/scm_commit_service): active with or
    /// without a user account; its roles come from the repository's configuration (commitActor).
    /// IssueService lets only such an actor close an issue outside the workflow.
    bool viaCommit = false;

    bool isAnonymous() const;

    /// True when the actor may act at all: signed in (or viaMail, viaCommit) and not locked.
    bool isActive() const;

    /// Whether one of the actor's roles in `projectId` grants `permission`.
    /// Admin: everything; anonymous or locked: nothing. A customer login (staff == false) is only
    /// ever granted ViewOwnIssues, AddIssues and AddNotes, whatever role an admin gave it, so a
    /// misconfigured membership cannot show a customer other customers' issues or private notes.
    bool allowedTo(Permission permission, unsigned projectId) const;

    /// Holds a role in `projectId` (admin: every project), as Redmine lists projects to members.
    bool isMemberOf(unsigned projectId) const;

        /// allowedTo in at least one project (admin: true). For menus and the dashboard.
    bool allowedAnywhere(Permission permission) const;

    /// Ids of the actor's roles in `projectId`, ascending, no duplicates (memberships only, also
    /// for an admin); empty when anonymous or locked.
    std::vector<unsigned> rolesIn(unsigned projectId) const;

    /// Projects (from the memberships) where allowedTo(permission) holds, ascending.
    /// An admin may act in every project, including ones without a membership: callers listing
    /// projects for an admin must not rely on this.
    std::vector<unsigned> projectsWhere(Permission permission) const;
};

/// The customer behind an incoming mail, as mail intake acts for them in `projectId`: their
/// own issues only, and only what a customer may do there (report issues, add notes).
Actor mailCustomerActor(unsigned customerId, unsigned projectId, const std::string& name);

/// A commit's keywords acting on issues of `projectIds` (those its repository may touch): it
/// may see their issues, add notes (private ones too) and edit them, which IssueService turns
/// into "close with IssueEdit::closeByCommit". No other permission: no new issues, no
/// deletion, no admin rights, nothing in other projects. `userId` is the committer's account,
/// recorded as the journals' author, or 0 when no account stands for the committer.
Actor commitActor(unsigned userId, const std::string& name, const std::vector<unsigned>& projectIds);

} // namespace ticketflow::domain
