// Milestones (Redmine's versions): field rules, who may manage them, progress and overdue.
#pragma once
#include "core/domain/actor.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

constexpr std::size_t kMaxMilestoneName = 60;
constexpr std::size_t kMaxMilestoneDescription = 255; // milestones.description

/// What a form or an API client sends for a milestone. `status` is open, locked or closed;
/// `dueDate` is YYYY-MM-DD or empty for none.
struct MilestoneFields {
    std::string name, description, dueDate, status = "open";
};

/// The fields trimmed (name, description, due date) with empty status read as "open".
MilestoneFields normalizedMilestone(const MilestoneFields& fields);

/// User-facing sentences for what is wrong with already normalised fields: name blank,
/// longer than kMaxMilestoneName characters or with control characters; description too
/// long or not text; due date not a real calendar date; unknown status. Empty when valid.
/// Never throws except bad_alloc.
std::vector<std::string> milestoneErrors(const MilestoneFields& fields);

/// "2026-02-29" is false, "2028-02-29" true: a real date in YYYY-MM-DD, year 1000..9999.
bool isIsoDate(std::string_view text);

/// open, locked, closed.
bool isMilestoneStatus(std::string_view status);

/// Staff (or admins) whose role in `projectId` grants ManageMilestones; never customers.
bool canManageMilestones(const Actor& actor, unsigned projectId);

/// Past its due date (ISO dates compare as text; `today` is YYYY-MM-DD) with open issues left.
bool isOverdue(const std::string& dueDate, const std::string& today, long openIssues);

/// Closed share in whole percent, rounded down so 100 means everything is closed; 0 when empty.
int percentDone(long open, long closed);

/// Width of a bar for `n` of `max` in whole percent (at least 1 for a non-zero n).
int barPercent(long n, long max);

} // namespace ticketflow::domain
