// Support → Internal turnaround: cases assembled from copy links and closing times.
#include "core/domain/report_turnaround.hpp"

#include <algorithm>
#include <map>

namespace ticketflow::report {

TurnaroundCollector::TurnaroundCollector(StatusKinds kinds, Instant asOf, Periods months,
                                         std::vector<CopyLink> links, std::size_t slowestListed)
    : _kinds(std::move(kinds)), _asOf(asOf), _months(std::move(months)), _slowestListed(slowestListed) {
    for (const auto& link : links) {
        if (link.copiedAt > asOf) continue;
        _links.push_back(link);
        _seen.emplace(link.supportId, Seen{});
        _seen.emplace(link.internalId, Seen{});
    }
}

void TurnaroundCollector::add(const IssueHistory& issue) {
    auto found = _seen.find(issue.id);
    if (found == _seen.end()) return;
    found->second = {issue.createdAt, closedAt(issue, _kinds, _asOf)};
}

TurnaroundReport TurnaroundCollector::finish() {
    struct Case {
        Instant copiedAt = kStillOpen;
        std::vector<unsigned> internalIds;
    };
    std::map<unsigned, Case> cases; // by support id: stable output order
    for (const auto& link : _links) {
        auto& c = cases[link.supportId];
        c.copiedAt = std::min(c.copiedAt, link.copiedAt);
        c.internalIds.push_back(link.internalId);
    }
    const auto n = _months.size();
    std::vector<std::vector<Instant>> toCopied(n), toInternalClosed(n), toSupportClosed(n);
    auto record = [&](std::vector<std::vector<Instant>>& byMonth, Instant end, Instant duration) {
        if (auto month = _months.indexOf(end)) byMonth[*month].push_back(duration);
    };

    TurnaroundReport report;
    for (auto& [supportId, c] : cases) {
        const auto& support = _seen[supportId];
        std::optional<Instant> internalClosed;
        bool allClosed = true;
        for (unsigned id : c.internalIds) {
            const auto& internal = _seen[id];
            if (!internal.closedAt) allClosed = false;
            else internalClosed = std::max(internalClosed.value_or(0), *internal.closedAt);
        }
        if (!allClosed) internalClosed.reset();

        ++report.cases;
        record(toCopied, c.copiedAt, c.copiedAt - support.createdAt);
        if (internalClosed) record(toInternalClosed, *internalClosed, *internalClosed - c.copiedAt);
        if (internalClosed && support.closedAt && *support.closedAt >= *internalClosed)
            record(toSupportClosed, *support.closedAt, *support.closedAt - *internalClosed);
        if (!support.closedAt) {
            ++report.openCases;
            std::sort(c.internalIds.begin(), c.internalIds.end());
            report.slowestOpen.push_back({supportId, c.internalIds, c.copiedAt, _asOf - c.copiedAt,
                                          internalClosed.has_value()});
        }
    }
    std::stable_sort(report.slowestOpen.begin(), report.slowestOpen.end(),
                     [](const SlowCase& a, const SlowCase& b) { return a.waited > b.waited; });
    if (report.slowestOpen.size() > _slowestListed) report.slowestOpen.resize(_slowestListed);
    for (std::size_t i = 0; i < n; ++i) {
        report.createdToCopied.push_back(durationStats(toCopied[i]));
        report.copiedToInternalClosed.push_back(durationStats(toInternalClosed[i]));
        report.internalClosedToSupportClosed.push_back(durationStats(toSupportClosed[i]));
    }
    return report;
}

} // namespace ticketflow::report
