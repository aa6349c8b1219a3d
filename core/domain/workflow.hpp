// Workflow: the status transitions (tracker x role x from -> to) and the conditions they demand.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/actor.hpp"
#include "core/domain/issue_access.hpp"

namespace ticketflow::domain {

/// One row of workflow_transitions.
struct TransitionRule {
    unsigned trackerId = 0, roleId = 0, fromStatusId = 0, toStatusId = 0;
    bool noteRequired = false, assigneeRequired = false, milestoneRequired = false;
    bool assigneeOnly = false; // only the issue's current assignee may use it (admin exempt)

    bool operator==(const TransitionRule&) const = default;
};

/// Why a status change is refused; None when it is allowed.
enum class TransitionError {
    None,
    NotAllowed,
    NoteRequired,
    AssigneeRequired,
    MilestoneRequired,
    NotAssignee,
    SameStatus
};

/// A user-facing sentence for the edit form, e.g. "A note is required for this status change.";
/// empty for None. Never throws.
std::string_view describe(TransitionError error);

/// A requested status change, with the issue's assignee and milestone as they will be after it.
struct StatusChange {
    unsigned toStatusId = 0;
    std::string note;
    std::optional<unsigned> assigneeId;  // after the change
    std::optional<unsigned> milestoneId; // after the change
};

/// The workflow rules of the installation, queried per actor and issue. Immutable once built;
/// safe to share between threads.
class Workflow {
public:
    explicit Workflow(std::vector<TransitionRule> rules);

    /// Target statuses the actor may move the issue to from its current status, ascending, no
    /// duplicates, never the current status. Union over the actor's roles in the issue's project
    /// (admin: over all roles); a rule with assigneeOnly counts only when the actor is the issue's
    /// current assignee (admin exempt). Anonymous or locked actors get none. Never throws.
    std::vector<unsigned> allowedTargets(const Actor& actor, const IssueRef& issue) const;

    /// Checks one change. SameStatus when the target is the current status; NotAllowed when no
    /// rule of the actor's roles leads there; NotAssignee when only assigneeOnly rules do and the
    /// actor is not the assignee; otherwise None if any permitting rule has all its conditions met
    /// (a note is given when it is non-blank after trimming), else the first unmet condition of
    /// the permitting rule with the fewest conditions. The assigneeOnly test uses the assignee
    /// *before* the change, so nobody can assign themselves and accept in one step. Never throws.
    TransitionError check(const Actor& actor, const IssueRef& issue, const StatusChange& change) const;

    /// What the edit form should demand for `toStatusId`: the permitting rules merged, a condition
    /// required only if every permitting rule requires it; roleId is the rules' role when they
    /// share one, else 0. nullopt when the target is not allowed (or is the current status).
    /// With several roles whose rules demand different things this can under-report (check() may
    /// still refuse); check() is the authority, the form hint is a convenience. Never throws.
    std::optional<TransitionRule> requirementsFor(const Actor& actor, const IssueRef& issue, unsigned toStatusId) const;

    const std::vector<TransitionRule>& rules() const;

private:
    /// Rules for the issue's tracker and current status that one of the actor's roles holds
    /// (all roles for an admin), optionally only those leading to `toStatusId`.
    std::vector<const TransitionRule*> matching(const Actor& actor, const IssueRef& issue,
                                                std::optional<unsigned> toStatusId) const;

    /// matching(), minus assigneeOnly rules the actor may not use.
    std::vector<const TransitionRule*> permitting(const Actor& actor, const IssueRef& issue,
                                                  std::optional<unsigned> toStatusId) const;

    std::vector<TransitionRule> _rules;
};

} // namespace ticketflow::domain
