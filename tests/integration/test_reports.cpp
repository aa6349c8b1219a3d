// ticketflow-report against a real database: issues, transitions and a copy made by the real
// use cases, their journal times moved to known instants, then the generated JSON checked.
#include "core/app/copy_service.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/report_history_reader.hpp"
#include "reports/report_run.hpp"
#include "reports/site_writer.hpp"
#include "tests/integration/team.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

using namespace ticketflow;
using namespace ticketflow::testing;
namespace fs = std::filesystem;

namespace {

constexpr report::Instant kMarch1 = 1772323200; // 2026-03-01T00:00Z
report::Instant at(int day, int hour) { return kMarch1 + day * report::kDay + hour * report::kHour; }

struct ReportFixture : Team {
    fs::path out = fs::temp_directory_path() / ("tf-report-it-" + std::to_string(::getpid()));
    ReportFixture() { fs::remove_all(out); }
    ~ReportFixture() { fs::remove_all(out); }

    void transition(unsigned who, unsigned issueId, const char* status, const char* note = "") {
        app::IssueEdit e;
        e.lockVersion = storage::IssueRepository(t.db()).find(issueId)->lockVersion;
        e.statusId = this->status(status);
        e.note = note;
        const auto r = app::IssueService(t.db(), catalog).update(actor(who), issueId, e);
        BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));
    }
    // Test-only: move what the use cases wrote "now" to a known instant.
    void setTime(const std::string& sqlText, report::Instant when, unsigned id) {
        auto& ps = t.db().prepare(sqlText);
        ps.setInt64(1, when);
        ps.setUInt(2, id);
        t.db().run([&] { return ps.executeUpdate(); });
    }
    void createdAt(unsigned issue, report::Instant when) {
        setTime("UPDATE issues SET created_at = FROM_UNIXTIME(?) WHERE id = ?", when, issue);
    }
    void journalsAt(unsigned issue, report::Instant when) {
        setTime("UPDATE journals SET created_at = FROM_UNIXTIME(?) WHERE issue_id = ?", when, issue);
    }

    report::RunSummary run(const std::string& asOf) {
        report::ReportSettings s;
        s.app.db = t.config();
        s.app.templatesDir = sourceDir() + "/web/templates";
        s.app.baseUrl = "http://tf.test";
        s.chartJs = sourceDir() + "/node_modules/chart.js/dist/chart.umd.js";
        s.assetsDir = sourceDir() + "/web/static/reports";
        report::ReportOptions o;
        o.out = out.string();
        o.asOf = asOf;
        o.days = 10;
        std::FILE* devnull = std::fopen("/dev/null", "w");
        report::Progress progress(devnull, "report");
        auto summary = report::runReport(s, o, at(10, 6), progress);
        std::fclose(devnull);
        return summary;
    }
    nlohmann::json chart(const std::string& id) {
        std::ifstream in(out / "current" / "data" / (id + ".json"));
        BOOST_REQUIRE_MESSAGE(in, "no data/" + id + ".json in the site");
        return nlohmann::json::parse(in);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(reports)

BOOST_FIXTURE_TEST_CASE(the_site_is_built_from_the_journal_written_by_the_use_cases, ReportFixture) {
    BOOST_REQUIRE(storage::UserRepository(t.db()).addMembership(bill, "psprointernal", "Support"));
    catalog = storage::CatalogRepository(t.db()).load();
    // S1: New on 03-01 10:00, Accepted 03-02, copied 03-03; its copy I1 rejected 03-05.
    const unsigned s1 = create(bill, "psprosupport", "Support", "Crash on export");
    transition(bill, s1, "Accepted");
    const auto copy = app::CopyService(t.db(), catalog).copy(actor(bill), s1, project("psprointernal"), tracker("Bug"));
    BOOST_REQUIRE(copy.outcome == app::Outcome::Ok);
    const unsigned i1 = copy.issueId;
    transition(alex, i1, "Rejected", "cannot reproduce");
    // S2: New since 03-08 12:00.
    const unsigned s2 = create(bill, "psprosupport", "Support", "Question about licences");

    createdAt(s1, at(0, 10));
    journalsAt(s1, at(1, 10));
    createdAt(i1, at(2, 10));
    setTime("UPDATE issue_relations SET created_at = FROM_UNIXTIME(?) WHERE issue_from_id = ?", at(2, 10), s1);
    journalsAt(i1, at(4, 10));
    createdAt(s2, at(7, 12));

    const auto summary = run("2026-03-10");
    BOOST_TEST(summary.issues == 3u);
    BOOST_TEST(summary.changes == 2u);
    BOOST_TEST(fs::is_symlink(out / "current"));
    for (const char* page : {"index.html", "new-issues.html", "milestones.html", "turnaround.html",
                             "assets/chart.umd.js", "assets/reports.js", "assets/reports.css", "data/new-daily.csv"})
        BOOST_TEST(fs::is_regular_file(out / "current" / page), page);

    const auto daily = chart("new-daily");
    BOOST_TEST(daily["labels"].front() == "2026-03-01");
    BOOST_TEST(daily["labels"].back() == "2026-03-10");
    const std::vector<double> expected = {1, 0, 1, 1, 0, 0, 0, 1, 1, 1};
    BOOST_TEST(daily["series"][0]["values"].get<std::vector<double>>() == expected, boost::test_tools::per_element());

    const auto now = chart("new-now");
    BOOST_TEST(now["labels"] == nlohmann::json::array({"PSProSupport / Support"}));
    BOOST_TEST(now["series"][0]["values"][0].get<double>() == 1.0);

    const auto copied = chart("turnaround-copied");
    BOOST_TEST(copied["labels"].back() == "2026-03");
    BOOST_TEST(copied["series"][0]["values"].back().get<double>() == 2.0); // median, days
    const auto internal = chart("turnaround-internal");
    BOOST_TEST(internal["series"][0]["values"].back().get<double>() == 2.0);

    const auto milestones = chart("milestone-open-closed");
    BOOST_TEST(milestones["labels"].size() >= 3u); // the seeded open milestones, ToDoList included
}

BOOST_FIXTURE_TEST_CASE(an_unreachable_database_fails_before_touching_the_current_site, ReportFixture) {
    report::ReportSettings s;
    s.app.db = t.config();
    s.app.db.socket = "/nonexistent/mysqld.sock";
    s.app.db.port = 1;
    s.app.templatesDir = sourceDir() + "/web/templates";
    s.chartJs = sourceDir() + "/node_modules/chart.js/dist/chart.umd.js";
    s.assetsDir = sourceDir() + "/web/static/reports";
    report::ReportOptions o;
    o.out = out.string();
    std::FILE* devnull = std::fopen("/dev/null", "w");
    report::Progress progress(devnull, "report");
    try {
        report::runReport(s, o, at(10, 6), progress);
        BOOST_ERROR("expected a StorageError");
    } catch (const storage::StorageError& e) {
        BOOST_TEST(e.connectionLost());
    }
    std::fclose(devnull);
    BOOST_TEST(!fs::exists(out / "current"));
    for (const auto& e : fs::directory_iterator(out)) BOOST_TEST(e.path().filename().string().rfind(".staging-", 0) != 0);
}

BOOST_AUTO_TEST_SUITE_END()
