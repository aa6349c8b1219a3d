// The report run: stream every issue once into the three aggregations, then write the site.
#include "reports/report_run.hpp"

#include "core/app/data_paths.hpp"
#include "core/app/ini_lookup.hpp"
#include "core/app/local_calendar.hpp"
#include "core/storage/report_history_reader.hpp"
#include "reports/page_renderer.hpp"
#include "reports/site_writer.hpp"

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

namespace ticketflow::report {

namespace fs = std::filesystem;

namespace {

constexpr int kTurnaroundMonths = 12;

std::string utcStamp(Instant t, const char* format) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    ::gmtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

// chart.umd.js sits in node_modules/chart.js/dist/; its package.json names the pinned version.
std::string chartJsVersion(const fs::path& chartJs) {
    std::ifstream in(chartJs.parent_path().parent_path() / "package.json");
    if (!in) return "(version unknown)";
    try {
        return nlohmann::json::parse(in).value("version", "(version unknown)");
    } catch (const nlohmann::json::exception&) {
        return "(version unknown)";
    }
}

std::string days(Instant seconds) {
    return formatValue(static_cast<double>(seconds) / kDay);
}

} // namespace

ReportSettings loadReportSettings(const std::string& configPath) {
    ReportSettings s;
    try {
        s.app = app::loadConfig(configPath);
        const auto ini = app::openIni(configPath);
        const auto base = fs::absolute(configPath).parent_path();
        const app::DataPaths& data = app::defaultDataPaths();
        s.zone = ini->getString("reports.timezone", s.zone);
        s.chartJs = app::resolvePath(base, ini->getString("reports.chartjs", ""), data.chartJs);
        s.assetsDir = app::resolvePath(base, ini->getString("reports.assets", ""), data.reportAssets);
    } catch (const std::exception& e) {
        throw ConfigError(e.what());
    }
    return s;
}

RunSummary runReport(const ReportSettings& settings, const ReportOptions& options, Instant now, Progress& progress) {
    std::optional<app::LocalCalendar> calendarHolder;
    try {
        calendarHolder.emplace(settings.zone);
    } catch (const std::invalid_argument& e) {
        throw ConfigError(std::string("[reports] timezone: ") + e.what());
    }
    const auto& calendar = *calendarHolder;
    if (!fs::is_regular_file(settings.chartJs))
        throw ConfigError("Chart.js not found at " + settings.chartJs + " (run npm ci, or set [reports] chartjs)");
    std::optional<PageRenderer> rendererHolder;
    try {
        rendererHolder.emplace(settings.app.templatesDir);
    } catch (const std::runtime_error& e) {
        throw ConfigError(e.what());
    }
    const auto& renderer = *rendererHolder;
    // Before touching the database, so a bad output folder fails fast.
    SiteWriter site(options.out);

    Instant asOf = now;
    if (!options.asOf.empty()) {
        const Instant dayStart = calendar.startOfDate(options.asOf);
        const Instant nextDay = calendar.days(dayStart + 36 * kHour, 1).starts.front();
        asOf = std::min(now, nextDay - 1);
    }
    const Periods dayPeriods = calendar.days(asOf, options.days);
    const Periods weeks = calendar.weeks(dayPeriods.starts.front(), asOf);
    const Periods months = calendar.months(asOf, kTurnaroundMonths);

    storage::Connection db(settings.app.db);
    storage::ReportHistoryReader reader(db);
    const StatusKinds kinds = reader.statusKinds();
    auto milestones = reader.milestones();
    auto links = reader.copyLinks();
    Names names{reader.projectNames(), reader.trackerNames(), reader.statusNames(), reader.userNames(),
                settings.app.baseUrl, [&](Instant t) { return calendar.localDate(t); }};
    const std::size_t total = reader.highestIssueId();
    progress.stage("reference data", std::to_string(milestones.size()) + " milestones, " +
                                         std::to_string(links.size()) + " copy links, issues up to #" +
                                         std::to_string(total));

    NewIssuesCounter newIssues(kinds, asOf, dayPeriods, weeks);
    MilestoneLoadCounter loads(kinds, asOf, calendar.localDate(asOf), std::move(milestones));
    TurnaroundCollector turnaround(kinds, asOf, months, std::move(links));
    RunSummary summary;
    summary.issues = reader.forEachIssue(
        asOf,
        [&](const IssueHistory& issue) {
            newIssues.add(issue);
            loads.add(issue);
            turnaround.add(issue);
            progress.tick("reading issues", issue.id, total);
        },
        summary.changes);
    progress.stage("issues read", std::to_string(summary.issues) + " issues, " + std::to_string(summary.changes) +
                                      " status changes");

    const auto newReport = newIssues.finish();
    const auto loadReport = loads.finish();
    const auto turnaroundReport = turnaround.finish();
    std::vector<ReportPage> pages = {newIssuesPage(newReport, dayPeriods, weeks, asOf, names),
                                     milestonesPage(loadReport, names),
                                     turnaroundPage(turnaroundReport, months, names)};
    progress.stage("aggregated", std::to_string(pages.size()) + " pages");

    SiteInfo info{calendar.localTime(asOf), settings.zone,
                  utcStamp(now, "%Y-%m-%d %H:%M:%S UTC"), chartJsVersion(settings.chartJs),
                  progress.totalSeconds(), summary.issues, summary.changes};
    long overdue = 0;
    for (const auto& l : loadReport) overdue += l.overdue;
    std::vector<Figure> figures = {
        {"new-now", "Issues in New now", std::to_string(newReport.nowTotal)},
        {"new-oldest", "Longest wait in New (days)", newReport.oldest.empty() ? "—" : days(asOf - newReport.oldest.front().newSince)},
        {"milestones-overdue", "Overdue milestones", std::to_string(overdue)},
        {"turnaround-open", "Copied support issues still open", std::to_string(turnaroundReport.openCases)},
    };
    std::size_t files = 0;
    for (const auto& page : pages) {
        site.write(page.file, renderer.page(page, pages, info));
        for (const auto& chart : page.charts) {
            site.write("data/" + chart.id + ".json", chartJson(chart) + "\n");
            site.write("data/" + chart.id + ".csv", chartCsv(chart));
            files += 2;
        }
        ++files;
    }
    site.write("index.html", renderer.index(pages, figures, info));
    site.copy(settings.chartJs, "assets/chart.umd.js");
    for (const char* asset : {"reports.js", "reports.css"}) site.copy(fs::path(settings.assetsDir) / asset, std::string("assets/") + asset);
    progress.stage("written", std::to_string(files + 4) + " files");
    summary.site = site.publish(utcStamp(now, "%Y%m%dT%H%M%SZ"));
    progress.stage("published", (fs::path(options.out) / "current").string() + " -> " + summary.site.filename().string());
    return summary;
}

} // namespace ticketflow::report
