// The three report pages as data: their charts and lists, built from the aggregations.
#pragma once
#include "core/domain/report_milestones.hpp"
#include "core/domain/report_new_issues.hpp"
#include "core/domain/report_turnaround.hpp"
#include "reports/chart.hpp"

#include <functional>
#include <map>

namespace ticketflow::report {

/// Labels for ids, the web UI's address for issue links, and how to print a local date.
struct Names {
    std::map<unsigned, std::string> projects, trackers, statuses, users;
    std::string baseUrl;
    std::function<std::string(Instant)> localDate;
};

struct ReportPage {
    std::string file, title, intro;
    std::vector<Chart> charts;
    std::vector<ListTable> lists;
};

ReportPage newIssuesPage(const NewIssuesReport& r, const Periods& days, const Periods& weeks, Instant asOf,
                         const Names& names);
ReportPage milestonesPage(const std::vector<MilestoneLoad>& loads, const Names& names);
ReportPage turnaroundPage(const TurnaroundReport& r, const Periods& months, const Names& names);

/// `id` in `names`, or "#id" when unknown (deleted since, or 0 for "nobody" → `none`).
std::string nameOf(const std::map<unsigned, std::string>& names, unsigned id, const std::string& none = "—");

} // namespace ticketflow::report
