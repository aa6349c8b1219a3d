// New issues report: one pass over the issue histories.
#include "core/domain/report_new_issues.hpp"

#include <algorithm>

namespace ticketflow::report {

const char* const kAgeBucketLabels[kAgeBuckets] = {"< 1 d", "1–3 d", "3–7 d", "> 7 d"};

namespace {

std::size_t ageBucket(Instant age) {
    if (age < kDay) return 0;
    if (age < 3 * kDay) return 1;
    if (age < 7 * kDay) return 2;
    return 3;
}

} // namespace

NewIssuesCounter::NewIssuesCounter(StatusKinds kinds, Instant asOf, Periods days, Periods weeks,
                                   std::size_t oldestListed)
    : _kinds(std::move(kinds)), _asOf(asOf), _days(std::move(days)), _weeks(std::move(weeks)),
      _oldestListed(oldestListed), _triage(_weeks.size()) {
    // A day's figure is the state at its last second, so a change at midnight counts for the
    // day it starts; the current day is sampled at asOf.
    for (std::size_t i = 0; i < _days.size(); ++i)
        _samples.push_back(std::min(_days.starts[i + 1] - 1, asOf));
    _report.dailyNew.assign(_days.size(), 0);
}

void NewIssuesCounter::add(const IssueHistory& issue) {
    for (const auto& span : newSpans(issue, _kinds, _asOf)) {
        // Days whose sample falls in [from, to): samples ascend, so a contiguous range.
        auto first = std::lower_bound(_samples.begin(), _samples.end(), span.from);
        auto last = std::lower_bound(first, _samples.end(), span.to);
        for (auto it = first; it != last; ++it) ++_report.dailyNew[it - _samples.begin()];
        if (span.to != kStillOpen) continue;
        // Still New at asOf.
        ++_report.nowByProjectTracker[{issue.projectId, issue.trackerId}];
        ++_report.nowTotal;
        ++_report.ageBuckets[ageBucket(_asOf - span.from)];
        _report.oldest.push_back({issue.id, issue.projectId, issue.trackerId, span.from});
        if (_report.oldest.size() > 2 * _oldestListed + 64) {
            // Keep the list short on millions of New issues: trim to the oldest few.
            auto byAge = [](const WaitingIssue& a, const WaitingIssue& b) {
                return a.newSince != b.newSince ? a.newSince < b.newSince : a.id < b.id;
            };
            std::nth_element(_report.oldest.begin(), _report.oldest.begin() + _oldestListed,
                             _report.oldest.end(), byAge);
            _report.oldest.resize(_oldestListed);
        }
    }
    if (auto triaged = firstTriageAt(issue, _kinds, _asOf))
        if (auto week = _weeks.indexOf(*triaged)) _triage[*week].push_back(*triaged - issue.createdAt);
}

NewIssuesReport NewIssuesCounter::finish() {
    std::sort(_report.oldest.begin(), _report.oldest.end(), [](const WaitingIssue& a, const WaitingIssue& b) {
        return a.newSince != b.newSince ? a.newSince < b.newSince : a.id < b.id;
    });
    if (_report.oldest.size() > _oldestListed) _report.oldest.resize(_oldestListed);
    _report.triageByWeek.clear();
    for (auto& durations : _triage) _report.triageByWeek.push_back(durationStats(durations));
    return std::move(_report);
}

} // namespace ticketflow::report
