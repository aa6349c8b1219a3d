// Report metrics on hand-built event histories with known answers: New count per day across
// back-and-forth changes and midnight, age buckets, first triage per week, milestone loads,
// Support → Internal turnaround with reopenings and double copies, empty periods.
#include "core/domain/report_milestones.hpp"
#include "core/domain/report_new_issues.hpp"
#include "core/domain/report_turnaround.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::report;

namespace {

// Statuses as seeded: New, Seen, Accepted, Rejected (closed), Closed (closed).
constexpr unsigned New = 1, Seen = 2, Accepted = 3, Rejected = 4, Closed = 5;
const StatusKinds kinds{{New}, {Rejected, Closed}};

constexpr Instant kMarch1 = 1772323200; // 2026-03-01T00:00:00Z, a Sunday
Instant at(int day, double hour = 0) { return kMarch1 + day * kDay + static_cast<Instant>(hour * kHour); }

IssueHistory issue(unsigned id, Instant created, unsigned initial, std::vector<StatusChange> changes = {}) {
    IssueHistory h;
    h.id = id;
    h.projectId = 1;
    h.trackerId = 1;
    h.createdAt = created;
    h.initialStatus = initial;
    h.changes = std::move(changes);
    return h;
}

// UTC periods of `length` seconds from `start`: the hand-built stand-in for local days.
Periods periods(Instant start, Instant length, int count) {
    Periods p;
    for (int i = 0; i <= count; ++i) p.starts.push_back(start + i * length);
    for (int i = 0; i < count; ++i) p.labels.push_back("p" + std::to_string(i));
    return p;
}

// A: New → Seen → New → Accepted (back and forth).
IssueHistory issueA() {
    return issue(1, at(0, 10), New, {{at(1, 9), New, Seen}, {at(2, 12), Seen, New}, {at(4, 8), New, Accepted}});
}

// The New-issues story: days d0..d5, asOf d5 12:00 (see each issue's comment).
std::vector<IssueHistory> newStory() {
    std::vector<IssueHistory> all;
    all.push_back(issueA());
    auto b = issue(2, at(1, 15), New); // New from d1 15:00 on, still New
    all.push_back(b);
    all.push_back(issue(3, at(3, 23.5), New, // New, closed, reopened to Accepted
                        {{at(4, 1), New, Closed}, {at(5, 10), Closed, Accepted}}));
    all.push_back(issue(4, at(0), Accepted));        // never New
    all.push_back(issue(5, at(5, 13), New));         // created after asOf
    all.push_back(issue(6, at(0), New, {{at(2), New, Seen}})); // triaged exactly at midnight
    auto g = issue(7, at(4, 20), New);               // still New, 16 h old
    g.trackerId = 2;
    all.push_back(g);
    auto h = issue(8, at(-10), New);                 // New since before the window
    h.projectId = 2;
    h.trackerId = 3;
    all.push_back(h);
    return all;
}

NewIssuesReport runNewStory(Periods weeks) {
    NewIssuesCounter counter(kinds, at(5, 12), periods(at(0), kDay, 6), std::move(weeks));
    for (const auto& i : newStory()) counter.add(i);
    return counter.finish();
}

} // namespace

BOOST_AUTO_TEST_SUITE(report_history)

BOOST_AUTO_TEST_CASE(status_at_replays_changes_up_to_the_instant) {
    auto a = issueA();
    BOOST_TEST(!statusAt(a, at(0, 9)).has_value());
    BOOST_TEST(*statusAt(a, at(0, 10)) == New);
    BOOST_TEST(*statusAt(a, at(1, 9)) == Seen);
    BOOST_TEST(*statusAt(a, at(3)) == New);
    BOOST_TEST(*statusAt(a, at(9)) == Accepted);
}

BOOST_AUTO_TEST_CASE(going_back_and_forth_gives_one_new_span_per_stay) {
    auto spans = newSpans(issueA(), kinds, at(9));
    BOOST_TEST_REQUIRE(spans.size() == 2u);
    BOOST_TEST(spans[0].from == at(0, 10));
    BOOST_TEST(spans[0].to == at(1, 9));
    BOOST_TEST(spans[1].from == at(2, 12));
    BOOST_TEST(spans[1].to == at(4, 8));
    auto open = newSpans(issueA(), kinds, at(3));
    BOOST_TEST_REQUIRE(open.size() == 2u);
    BOOST_TEST(open[1].to == kStillOpen);
}

