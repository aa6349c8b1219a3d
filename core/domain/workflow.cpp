// Workflow: the status transitions (tracker x role x from -> to) and the conditions they demand.
#include "core/domain/workflow.hpp"

#include <algorithm>
#include <utility>

#include "core/domain/text.hpp"

namespace ticketflow::domain {
namespace {

bool isAssignee(const Actor& actor, const IssueRef& issue) {
    return actor.userId != 0 && issue.assigneeId.has_value() && *issue.assigneeId == actor.userId;
}

bool mayUse(const TransitionRule& rule, const Actor& actor, const IssueRef& issue) {
    return !rule.assigneeOnly || actor.admin || isAssignee(actor, issue);
}

int conditionCount(const TransitionRule& rule) {
    return int{rule.noteRequired} + int{rule.assigneeRequired} + int{rule.milestoneRequired};
}

/// The first condition of `rule` that `change` does not meet, or None.
TransitionError unmetCondition(const TransitionRule& rule, const StatusChange& change) {
    if (rule.noteRequired && isBlank(change.note)) return TransitionError::NoteRequired;
    if (rule.assigneeRequired && !change.assigneeId) return TransitionError::AssigneeRequired;
    if (rule.milestoneRequired && !change.milestoneId) return TransitionError::MilestoneRequired;
    return TransitionError::None;
}

} // namespace

std::string_view describe(TransitionError error) {
    switch (error) {
        case TransitionError::None:
            return "";
        case TransitionError::NotAllowed:
            return "You are not allowed to move this issue to the selected status.";
        case TransitionError::NoteRequired:
            return "A note is required for this status change.";
        case TransitionError::AssigneeRequired:
            return "An assignee is required for this status change.";
        case TransitionError::MilestoneRequired:
            return "A milestone is required for this status change.";
        case TransitionError::NotAssignee:
            return "Only the assignee may make this status change.";
        case TransitionError::SameStatus:
            return "The issue already has this status.";
    }
    return "This status change is not possible.";
}

Workflow::Workflow(std::vector<TransitionRule> rules) : _rules(std::move(rules)) {}

const std::vector<TransitionRule>& Workflow::rules() const {
    return _rules;
}

std::vector<const TransitionRule*> Workflow::matching(const Actor& actor, const IssueRef& issue,
                                                      std::optional<unsigned> toStatusId) const {
    std::vector<const TransitionRule*> found;
    if (!actor.isActive()) return found;
    const std::vector<unsigned> roleIds = actor.rolesIn(issue.projectId);
    for (const TransitionRule& rule : _rules) {
        if (rule.trackerId != issue.trackerId || rule.fromStatusId != issue.statusId) continue;
        if (rule.toStatusId == rule.fromStatusId) continue; // not a change; a stray admin row
        if (toStatusId && rule.toStatusId != *toStatusId) continue;
        if (!actor.admin && !std::binary_search(roleIds.begin(), roleIds.end(), rule.roleId)) continue;
        found.push_back(&rule);
    }
    return found;
}

std::vector<const TransitionRule*> Workflow::permitting(const Actor& actor, const IssueRef& issue,
                                                        std::optional<unsigned> toStatusId) const {
    std::vector<const TransitionRule*> found = matching(actor, issue, toStatusId);
    std::erase_if(found, [&](const TransitionRule* rule) { return !mayUse(*rule, actor, issue); });
    return found;
}

std::vector<unsigned> Workflow::allowedTargets(const Actor& actor, const IssueRef& issue) const {
    std::vector<unsigned> targets;
    for (const TransitionRule* rule : permitting(actor, issue, std::nullopt)) targets.push_back(rule->toStatusId);
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    return targets;
}

TransitionError Workflow::check(const Actor& actor, const IssueRef& issue, const StatusChange& change) const {
    if (change.toStatusId == issue.statusId) return TransitionError::SameStatus;
    if (matching(actor, issue, change.toStatusId).empty()) return TransitionError::NotAllowed;
    const std::vector<const TransitionRule*> rules = permitting(actor, issue, change.toStatusId);
    if (rules.empty()) return TransitionError::NotAssignee;

    TransitionError best = TransitionError::NotAllowed;
    int bestCount = 0;
    for (const TransitionRule* rule : rules) {
        const TransitionError unmet = unmetCondition(*rule, change);
        if (unmet == TransitionError::None) return unmet;
        const int count = conditionCount(*rule);
        if (best == TransitionError::NotAllowed || count < bestCount) {
            best = unmet;
            bestCount = count;
        }
    }
    return best;
}

std::optional<TransitionRule> Workflow::requirementsFor(const Actor& actor, const IssueRef& issue,
                                                        unsigned toStatusId) const {
    if (toStatusId == issue.statusId) return std::nullopt;
    const std::vector<const TransitionRule*> rules = permitting(actor, issue, toStatusId);
    if (rules.empty()) return std::nullopt;
    TransitionRule merged = *rules.front();
    for (const TransitionRule* rule : rules) {
        merged.noteRequired = merged.noteRequired && rule->noteRequired;
        merged.assigneeRequired = merged.assigneeRequired && rule->assigneeRequired;
        merged.milestoneRequired = merged.milestoneRequired && rule->milestoneRequired;
        merged.assigneeOnly = merged.assigneeOnly && rule->assigneeOnly;
        if (rule->roleId != merged.roleId) merged.roleId = 0;
    }
    return merged;
}

} // namespace ticketflow::domain
