// Administering the reference data: projects, trackers, issue statuses, priorities, roles and
// the workflow (admins only). Every write is one transaction; a refused write changes nothing.
#pragma once
#include "core/app/issue_service.hpp"
#include "core/domain/reference_data_rules.hpp"
#include "core/domain/workflow.hpp"

namespace ticketflow::app {

struct AdminResult {
    Outcome outcome = Outcome::Ok;
    std::vector<std::string> errors;
    unsigned id = 0; ///< the saved record
};

class ReferenceDataService {
public:
    explicit ReferenceDataService(storage::Connection& db) : _db(db) {}

    /// Creates (no id) or updates a project. Its trackers must exist; a tracker that still has
    /// issues in the project cannot be taken away; the identifier is fixed once created.
    AdminResult saveProject(const domain::Actor& actor, std::optional<unsigned> id, domain::ProjectFields fields);
    /// The default status and the assignable role must exist.
    AdminResult saveTracker(const domain::Actor& actor, std::optional<unsigned> id, const domain::TrackerFields& fields);
    /// Refused while projects use the tracker or issues have it.
    AdminResult removeTracker(const domain::Actor& actor, unsigned id);
    /// Keeps every project's built-in NewIssues query on the statuses marked new.
    AdminResult saveStatus(const domain::Actor& actor, std::optional<unsigned> id, const domain::StatusFields& fields);
    /// Refused while issues have it or a tracker starts in it; drops its workflow transitions.
    AdminResult removeStatus(const domain::Actor& actor, unsigned id);
    /// One priority is always the default: ticking it moves the flag, unticking is refused.
    AdminResult savePriority(const domain::Actor& actor, std::optional<unsigned> id,
                             const domain::PriorityFields& fields);
    /// Refused for the default priority and while issues have it.
    AdminResult removePriority(const domain::Actor& actor, unsigned id);
    AdminResult saveRole(const domain::Actor& actor, std::optional<unsigned> id, const domain::RoleFields& fields);
    /// Refused while members hold it or a tracker names it as assignable; drops its workflow.
    AdminResult removeRole(const domain::Actor& actor, unsigned id);
    /// Replaces the transitions of one tracker and role; tracker, role and statuses must exist.
    AdminResult saveWorkflow(const domain::Actor& actor, unsigned trackerId, unsigned roleId,
                             const std::vector<domain::TransitionRule>& rules);

private:
    void syncNewIssuesQueries();
    storage::Connection& _db;
};

} // namespace ticketflow::app
