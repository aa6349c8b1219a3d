// Local days, weeks and months in Europe/Berlin across the DST changes, and the daily New
// count bucketed by local days rather than UTC ones.
#include "core/app/local_calendar.hpp"
#include "core/domain/report_new_issues.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;
using report::Instant;

namespace {
constexpr Instant kMarch30Noon = 1774872000; // 2026-03-30T12:00Z, the Monday after the spring change
}

BOOST_AUTO_TEST_SUITE(report_calendar)

BOOST_AUTO_TEST_CASE(the_spring_dst_day_in_berlin_has_23_hours) {
    app::LocalCalendar berlin("Europe/Berlin");
    auto days = berlin.days(kMarch30Noon, 3);
    const std::vector<std::string> labels = {"2026-03-28", "2026-03-29", "2026-03-30"};
    BOOST_TEST(days.labels == labels, boost::test_tools::per_element());
    const std::vector<Instant> starts = {1774652400, 1774738800, 1774821600, 1774908000};
    BOOST_TEST(days.starts == starts, boost::test_tools::per_element());
    BOOST_TEST(days.starts[2] - days.starts[1] == 23 * report::kHour);
}

BOOST_AUTO_TEST_CASE(the_autumn_dst_day_in_berlin_has_25_hours) {
    app::LocalCalendar berlin("Europe/Berlin");
    auto days = berlin.days(1792969200 + 3600, 1); // 2026-10-26 01:00 local
    BOOST_TEST(days.labels.back() == "2026-10-26");
    auto sunday = berlin.days(1792969200 - 3600, 1);
    BOOST_TEST(sunday.labels.back() == "2026-10-25");
    BOOST_TEST(sunday.starts[0] == 1792879200);
    BOOST_TEST(sunday.starts[1] - sunday.starts[0] == 25 * report::kHour);
}

BOOST_AUTO_TEST_CASE(weeks_start_on_local_mondays_with_iso_labels) {
    app::LocalCalendar berlin("Europe/Berlin");
    auto weeks = berlin.weeks(1774740600, kMarch30Noon);
    const std::vector<std::string> labels = {"2026-W13", "2026-W14"};
    BOOST_TEST(weeks.labels == labels, boost::test_tools::per_element());
    const std::vector<Instant> starts = {1774220400, 1774821600, 1775426400};
    BOOST_TEST(weeks.starts == starts, boost::test_tools::per_element());
    auto newYear = app::LocalCalendar("UTC").weeks(1767225600, 1767225600); // Thu 2026-01-01
    BOOST_TEST(newYear.labels.front() == "2026-W01");
    auto lastWeek = app::LocalCalendar("UTC").weeks(1798675200, 1798675200); // Thu 2026-12-31
    BOOST_TEST(lastWeek.labels.front() == "2026-W53");
}

BOOST_AUTO_TEST_CASE(months_start_on_local_first_days) {
    app::LocalCalendar berlin("Europe/Berlin");
    auto months = berlin.months(1774996200, 2); // 2026-04-01 00:30 local
    const std::vector<std::string> labels = {"2026-03", "2026-04"};
    BOOST_TEST(months.labels == labels, boost::test_tools::per_element());
    const std::vector<Instant> starts = {1772319600, 1774994400, 1777586400};
    BOOST_TEST(months.starts == starts, boost::test_tools::per_element());
    auto january = app::LocalCalendar("UTC").months(1767225600, 2);
    BOOST_TEST(january.labels.front() == "2025-12");
}

BOOST_AUTO_TEST_CASE(local_dates_and_bad_input) {
    app::LocalCalendar berlin("Europe/Berlin");
    BOOST_TEST(berlin.localDate(1774823400) == "2026-03-30"); // 22:30Z is 00:30 CEST
    BOOST_TEST(berlin.localTime(1774823400) == "2026-03-30 00:30");
    BOOST_TEST(berlin.startOfDate("2026-03-30") == 1774821600);
    BOOST_CHECK_THROW(berlin.startOfDate("2026-02-30"), std::invalid_argument);
    BOOST_CHECK_THROW(berlin.startOfDate("30.03.2026"), std::invalid_argument);
    BOOST_CHECK_THROW(app::LocalCalendar("Mars/Olympus"), std::invalid_argument);
    BOOST_CHECK_THROW(app::LocalCalendar("../../etc/passwd"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(daily_new_count_uses_local_days_not_utc_ones) {
    app::LocalCalendar berlin("Europe/Berlin");
    report::StatusKinds kinds{{1}, {5}};
    auto days = berlin.days(kMarch30Noon, 3);
    report::NewIssuesCounter counter(kinds, kMarch30Noon, days, berlin.weeks(days.starts.front(), kMarch30Noon));
    auto created = [](unsigned id, Instant t, std::vector<report::StatusChange> changes = {}) {
        report::IssueHistory h;
        h.id = id;
        h.createdAt = t;
        h.initialStatus = 1;
        h.changes = std::move(changes);
        return h;
    };
    // 2026-03-28T23:30Z is 00:30 on the 29th in Berlin; triaged at 2026-03-29T22:30Z, 00:30
    // on Monday the 30th local time: 23 hours later across the change, in week 14.
    counter.add(created(1, 1774740600, {{1774823400, 1, 2}}));
    // 2026-03-29T22:30Z is already the 30th in Berlin (00:30 CEST).
    counter.add(created(2, 1774823400));
    auto r = counter.finish();
    const std::vector<long> expected = {0, 1, 1};
    BOOST_TEST(r.dailyNew == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(r.triageByWeek.size() == 2u);
    BOOST_TEST(r.triageByWeek[0].count == 0u);
    BOOST_TEST(r.triageByWeek[1].count == 1u);
    BOOST_TEST(r.triageByWeek[1].median == 23 * report::kHour);
}

BOOST_AUTO_TEST_SUITE_END()
