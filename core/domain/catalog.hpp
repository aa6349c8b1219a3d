// Reference data of the installation (projects, trackers, statuses, workflow, members),
// loaded once and shared read-only by the pages of one worker thread.
#pragma once
#include "core/domain/actor.hpp"
#include "core/domain/workflow.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

struct Project {
    unsigned id = 0;
    std::string identifier, name, description;
    bool customerFacing = false;
    std::vector<unsigned> trackerIds;
    std::string supportAddress;  ///< From and Reply-To of the project's mail; empty: [smtp] from
    std::string catchallAddress; ///< gets every notification of the project; empty: none
};

struct Tracker {
    unsigned id = 0;
    std::string name;
    unsigned defaultStatusId = 0;
    std::optional<unsigned> assignableRoleId;
};

struct Status {
    unsigned id = 0;
    std::string name;
    bool closed = false, isNew = false;
};

struct Priority {
    unsigned id = 0;
    std::string name;
    bool isDefault = false;
};

struct Milestone {
    unsigned id = 0, projectId = 0;
    std::string name, status, dueDate;
};

struct StaffUser {
    unsigned id = 0;
    std::string login, name;
    bool active = true;
    std::string mail; ///< empty: none
};

struct Membership {
    unsigned userId = 0, projectId = 0, roleId = 0;
};

class Catalog {
public:
    std::vector<Project> projects;
    std::vector<Tracker> trackers;
    std::vector<Status> statuses;
    std::vector<Priority> priorities;
    std::vector<Milestone> milestones;
    std::vector<Role> roles;
    std::vector<StaffUser> staff;
    std::vector<Membership> memberships;
    Workflow workflow{{}};
    std::map<unsigned, unsigned> newIssuesQueryIds; ///< project id -> id of its NewIssues query

    const Project* project(unsigned id) const;
    const Project* projectByIdentifier(const std::string& identifier) const;
    /// A project as Redmine's URLs and API name it: by id ("2") or by identifier ("psprointernal").
    const Project* projectByRef(const std::string& ref) const;
    const Tracker* tracker(unsigned id) const;
    const Status* status(unsigned id) const;
    const Priority* priority(unsigned id) const;
    const Milestone* milestone(unsigned id) const;
    const Role* role(unsigned id) const;
    const StaffUser* staffUser(unsigned id) const;

    std::string statusName(unsigned id) const;
    std::string trackerName(unsigned id) const;
    std::string priorityName(unsigned id) const;
    std::string milestoneName(unsigned id) const;
    std::string userName(unsigned id) const;
    std::optional<unsigned> defaultPriorityId() const;
    /// The tracker a mailed-in issue of the project gets (DESIGN §3): its tracker named
    /// "Support", else its first; nullopt for an unknown project or one without trackers.
    std::optional<unsigned> mailTrackerId(unsigned projectId) const;
    /// The status of that name (exact); nullopt when there is none.
    std::optional<unsigned> statusIdNamed(std::string_view name) const;
    std::vector<unsigned> newStatusIds() const;
    std::vector<unsigned> openStatusIds() const;
    std::vector<unsigned> closedStatusIds() const;
    std::vector<Milestone> openMilestones(unsigned projectId) const;

    /// Roles of a user per project, as Actor::roles wants them.
    std::map<unsigned, std::vector<Role>> rolesOf(unsigned userId) const;
    /// Users who may be assigned issues of `trackerId` in `projectId`: holders of the
    /// tracker's assignable role in the project, or every staff member of the project when
    /// the tracker names none (roles that may edit issues). Active users only, sorted by name.
    std::vector<StaffUser> assignableUsers(unsigned projectId, unsigned trackerId) const;
    bool isAssignable(unsigned userId, unsigned projectId, unsigned trackerId) const;
    /// New issues and moves may only target an open milestone of the issue's own project.
    bool isOpenMilestoneOf(unsigned milestoneId, unsigned projectId) const;
};

} // namespace ticketflow::domain
