// Where the programs find their read-only data (migrations, templates, static files, Chart.js)
// when ticketflow.conf does not name it.
#pragma once

#include <string>

namespace ticketflow::app {

struct DataPaths {
    std::string sql;          ///< [paths] sql
    std::string templates;    ///< [web] templates (pages; mail/ and reports/ below it)
    std::string staticDir;    ///< [web] static
    std::string reportAssets; ///< [reports] assets: reports.js, reports.css
    std::string chartJs;      ///< [reports] chartjs: chart.umd.js
};

/// A binary run from the build tree it was made in uses the source tree (sql/, web/,
/// node_modules/chart.js). Any other binary is an installed one: its data lives in the
/// standard layout next to it, BINDIR/../share/ticketflow (the relative path comes from
/// GNUInstallDirs at configure time, so `cmake --install --prefix P` and the Debian package
/// both work). Never throws; the paths may not exist (check-config names a missing one).
const DataPaths& defaultDataPaths();

} // namespace ticketflow::app
