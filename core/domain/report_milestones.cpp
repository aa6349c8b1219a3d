// Milestone loads: one pass over the issue histories.
#include "core/domain/report_milestones.hpp"

#include "core/domain/milestone.hpp"

namespace ticketflow::report {

MilestoneLoadCounter::MilestoneLoadCounter(StatusKinds kinds, Instant asOf, std::string today,
                                           std::vector<MilestoneInfo> milestones)
    : _kinds(std::move(kinds)), _asOf(asOf), _today(std::move(today)) {
    for (auto& m : milestones) {
        if (m.status == "closed") continue;
        _index[m.id] = _loads.size();
        _loads.push_back({std::move(m), {}, {}, 0, 0, false});
    }
}

void MilestoneLoadCounter::add(const IssueHistory& issue) {
    if (issue.milestoneId == 0) return;
    auto found = _index.find(issue.milestoneId);
    if (found == _index.end()) return;
    auto status = statusAt(issue, _asOf);
    if (!status) return;
    auto& load = _loads[found->second];
    ++load.byStatus[*status];
    if (_kinds.closedStatus(*status)) {
        ++load.closed;
    } else {
        ++load.open;
        ++load.byAssignee[issue.assigneeId];
    }
}

std::vector<MilestoneLoad> MilestoneLoadCounter::finish() {
    for (auto& load : _loads)
        load.overdue = domain::isOverdue(load.milestone.dueDate, _today, load.open);
    return std::move(_loads);
}

} // namespace ticketflow::report
