// The event history the nightly reports aggregate: per issue its creation, status changes
// from the journal, and the periods (local days, weeks, months) that bucket the figures.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ticketflow::report {

/// Seconds since the Unix epoch, UTC (the database stores UTC).
using Instant = std::int64_t;
constexpr Instant kHour = 3600;
constexpr Instant kDay = 24 * kHour;

/// One journal detail `status_id` old → new at `at`.
struct StatusChange {
    Instant at = 0;
    unsigned from = 0, to = 0;
};

/// What the reports need of one issue. `changes` are in journal order (time, then id).
/// `initialStatus` is the status the issue was created in (the first change's `from`, or the
/// current status when it never changed); milestone and assignee are the current ones (0: none).
struct IssueHistory {
    unsigned id = 0, projectId = 0, trackerId = 0, milestoneId = 0, assigneeId = 0;
    unsigned initialStatus = 0;
    Instant createdAt = 0;
    std::vector<StatusChange> changes;
};

/// Which status ids are "New" (is_new) and which are closed (is_closed).
struct StatusKinds {
    std::set<unsigned> isNew, isClosed;
    bool newStatus(unsigned id) const { return isNew.count(id) != 0; }
    bool closedStatus(unsigned id) const { return isClosed.count(id) != 0; }
};

/// Consecutive local periods: period i is [starts[i], starts[i+1]); labels[i] names it
/// ("2026-03-29", "2026-W13", "2026-03"). A local day across a DST change lasts 23 or 25
/// hours, which is why periods are boundaries and never `start + i * kDay`.
struct Periods {
    std::vector<Instant> starts; // labels.size() + 1 boundaries, ascending
    std::vector<std::string> labels;
    std::size_t size() const { return labels.size(); }
    /// Index of the period holding `t`, or nullopt when outside all of them.
    std::optional<std::size_t> indexOf(Instant t) const;
};

/// The issue's status at `t` (changes at or before `t` applied); nullopt if created after `t`.
std::optional<unsigned> statusAt(const IssueHistory& issue, Instant t);

/// Half-open spans [from, to) the issue spent in a New status, changes up to `asOf` applied;
/// `to` is kStillOpen while the issue is still New at asOf. Going back and forth gives
/// several spans.
constexpr Instant kStillOpen = INT64_MAX;
struct Span {
    Instant from = 0, to = 0;
};
std::vector<Span> newSpans(const IssueHistory& issue, const StatusKinds& kinds, Instant asOf);

/// When the issue was closed as of `asOf`: the last change into a closed status when it is
/// closed at asOf (a reopening forgets earlier closings); its creation when created closed
/// and never changed; nullopt when open at asOf or created after it.
std::optional<Instant> closedAt(const IssueHistory& issue, const StatusKinds& kinds, Instant asOf);

/// The first change out of a New status, when the issue was created in New and that change
/// happened at or before `asOf`: the moment the triage team first dealt with it.
std::optional<Instant> firstTriageAt(const IssueHistory& issue, const StatusKinds& kinds, Instant asOf);

/// Median and 90th percentile of durations in seconds, by the nearest-rank method (the
/// value at rank ceil(p·n)), so every figure is one actually observed; count 0 when empty.
struct DurationStats {
    std::size_t count = 0;
    Instant median = 0, p90 = 0;
};
/// Sorts `values` in place. Never throws.
DurationStats durationStats(std::vector<Instant>& values);

} // namespace ticketflow::report
