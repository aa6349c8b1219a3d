// One run of ticketflow-report: read, aggregate, render, publish.
#pragma once
#include "core/app/app_config.hpp"
#include "core/domain/report_history.hpp"
#include "core/app/progress.hpp"
#include "reports/report_options.hpp"

#include <filesystem>

namespace ticketflow::report {

/// The progress lines and bar, shared with the other long commands (core/app/progress.hpp).
using app::Progress;

/// A bad configuration (exit code 78).
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ReportSettings {
    app::AppConfig app;
    std::string zone = "UTC"; ///< [reports] timezone: the managers' calendar (IANA name)
    std::string chartJs;      ///< [reports] chartjs: chart.umd.js, default app::defaultDataPaths()
    std::string assetsDir;    ///< [reports] assets: reports.js and reports.css, default app::defaultDataPaths()
};

/// ticketflow.conf with its [reports] section. Throws ConfigError naming the file and key.
ReportSettings loadReportSettings(const std::string& configPath);

struct RunSummary {
    std::filesystem::path site;
    std::size_t issues = 0, changes = 0;
};

/// Builds the site into options.out and swaps it in. `now` is the generation time.
/// Throws storage::StorageError (database), OutputError (output folder), ConfigError
/// (unknown time zone, missing Chart.js or templates), UsageError (bad --as-of).
RunSummary runReport(const ReportSettings& settings, const ReportOptions& options, Instant now, Progress& progress);

} // namespace ticketflow::report
