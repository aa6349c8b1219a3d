// Reference data of the installation, with lookups by id.
#include "core/domain/catalog.hpp"

#include "core/domain/text.hpp"

#include <algorithm>
#include <set>

namespace ticketflow::domain {

namespace {

template <class T>
const T* findById(const std::vector<T>& items, unsigned id) {
    for (const auto& item : items) {
        if (item.id == id) return &item;
    }
    return nullptr;
}

template <class T>
std::string nameOf(const T* item) {
    return item ? item->name : std::string();
}

} // namespace

const Project* Catalog::project(unsigned id) const {
    return findById(projects, id);
}
const Tracker* Catalog::tracker(unsigned id) const {
    return findById(trackers, id);
}
const Status* Catalog::status(unsigned id) const {
    return findById(statuses, id);
}
const Priority* Catalog::priority(unsigned id) const {
    return findById(priorities, id);
}
const Milestone* Catalog::milestone(unsigned id) const {
    return findById(milestones, id);
}
const Role* Catalog::role(unsigned id) const {
    return findById(roles, id);
}
const StaffUser* Catalog::staffUser(unsigned id) const {
    return findById(staff, id);
}

const Project* Catalog::projectByRef(const std::string& ref) const {
    if (const auto id = parseId(ref)) {
        if (const Project* p = project(*id)) return p;
    }
    return projectByIdentifier(ref);
}

const Project* Catalog::projectByIdentifier(const std::string& identifier) const {
    for (const auto& p : projects) {
        if (p.identifier == identifier) return &p;
    }
    return nullptr;
}

std::string Catalog::statusName(unsigned id) const {
    return nameOf(status(id));
}
std::string Catalog::trackerName(unsigned id) const {
    return nameOf(tracker(id));
}
std::string Catalog::priorityName(unsigned id) const {
    return nameOf(priority(id));
}
std::string Catalog::milestoneName(unsigned id) const {
    return nameOf(milestone(id));
}
std::string Catalog::userName(unsigned id) const {
    return nameOf(staffUser(id));
}

std::optional<unsigned> Catalog::defaultPriorityId() const {
    for (const auto& p : priorities) {
        if (p.isDefault) return p.id;
    }
    if (!priorities.empty()) return priorities.front().id;
    return std::nullopt;
}

std::optional<unsigned> Catalog::statusIdNamed(std::string_view name) const {
    for (const auto& s : statuses) {
        if (s.name == name) return s.id;
    }
    return std::nullopt;
}

std::optional<unsigned> Catalog::mailTrackerId(unsigned projectId) const {
    const Project* p = project(projectId);
    if (!p || p->trackerIds.empty()) return std::nullopt;
    for (const unsigned id : p->trackerIds) {
        if (trackerName(id) == "Support") return id;
    }
    return p->trackerIds.front();
}

std::vector<unsigned> Catalog::newStatusIds() const {
    std::vector<unsigned> ids;
    for (const auto& s : statuses) {
        if (s.isNew) ids.push_back(s.id);
    }
    return ids;
}

std::vector<unsigned> Catalog::openStatusIds() const {
    std::vector<unsigned> ids;
    for (const auto& s : statuses) {
        if (!s.closed) ids.push_back(s.id);
    }
    return ids;
}

std::vector<unsigned> Catalog::closedStatusIds() const {
    std::vector<unsigned> ids;
    for (const auto& s : statuses) {
        if (s.closed) ids.push_back(s.id);
    }
    return ids;
}

std::vector<Milestone> Catalog::openMilestones(unsigned projectId) const {
    std::vector<Milestone> result;
    for (const auto& m : milestones) {
        if (m.projectId == projectId && m.status == "open") result.push_back(m);
    }
    return result;
}

std::map<unsigned, std::vector<Role>> Catalog::rolesOf(unsigned userId) const {
    std::map<unsigned, std::vector<Role>> result;
    for (const auto& m : memberships) {
        if (m.userId != userId) continue;
        if (const Role* r = role(m.roleId)) result[m.projectId].push_back(*r);
    }
    return result;
}

std::vector<StaffUser> Catalog::assignableUsers(unsigned projectId, unsigned trackerId) const {
    const Tracker* t = tracker(trackerId);
    std::set<unsigned> ids;
    for (const auto& m : memberships) {
        if (m.projectId != projectId) continue;
        if (t && t->assignableRoleId && m.roleId != *t->assignableRoleId) continue;
        // Without an assignable role, whoever works issues (not a reader) may take them.
        const Role* r = role(m.roleId);
        if (!r || !r->permissions.has(Permission::EditIssues)) continue;
        ids.insert(m.userId);
    }
    std::vector<StaffUser> result;
    for (unsigned id : ids) {
        const StaffUser* u = staffUser(id);
        if (u && u->active) result.push_back(*u);
    }
    std::sort(result.begin(), result.end(), [](const StaffUser& a, const StaffUser& b) { return a.name < b.name; });
    return result;
}

bool Catalog::isAssignable(unsigned userId, unsigned projectId, unsigned trackerId) const {
    for (const auto& u : assignableUsers(projectId, trackerId)) {
        if (u.id == userId) return true;
    }
    return false;
}

bool Catalog::isOpenMilestoneOf(unsigned milestoneId, unsigned projectId) const {
    const Milestone* m = milestone(milestoneId);
    return m && m->projectId == projectId && m->status == "open";
}

} // namespace ticketflow::domain
