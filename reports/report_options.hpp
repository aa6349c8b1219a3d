// ticketflow-report's command line.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace ticketflow::report {

/// A bad command line (exit code 64).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ReportOptions {
    std::string out;    ///< --out DIR (required)
    std::string asOf;   ///< --as-of YYYY-MM-DD: the end of that local day; empty: now
    std::string config; ///< --config FILE; empty: $TICKETFLOW_CONFIG, then /etc/ticketflow/ticketflow.conf
    int days = 90;      ///< --days N: the daily and weekly window, 1..3660
    bool help = false;
};

/// Parses `args` (without the program name); "--key=value" and "--key value" both work.
/// Throws UsageError naming the bad or missing option.
ReportOptions parseReportOptions(const std::vector<std::string>& args);

const char* reportUsage();

} // namespace ticketflow::report
