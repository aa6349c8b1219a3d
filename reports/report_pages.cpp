// Report pages: which charts and lists each page shows, with units and labels.
#include "reports/report_pages.hpp"

#include <limits>

namespace ticketflow::report {

namespace {

double hours(Instant seconds) {
    return static_cast<double>(seconds) / kHour;
}
double days(Instant seconds) {
    return static_cast<double>(seconds) / kDay;
}

Cell issueLink(const Names& names, unsigned id) {
    return {"#" + std::to_string(id), names.baseUrl + "/issues/" + std::to_string(id)};
}

// Median and p90 of each period as two lines.
Chart statsChart(std::string id, std::string title, std::string unit, const Periods& periods,
                 const std::vector<DurationStats>& stats, double (*scale)(Instant)) {
    Chart c{std::move(id), std::move(title), "line", std::move(unit), periods.labels, {{"median", {}, ""}, {"p90", {}, ""}, {"issues", {}, "count"}}};
    // A period without cases has no median: a gap in the line, "—" in the table, not a 0.
    const double none = std::numeric_limits<double>::quiet_NaN();
    for (const auto& s : stats) {
        c.series[0].values.push_back(s.count ? scale(s.median) : none);
        c.series[1].values.push_back(s.count ? scale(s.p90) : none);
        c.series[2].values.push_back(static_cast<double>(s.count));
    }
    return c;
}

} // namespace

std::string nameOf(const std::map<unsigned, std::string>& names, unsigned id, const std::string& none) {
    if (id == 0) return none;
    auto it = names.find(id);
    return it == names.end() ? "#" + std::to_string(id) : it->second;
}

ReportPage newIssuesPage(const NewIssuesReport& r, const Periods& dayPeriods, const Periods& weeks, Instant asOf,
                         const Names& names) {
    ReportPage page{"new-issues.html", "New issues",
                    "Issues not yet seen by their triage team, rebuilt from the journal.", {}, {}};
    Chart now{"new-now", "New issues now, per project and tracker", "bar", "issues", {}, {{"New", {}, ""}}};
    for (const auto& [key, count] : r.nowByProjectTracker) {
        now.labels.push_back(nameOf(names.projects, key.first) + " / " + nameOf(names.trackers, key.second));
        now.series[0].values.push_back(static_cast<double>(count));
    }
    page.charts.push_back(std::move(now));

    Chart daily{"new-daily", "Issues in New at the end of each day", "line", "issues", dayPeriods.labels, {{"New", {}, ""}}};
    for (long n : r.dailyNew) daily.series[0].values.push_back(static_cast<double>(n));
    page.charts.push_back(std::move(daily));

    Chart ages{"new-age", "Age of the New issues (since they entered New)", "bar", "issues", {}, {{"New", {}, ""}}};
    for (std::size_t i = 0; i < kAgeBuckets; ++i) {
        ages.labels.push_back(kAgeBucketLabels[i]);
        ages.series[0].values.push_back(static_cast<double>(r.ageBuckets[i]));
    }
    page.charts.push_back(std::move(ages));
    page.charts.push_back(statsChart("new-triage", "Time from New to first triage, per week", "hours", weeks,
                                     r.triageByWeek, hours));

    ListTable oldest{"new-oldest", "The longest-waiting New issues", {"Issue", "Project", "Tracker", "New since", "Waiting (days)"}, {}, {}};
    for (const auto& w : r.oldest) {
        oldest.rows.push_back({issueLink(names, w.id), {nameOf(names.projects, w.projectId), ""},
                               {nameOf(names.trackers, w.trackerId), ""}, {names.localDate(w.newSince), ""},
                               {formatValue(days(asOf - w.newSince)), ""}});
        oldest.highlighted.push_back(asOf - w.newSince >= 7 * kDay);
    }
    page.lists.push_back(std::move(oldest));
    return page;
}

ReportPage milestonesPage(const std::vector<MilestoneLoad>& loads, const Names& names) {
    ReportPage page{"milestones.html", "Milestone loads",
                    "Open and locked milestones (ToDoList included); overdue ones are marked.", {}, {}};
    std::map<unsigned, std::size_t> statusSeries, assigneeSeries;
    Chart byStatus{"milestone-status", "Issues per milestone by status", "stacked", "issues", {}, {}};
    Chart byAssignee{"milestone-assignee", "Open issues per milestone by assignee", "stacked", "issues", {}, {}};
    Chart openClosed{"milestone-open-closed", "Open vs closed issues per milestone", "stacked", "issues", {},
                     {{"open", {}, ""}, {"closed", {}, ""}}};
    ListTable table{"milestone-list", "Milestones", {"Milestone", "Project", "Due", "Open", "Closed", "State"}, {}, {}};
    // Series first, so every series has a value for every milestone.
    for (const auto& l : loads) {
        for (const auto& [status, n] : l.byStatus)
            if (statusSeries.emplace(status, byStatus.series.size()).second)
                byStatus.series.push_back({nameOf(names.statuses, status), {}, ""});
        for (const auto& [user, n] : l.byAssignee)
            if (assigneeSeries.emplace(user, byAssignee.series.size()).second)
                byAssignee.series.push_back({nameOf(names.users, user, "nobody"), {}, ""});
    }
    for (const auto& l : loads) {
        const std::string label = l.milestone.name + (l.overdue ? " (overdue)" : "");
        for (Chart* c : {&byStatus, &byAssignee, &openClosed}) {
            c->labels.push_back(label);
            for (auto& s : c->series) s.values.push_back(0);
        }
        for (const auto& [status, n] : l.byStatus) byStatus.series[statusSeries[status]].values.back() = static_cast<double>(n);
        for (const auto& [user, n] : l.byAssignee) byAssignee.series[assigneeSeries[user]].values.back() = static_cast<double>(n);
        openClosed.series[0].values.back() = static_cast<double>(l.open);
        openClosed.series[1].values.back() = static_cast<double>(l.closed);
        table.rows.push_back({{l.milestone.name, names.baseUrl + "/versions/" + std::to_string(l.milestone.id)},
                              {nameOf(names.projects, l.milestone.projectId), ""},
                              {l.milestone.dueDate.empty() ? "—" : l.milestone.dueDate, ""},
                              {std::to_string(l.open), ""}, {std::to_string(l.closed), ""},
                              {l.overdue ? "overdue" : l.milestone.status, ""}});
        table.highlighted.push_back(l.overdue);
    }
    page.charts = {std::move(byStatus), std::move(byAssignee), std::move(openClosed)};
    page.lists.push_back(std::move(table));
    return page;
}

ReportPage turnaroundPage(const TurnaroundReport& r, const Periods& months, const Names& names) {
    ReportPage page{"turnaround.html", "Support → Internal turnaround",
                    "Support issues copied to Internal, one case per support issue; each stage is counted in "
                    "the month it ended.", {}, {}};
    page.charts.push_back(statsChart("turnaround-copied", "Support issue created → copied to Internal", "days",
                                     months, r.createdToCopied, days));
    page.charts.push_back(statsChart("turnaround-internal", "Copied → Internal issue closed", "days", months,
                                     r.copiedToInternalClosed, days));
    page.charts.push_back(statsChart("turnaround-support", "Internal closed → support issue closed", "days", months,
                                     r.internalClosedToSupportClosed, days));
    ListTable slow{"turnaround-slowest", "The slowest cases still open",
                   {"Support issue", "Internal issues", "Copied", "Waiting (days)", "Waiting for"}, {}, {}};
    for (const auto& c : r.slowestOpen) {
        std::string internal;
        for (unsigned id : c.internalIds) internal += (internal.empty() ? "#" : ", #") + std::to_string(id);
        slow.rows.push_back({issueLink(names, c.supportId),
                             {internal, names.baseUrl + "/issues/" + std::to_string(c.internalIds.front())},
                             {names.localDate(c.copiedAt), ""}, {formatValue(days(c.waited)), ""},
                             {c.internalClosed ? "support to close it" : "Internal", ""}});
        slow.highlighted.push_back(c.waited >= 30 * kDay);
    }
    page.lists.push_back(std::move(slow));
    return page;
}

} // namespace ticketflow::report
