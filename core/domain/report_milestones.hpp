// The "Milestone loads" report: per open milestone its issues by status and by assignee,
// open vs closed, and whether it is overdue.
#pragma once
#include "core/domain/report_history.hpp"

#include <map>
#include <string>

namespace ticketflow::report {

/// A milestone as stored; `status` open, locked or closed; `dueDate` YYYY-MM-DD or empty.
struct MilestoneInfo {
    unsigned id = 0, projectId = 0;
    std::string name, dueDate, status;
};

struct MilestoneLoad {
    MilestoneInfo milestone;
    std::map<unsigned, long> byStatus;   // status id → issues (open and closed)
    std::map<unsigned, long> byAssignee; // assignee id (0: nobody) → open issues
    long open = 0, closed = 0;
    bool overdue = false; // past its due date with open issues left
};

/// Fed one issue at a time; the state counted is the issue's status at asOf with its current
/// milestone and assignee (the journal does not rebuild those).
class MilestoneLoadCounter {
public:
    /// `today` is asOf's local date (YYYY-MM-DD) for the overdue check.
    MilestoneLoadCounter(StatusKinds kinds, Instant asOf, std::string today,
                         std::vector<MilestoneInfo> milestones);
    void add(const IssueHistory& issue);
    /// Milestones not closed (open and locked ones, ToDoList too), in the given order.
    std::vector<MilestoneLoad> finish();

private:
    StatusKinds _kinds;
    Instant _asOf;
    std::string _today;
    std::vector<MilestoneLoad> _loads;
    std::map<unsigned, std::size_t> _index; // milestone id → position in _loads
};

} // namespace ticketflow::report
