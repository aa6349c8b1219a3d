// The workflow editor's matrix for one tracker and role.
#include "core/domain/workflow_matrix.hpp"

namespace ticketflow::domain {

namespace {

const char* prefix(CellFlag flag) {
    switch (flag) {
        case CellFlag::Allowed:
            return "allow";
        case CellFlag::NoteRequired:
            return "note";
        case CellFlag::AssigneeRequired:
            return "assignee";
        case CellFlag::MilestoneRequired:
            return "milestone";
        case CellFlag::AssigneeOnly:
            return "own";
    }
    return "allow";
}

} // namespace

std::string matrixFieldName(CellFlag flag, unsigned fromStatusId, unsigned toStatusId) {
    return std::string(prefix(flag)) + "_" + std::to_string(fromStatusId) + "_" + std::to_string(toStatusId);
}

std::vector<TransitionRule> rulesFromMatrix(unsigned trackerId, unsigned roleId, const std::vector<unsigned>& statusIds,
                                            const std::function<bool(const std::string&)>& ticked) {
    std::vector<TransitionRule> rules;
    for (unsigned from : statusIds) {
        for (unsigned to : statusIds) {
            if (from == to || !ticked(matrixFieldName(CellFlag::Allowed, from, to))) continue;
            TransitionRule r;
            r.trackerId = trackerId;
            r.roleId = roleId;
            r.fromStatusId = from;
            r.toStatusId = to;
            r.noteRequired = ticked(matrixFieldName(CellFlag::NoteRequired, from, to));
            r.assigneeRequired = ticked(matrixFieldName(CellFlag::AssigneeRequired, from, to));
            r.milestoneRequired = ticked(matrixFieldName(CellFlag::MilestoneRequired, from, to));
            r.assigneeOnly = ticked(matrixFieldName(CellFlag::AssigneeOnly, from, to));
            rules.push_back(r);
        }
    }
    return rules;
}

bool hasFlag(const TransitionRule& rule, CellFlag flag) {
    switch (flag) {
        case CellFlag::Allowed:
            return true;
        case CellFlag::NoteRequired:
            return rule.noteRequired;
        case CellFlag::AssigneeRequired:
            return rule.assigneeRequired;
        case CellFlag::MilestoneRequired:
            return rule.milestoneRequired;
        case CellFlag::AssigneeOnly:
            return rule.assigneeOnly;
    }
    return false;
}

} // namespace ticketflow::domain
