// The "New issues" report: New now per project/tracker, daily New count rebuilt from the
// journal, age buckets of the current New issues, time from New to first triage per week.
#pragma once
#include "core/domain/report_history.hpp"

#include <array>
#include <map>
#include <utility>

namespace ticketflow::report {

/// Age buckets of issues New at asOf, by time since they last entered New:
/// [0, 1 d), [1 d, 3 d), [3 d, 7 d), [7 d, ∞).
constexpr std::size_t kAgeBuckets = 4;
extern const char* const kAgeBucketLabels[kAgeBuckets];

struct WaitingIssue {
    unsigned id = 0, projectId = 0, trackerId = 0;
    Instant newSince = 0;
};

struct NewIssuesReport {
    /// (project id, tracker id) → issues New at asOf; pairs with none are absent.
    std::map<std::pair<unsigned, unsigned>, long> nowByProjectTracker;
    long nowTotal = 0;
    /// Per day of `days`: issues New at the day's last second (asOf for the current day).
    std::vector<long> dailyNew;
    std::array<long, kAgeBuckets> ageBuckets{};
    /// The longest-waiting New issues, oldest first (at most `oldestListed`).
    std::vector<WaitingIssue> oldest;
    /// Per week of `weeks`: New → first triage durations of issues first triaged that week.
    std::vector<DurationStats> triageByWeek;
};

/// Fed one issue at a time (memory stays bounded by the number of periods, the oldest
/// list and the triage durations inside `weeks`), then `finish` once.
class NewIssuesCounter {
public:
    NewIssuesCounter(StatusKinds kinds, Instant asOf, Periods days, Periods weeks,
                     std::size_t oldestListed = 20);
    void add(const IssueHistory& issue);
    NewIssuesReport finish();

private:
    StatusKinds _kinds;
    Instant _asOf;
    Periods _days, _weeks;
    std::size_t _oldestListed;
    std::vector<Instant> _samples;             // per day: the instant the count is taken
    std::vector<std::vector<Instant>> _triage; // per week: durations
    NewIssuesReport _report;
};

} // namespace ticketflow::report
