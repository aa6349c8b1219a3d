// Replaying one issue's status journal: status at a time, New spans, closing, first triage.
#include "core/domain/report_history.hpp"

#include <algorithm>
#include <cmath>

namespace ticketflow::report {

std::optional<std::size_t> Periods::indexOf(Instant t) const {
    if (starts.size() < 2 || t < starts.front() || t >= starts.back()) return std::nullopt;
    auto it = std::upper_bound(starts.begin(), starts.end(), t);
    return static_cast<std::size_t>(it - starts.begin()) - 1;
}

std::optional<unsigned> statusAt(const IssueHistory& issue, Instant t) {
    if (issue.createdAt > t) return std::nullopt;
    unsigned status = issue.initialStatus;
    for (const auto& c : issue.changes) {
        if (c.at > t) break;
        status = c.to;
    }
    return status;
}

std::vector<Span> newSpans(const IssueHistory& issue, const StatusKinds& kinds, Instant asOf) {
    std::vector<Span> spans;
    if (issue.createdAt > asOf) return spans;
    bool inNew = kinds.newStatus(issue.initialStatus);
    Instant enteredNew = issue.createdAt;
    for (const auto& c : issue.changes) {
        if (c.at > asOf) break;
        const bool toNew = kinds.newStatus(c.to);
        if (inNew && !toNew) {
            if (c.at > enteredNew) spans.push_back({enteredNew, c.at});
            inNew = false;
        } else if (!inNew && toNew) {
            enteredNew = c.at;
            inNew = true;
        }
    }
    if (inNew) spans.push_back({enteredNew, kStillOpen});
    return spans;
}

std::optional<Instant> closedAt(const IssueHistory& issue, const StatusKinds& kinds, Instant asOf) {
    if (issue.createdAt > asOf) return std::nullopt;
    std::optional<Instant> closed;
    if (kinds.closedStatus(issue.initialStatus)) closed = issue.createdAt;
    for (const auto& c : issue.changes) {
        if (c.at > asOf) break;
        const bool toClosed = kinds.closedStatus(c.to);
        if (!toClosed) closed.reset();
        else if (!closed) closed = c.at; // closed → closed (Closed to Rejected) keeps the first
    }
    return closed;
}

std::optional<Instant> firstTriageAt(const IssueHistory& issue, const StatusKinds& kinds, Instant asOf) {
    if (issue.createdAt > asOf || !kinds.newStatus(issue.initialStatus)) return std::nullopt;
    for (const auto& c : issue.changes) {
        if (c.at > asOf) break;
        if (!kinds.newStatus(c.to)) return c.at;
    }
    return std::nullopt;
}

DurationStats durationStats(std::vector<Instant>& values) {
    DurationStats s;
    s.count = values.size();
    if (values.empty()) return s;
    std::sort(values.begin(), values.end());
    auto rank = [&](double p) {
        auto r = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
        return values[std::max<std::size_t>(r, 1) - 1];
    };
    s.median = rank(0.5);
    s.p90 = rank(0.9);
    return s;
}

} // namespace ticketflow::report
