// Actor: who is acting in one request (user, kind, roles per project), as loaded by storage.
#include "core/domain/actor.hpp"

#include <algorithm>

namespace ticketflow::domain {
namespace {

/// What a customer login may ever be granted (DESIGN §1: customers see only their own issues,
/// never private notes, never the internal project's workings).
bool customerGrantable(Permission permission) {
    return permission == Permission::ViewOwnIssues || permission == Permission::AddIssues ||
           permission == Permission::AddNotes;
}

bool anyRoleHas(const std::vector<Role>& roles, Permission permission) {
    return std::any_of(roles.begin(), roles.end(), [&](const Role& role) { return role.permissions.has(permission); });
}

} // namespace

bool Actor::isAnonymous() const {
    return userId == 0;
}

bool Actor::isActive() const {
    return (!isAnonymous() || viaMail || viaCommit) && !locked;
}

bool Actor::allowedTo(Permission permission, unsigned projectId) const {
    if (!isActive()) return false;
    if (admin) return true;
    if (!staff && !customerGrantable(permission)) return false;
    const auto it = roles.find(projectId);
    return it != roles.end() && anyRoleHas(it->second, permission);
}

bool Actor::isMemberOf(unsigned projectId) const {
    return isActive() && (admin || roles.count(projectId) > 0);
}

bool Actor::allowedAnywhere(Permission permission) const {
    if (!isActive()) return false;
    if (admin) return true;
    return std::any_of(roles.begin(), roles.end(),
                       [&](const auto& entry) { return allowedTo(permission, entry.first); });
}

std::vector<unsigned> Actor::rolesIn(unsigned projectId) const {
    std::vector<unsigned> ids;
    if (!isActive()) return ids;
    const auto it = roles.find(projectId);
    if (it == roles.end()) return ids;
    for (const Role& role : it->second) ids.push_back(role.id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::vector<unsigned> Actor::projectsWhere(Permission permission) const {
    std::vector<unsigned> projects;
    for (const auto& [projectId, projectRoles] : roles) // std::map: already ascending
        if (allowedTo(permission, projectId)) projects.push_back(projectId);
    return projects;
}

Actor mailCustomerActor(unsigned customerId, unsigned projectId, const std::string& name) {
    Actor a;
    a.displayName = name;
    a.customerId = customerId;
    a.viaMail = true;
    Role role;
    role.name = "Mail";
    role.permissions = PermissionSet::parse("view_own_issues add_issues add_notes");
    a.roles[projectId] = {role};
    return a;
}

Actor commitActor(unsigned userId, const std::string& name, const std::vector<unsigned>& projectIds) {
    Actor a;
    a.userId = userId;
    a.displayName = name;
    a.staff = true; // staff rules: not limited to one customer's issues, notes may be private
    a.viaCommit = true;
    Role role;
    role.name = "Version control";
    role.permissions = PermissionSet::parse("view_issues add_notes set_notes_private edit_issues");
    for (unsigned projectId : projectIds) a.roles[projectId] = {role};
    return a;
}

} // namespace ticketflow::domain
