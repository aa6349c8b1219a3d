// The report site's pieces without a database: who may read it, the command line, chart
// JSON/CSV, the page data, and the atomic swap of the output folder.
#include "core/domain/report_access.hpp"
#include "reports/chart.hpp"
#include "reports/report_options.hpp"
#include "reports/report_pages.hpp"
#include "reports/site_writer.hpp"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

using namespace ticketflow;
namespace fs = std::filesystem;

namespace {

domain::Actor staffWith(const char* permissions) {
    domain::Actor a;
    a.userId = 5;
    a.staff = true;
    a.roles[2] = {domain::Role{4, "Manager", domain::PermissionSet::parse(permissions)}};
    return a;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("tf-report-test-" + std::to_string(::getpid()));
    TempDir() { fs::remove_all(path); }
    ~TempDir() { fs::remove_all(path); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(report_site)

BOOST_AUTO_TEST_CASE(only_staff_with_view_reports_and_admins_may_read_reports) {
    using domain::ReportAccess;
    BOOST_TEST((domain::reportAccess(domain::Actor{}) == ReportAccess::SignInFirst));
    BOOST_TEST((domain::reportAccess(staffWith("view_issues view_reports")) == ReportAccess::Allowed));
    BOOST_TEST((domain::reportAccess(staffWith("view_issues add_notes")) == ReportAccess::Forbidden));
    auto customer = staffWith("view_reports");
    customer.staff = false;
    BOOST_TEST((domain::reportAccess(customer) == ReportAccess::Forbidden));
    auto locked = staffWith("view_reports");
    locked.locked = true;
    BOOST_TEST((domain::reportAccess(locked) == ReportAccess::Forbidden));
    domain::Actor admin;
    admin.userId = 1;
    admin.staff = true;
    admin.admin = true;
    BOOST_TEST((domain::reportAccess(admin) == ReportAccess::Allowed));
}

BOOST_AUTO_TEST_CASE(command_line_is_checked_with_clear_messages) {
    auto o = report::parseReportOptions({"--out", "/tmp/r", "--as-of=2026-03-29", "--days", "30"});
    BOOST_TEST(o.out == "/tmp/r");
    BOOST_TEST(o.asOf == "2026-03-29");
    BOOST_TEST(o.days == 30);
    BOOST_TEST(report::parseReportOptions({"--out", "x"}).days == 90);
    BOOST_TEST(report::parseReportOptions({"--help"}).help);
    struct Bad {
        std::vector<std::string> args;
        std::string says;
    };
    const std::vector<Bad> bad = {
        {{}, "--out DIR is required"},
        {{"--out"}, "--out needs a value"},
        {{"--out", "x", "--days", "0"}, "--days wants a whole number"},
        {{"--out", "x", "--days", "12x"}, "--days wants a whole number"},
        {{"--out", "x", "--as-of", "2026-02-30"}, "--as-of wants a date"},
        {{"--out", "x", "--verbose"}, "unknown option \"--verbose\""},
    };
    for (const auto& b : bad) {
        try {
            report::parseReportOptions(b.args);
            BOOST_ERROR("accepted a bad command line, expected: " + b.says);
        } catch (const report::UsageError& e) {
            BOOST_TEST(std::string(e.what()).find(b.says) != std::string::npos, e.what() << " should say " << b.says);
        }
    }
}

BOOST_AUTO_TEST_CASE(chart_json_and_csv_carry_the_same_figures) {
    report::Chart c{"new-daily", "Daily", "line", "hours", {"2026-03-29", "=cmd"},
                    {{"median", {1.26, 3}, ""}, {"p90", {2, std::nan("")}, ""}, {"issues", {4, 1}, "count"}}};
    auto j = nlohmann::json::parse(report::chartJson(c));
    BOOST_TEST(j["id"] == "new-daily");
    BOOST_TEST(j["labels"][1] == "=cmd");
    BOOST_TEST(j["series"][0]["values"][0].get<double>() == 1.3); // one decimal, as the table prints
    BOOST_TEST(j["series"][0]["values"][1].get<double>() == 3.0);
    const std::string csv = report::chartCsv(c);
    BOOST_TEST(j["series"][2]["unit"] == "count");
    BOOST_TEST(j["series"][1]["values"][1].is_null()); // no value, not 0
    BOOST_TEST(report::formatValue(std::nan("")) == "—");
    BOOST_TEST(csv == "\xEF\xBB\xBFlabel,median (hours),p90 (hours),issues (count)\r\n2026-03-29,1.3,2,4\r\n'=cmd,3,,1\r\n");
}

BOOST_AUTO_TEST_CASE(milestone_page_marks_overdue_milestones_and_fills_every_series) {
    report::MilestoneLoad late{{10, 2, "2.1.1", "2026-03-03", "open"}, {{3, 2}, {5, 1}}, {{7, 1}, {0, 1}}, 2, 1, true};
    report::MilestoneLoad todo{{11, 2, "ToDoList", "", "locked"}, {{1, 1}}, {{0, 1}}, 1, 0, false};
    report::Names names{{{2, "PSProInternal"}}, {}, {{1, "New"}, {3, "Accepted"}, {5, "Closed"}}, {{7, "Dev One"}},
                        "https://tf.example", [](report::Instant) { return std::string("2026-03-06"); }};
    auto page = report::milestonesPage({late, todo}, names);
    BOOST_TEST_REQUIRE(page.charts.size() == 3u);
    const auto& byStatus = page.charts[0];
    BOOST_TEST(byStatus.labels[0] == "2.1.1 (overdue)");
    BOOST_TEST(byStatus.series.size() == 3u); // Accepted, Closed, New
    for (const auto& s : byStatus.series) BOOST_TEST(s.values.size() == 2u);
    BOOST_TEST(page.charts[1].series[1].name == "Dev One");
    BOOST_TEST(page.charts[1].series[0].name == "nobody");
    BOOST_TEST(page.lists[0].highlighted[0]);
    BOOST_TEST(!page.lists[0].highlighted[1]);
    BOOST_TEST(page.lists[0].rows[0][0].href == "https://tf.example/versions/10");
}

BOOST_AUTO_TEST_CASE(publishing_swaps_the_current_link_and_keeps_one_previous_site) {
    TempDir dir;
    for (int run = 1; run <= 3; ++run) {
        report::SiteWriter site(dir.path);
        site.write("index.html", "run " + std::to_string(run));
        site.write("data/x.json", "{}");
        site.publish("2026010" + std::to_string(run) + "T000000Z");
        BOOST_TEST(slurp(dir.path / "current" / "index.html") == "run " + std::to_string(run));
    }
    int sites = 0, staging = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) {
        const auto n = e.path().filename().string();
        sites += n.rfind("site-", 0) == 0;
        staging += n.rfind(".staging-", 0) == 0;
    }
    BOOST_TEST(sites == 2);
    BOOST_TEST(staging == 0);
    BOOST_TEST(fs::is_symlink(dir.path / "current"));
}

BOOST_AUTO_TEST_CASE(a_failed_run_leaves_the_current_site_alone) {
    TempDir dir;
    {
        report::SiteWriter site(dir.path);
        site.write("index.html", "good");
        site.publish("20260101T000000Z");
    }
    {
        report::SiteWriter site(dir.path);
        site.write("index.html", "half");
        // destroyed without publish, as when the database goes away mid-run
    }
    BOOST_TEST(slurp(dir.path / "current" / "index.html") == "good");
    for (const auto& e : fs::directory_iterator(dir.path))
        BOOST_TEST(e.path().filename().string().rfind(".staging-", 0) != 0);
}

BOOST_AUTO_TEST_CASE(staging_folders_of_killed_runs_are_removed_after_a_day) {
    TempDir dir;
    fs::create_directories(dir.path / ".staging-old" / "data");
    fs::create_directories(dir.path / ".staging-fresh");
    fs::last_write_time(dir.path / ".staging-old", fs::file_time_type::clock::now() - std::chrono::hours(30));
    report::SiteWriter site(dir.path);
    site.write("index.html", "new");
    site.publish("20260101T000000Z");
    BOOST_TEST(!fs::exists(dir.path / ".staging-old"));
    BOOST_TEST(fs::exists(dir.path / ".staging-fresh")); // may be a run writing right now
}

BOOST_AUTO_TEST_CASE(an_output_folder_that_cannot_be_created_is_an_output_error) {
    BOOST_CHECK_THROW(report::SiteWriter("/proc/no-such/reports"), report::OutputError);
}

BOOST_AUTO_TEST_SUITE_END()