BOOST_AUTO_TEST_CASE(a_reopened_issue_is_open_and_its_last_closing_counts) {
    auto i = issue(1, at(0), New, {{at(1), New, Closed}, {at(2), Closed, Accepted}, {at(3), Accepted, Rejected}});
    BOOST_TEST(*closedAt(i, kinds, at(1, 5)) == at(1));
    BOOST_TEST(!closedAt(i, kinds, at(2, 5)).has_value());
    BOOST_TEST(*closedAt(i, kinds, at(9)) == at(3));
    auto movedBetweenClosed = issue(2, at(0), New, {{at(1), New, Closed}, {at(2), Closed, Rejected}});
    BOOST_TEST(*closedAt(movedBetweenClosed, kinds, at(9)) == at(1));
    BOOST_TEST(*closedAt(issue(3, at(4), Closed), kinds, at(9)) == at(4));
}

BOOST_AUTO_TEST_CASE(first_triage_is_the_first_change_out_of_new) {
    BOOST_TEST(*firstTriageAt(issueA(), kinds, at(9)) == at(1, 9));
    BOOST_TEST(!firstTriageAt(issueA(), kinds, at(1, 8)).has_value());
    BOOST_TEST(!firstTriageAt(issue(2, at(0), Accepted, {{at(1), Accepted, Closed}}), kinds, at(9)).has_value());
}

BOOST_AUTO_TEST_CASE(percentiles_are_nearest_rank_values) {
    struct Row {
        std::vector<Instant> values;
        std::size_t count;
        Instant median, p90;
    };
    const std::vector<Row> rows = {
        {{}, 0, 0, 0},
        {{10}, 1, 10, 10},
        {{4, 1, 3, 2}, 4, 2, 4},
        {{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 10, 5, 9},
        {{5, 5, 100}, 3, 5, 100},
    };
    for (auto row : rows) {
        auto s = durationStats(row.values);
        BOOST_TEST(s.count == row.count);
        BOOST_TEST(s.median == row.median);
        BOOST_TEST(s.p90 == row.p90);
    }
}

BOOST_AUTO_TEST_CASE(period_index_is_half_open) {
    auto p = periods(at(0), kDay, 2);
    BOOST_TEST(!p.indexOf(at(0) - 1).has_value());
    BOOST_TEST(*p.indexOf(at(0)) == 0u);
    BOOST_TEST(*p.indexOf(at(1) - 1) == 0u);
    BOOST_TEST(*p.indexOf(at(1)) == 1u);
    BOOST_TEST(!p.indexOf(at(2)).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(report_new_issues)

BOOST_AUTO_TEST_CASE(daily_new_count_follows_every_change_in_the_journal) {
    auto r = runNewStory(periods(at(0), 7 * kDay, 2));
    // d0: A F H; d1: B F H; d2: A B H (F left at midnight); d3: A B C H; d4, d5: B G H.
    const std::vector<long> expected = {3, 3, 3, 4, 3, 3};
    BOOST_TEST(r.dailyNew == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(new_now_is_counted_per_project_and_tracker) {
    auto r = runNewStory(periods(at(0), 7 * kDay, 2));
    BOOST_TEST(r.nowTotal == 3);
    BOOST_TEST(r.nowByProjectTracker.size() == 3u);
    BOOST_TEST((r.nowByProjectTracker[{1, 1}]) == 1); // B
    BOOST_TEST((r.nowByProjectTracker[{1, 2}]) == 1); // G
    BOOST_TEST((r.nowByProjectTracker[{2, 3}]) == 1); // H
}

BOOST_AUTO_TEST_CASE(age_buckets_and_the_oldest_list_use_time_since_entering_new) {
    auto r = runNewStory(periods(at(0), 7 * kDay, 2));
    const std::array<long, kAgeBuckets> expected = {1, 0, 1, 1}; // G 16 h, B 3 d 21 h, H 15 d
    BOOST_TEST(r.ageBuckets == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(r.oldest.size() == 3u);
    BOOST_TEST(r.oldest[0].id == 8u);
    BOOST_TEST(r.oldest[1].id == 2u);
    BOOST_TEST(r.oldest[2].id == 7u);
    BOOST_TEST(r.oldest[0].newSince == at(-10));
}

BOOST_AUTO_TEST_CASE(oldest_list_is_cut_to_its_length_on_many_new_issues) {
    NewIssuesCounter counter(kinds, at(5), periods(at(0), kDay, 5), periods(at(0), 7 * kDay, 1), 2);
    for (unsigned id = 1; id <= 500; ++id) counter.add(issue(id, at(4) - id * 60, New));
    auto r = counter.finish();
    BOOST_TEST(r.nowTotal == 500);
    BOOST_TEST_REQUIRE(r.oldest.size() == 2u);
    BOOST_TEST(r.oldest[0].id == 500u);
    BOOST_TEST(r.oldest[1].id == 499u);
}

BOOST_AUTO_TEST_CASE(time_to_first_triage_per_week_ignores_later_returns_to_new) {
    auto r = runNewStory(periods(at(0), 7 * kDay, 2));
    BOOST_TEST_REQUIRE(r.triageByWeek.size() == 2u);
    // C 1.5 h, A 23 h (its second exit from New does not count), F 48 h.
    BOOST_TEST(r.triageByWeek[0].count == 3u);
    BOOST_TEST(r.triageByWeek[0].median == 23 * kHour);
    BOOST_TEST(r.triageByWeek[0].p90 == 48 * kHour);
    BOOST_TEST(r.triageByWeek[1].count == 0u); // an empty week stays empty
}

BOOST_AUTO_TEST_CASE(no_issues_gives_zero_figures_for_every_period) {
    NewIssuesCounter counter(kinds, at(5), periods(at(0), kDay, 6), periods(at(0), 7 * kDay, 1));
    auto r = counter.finish();
    BOOST_TEST(r.dailyNew == std::vector<long>(6, 0), boost::test_tools::per_element());
    BOOST_TEST(r.nowTotal == 0);
    BOOST_TEST(r.oldest.empty());
    BOOST_TEST(r.triageByWeek.size() == 1u);
    BOOST_TEST(r.triageByWeek[0].count == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(report_milestones)

BOOST_AUTO_TEST_CASE(open_milestones_count_issues_by_status_and_assignee) {
    std::vector<MilestoneInfo> milestones = {
        {10, 2, "2.1.1", "2026-03-03", "open"},
        {11, 2, "ToDoList", "", "locked"},
        {12, 2, "2.0.0", "2026-01-01", "closed"},
        {13, 2, "2.0.9", "2026-03-01", "open"},
    };
    MilestoneLoadCounter counter(kinds, at(5), "2026-03-06", milestones);
    auto on = [](IssueHistory h, unsigned milestone, unsigned assignee) {
        h.milestoneId = milestone;
        h.assigneeId = assignee;
        return h;
    };
    counter.add(on(issue(1, at(0), Accepted), 10, 7));
    counter.add(on(issue(2, at(0), Accepted, {{at(1), Accepted, Closed}}), 10, 7));
    counter.add(on(issue(3, at(0), Accepted, {{at(1), Accepted, Closed}, {at(2), Closed, Accepted}}), 10, 0));
    counter.add(on(issue(4, at(6), Accepted), 10, 7)); // created after asOf
    counter.add(on(issue(5, at(0), New), 11, 0));
    counter.add(on(issue(6, at(0), Closed), 12, 7));
    counter.add(on(issue(7, at(0), Closed), 13, 7));
    counter.add(issue(8, at(0), Accepted)); // no milestone
    auto loads = counter.finish();
    BOOST_TEST_REQUIRE(loads.size() == 3u); // the closed milestone is left out
    BOOST_TEST(loads[0].milestone.name == "2.1.1");
    BOOST_TEST(loads[0].open == 2);
    BOOST_TEST(loads[0].closed == 1);
    BOOST_TEST(loads[0].byStatus[Accepted] == 2);
    BOOST_TEST(loads[0].byStatus[Closed] == 1);
    BOOST_TEST(loads[0].byAssignee[7] == 1);
    BOOST_TEST(loads[0].byAssignee[0] == 1);
    BOOST_TEST(loads[0].overdue);
    BOOST_TEST(loads[1].milestone.name == "ToDoList");
    BOOST_TEST(loads[1].open == 1);
    BOOST_TEST(!loads[1].overdue);
    BOOST_TEST(loads[2].milestone.name == "2.0.9");
    BOOST_TEST(!loads[2].overdue); // past due but nothing open
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(report_turnaround)

BOOST_AUTO_TEST_CASE(stages_are_measured_per_support_issue_and_month) {
    const Instant asOf = at(50); // 2026-04-20
    Periods months;
    months.starts = {at(0), at(31), at(61)};
    months.labels = {"2026-03", "2026-04"};
    std::vector<CopyLink> links = {
        {101, 201, at(2)},
        {102, 202, at(3)}, {102, 203, at(10)}, // copied twice
        {103, 204, at(41)},
        {104, 206, at(51)},                    // copied after asOf
        {105, 205, at(1)},
    };
    TurnaroundCollector collector(kinds, asOf, months, links);
    collector.add(issue(101, at(0), New, {{at(1), New, Accepted}, {at(6), Accepted, Closed}}));
    collector.add(issue(201, at(2), New, {{at(5), New, Closed}}));
    collector.add(issue(102, at(1), Accepted));
    collector.add(issue(202, at(3), New, {{at(4), New, Rejected}}));
    collector.add(issue(203, at(10), New, {{at(35), New, Closed}}));
    collector.add(issue(103, at(40), Accepted));
    collector.add(issue(204, at(41), New, {{at(42), New, Closed}, {at(43), Closed, Accepted}})); // reopened
    collector.add(issue(104, at(0), Accepted));
    collector.add(issue(206, at(51), New));
    collector.add(issue(105, at(0), Accepted, {{at(2), Accepted, Closed}})); // closed before Internal
    collector.add(issue(205, at(1), New, {{at(3), New, Closed}}));
    collector.add(issue(999, at(0), New)); // not copied: ignored
    auto r = collector.finish();

    BOOST_TEST(r.cases == 4);
    BOOST_TEST(r.openCases == 2);
    BOOST_TEST_REQUIRE(r.createdToCopied.size() == 2u);
    BOOST_TEST(r.createdToCopied[0].count == 3u); // 101: 2 d, 102: 2 d (first copy), 105: 1 d
    BOOST_TEST(r.createdToCopied[0].median == 2 * kDay);
    BOOST_TEST(r.createdToCopied[0].p90 == 2 * kDay);
    BOOST_TEST(r.createdToCopied[1].count == 1u); // 103: 1 d
    BOOST_TEST(r.createdToCopied[1].median == kDay);
    BOOST_TEST(r.copiedToInternalClosed[0].count == 2u); // 101: 3 d, 105: 2 d
    BOOST_TEST(r.copiedToInternalClosed[0].median == 2 * kDay);
    BOOST_TEST(r.copiedToInternalClosed[0].p90 == 3 * kDay);
    BOOST_TEST(r.copiedToInternalClosed[1].count == 1u); // 102: last copy closed d35, 32 d
    BOOST_TEST(r.copiedToInternalClosed[1].median == 32 * kDay);
    BOOST_TEST(r.internalClosedToSupportClosed[0].count == 1u); // 101: 1 d; 105 closed first
    BOOST_TEST(r.internalClosedToSupportClosed[0].median == kDay);
    BOOST_TEST(r.internalClosedToSupportClosed[1].count == 0u);

    BOOST_TEST_REQUIRE(r.slowestOpen.size() == 2u);
    BOOST_TEST(r.slowestOpen[0].supportId == 102u);
    BOOST_TEST(r.slowestOpen[0].internalIds == (std::vector<unsigned>{202, 203}), boost::test_tools::per_element());
    BOOST_TEST(r.slowestOpen[0].internalClosed);
    BOOST_TEST(r.slowestOpen[0].waited == 47 * kDay);
    BOOST_TEST(r.slowestOpen[1].supportId == 103u);
    BOOST_TEST(!r.slowestOpen[1].internalClosed); // its copy was reopened
}

BOOST_AUTO_TEST_CASE(no_copies_gives_empty_months) {
    TurnaroundCollector collector(kinds, at(5), periods(at(0), 31 * kDay, 2), {});
    collector.add(issue(1, at(0), New));
    auto r = collector.finish();
    BOOST_TEST(r.cases == 0);
    BOOST_TEST(r.createdToCopied.size() == 2u);
    BOOST_TEST(r.createdToCopied[1].count == 0u);
    BOOST_TEST(r.slowestOpen.empty());
}

BOOST_AUTO_TEST_SUITE_END()
