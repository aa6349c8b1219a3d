// Command line of ticketflow-report: every option checked before anything is read.
#include "reports/report_options.hpp"

#include "core/domain/milestone.hpp"

#include <charconv>

namespace ticketflow::report {

const char* reportUsage() {
    return "usage: ticketflow-report --out DIR [--as-of YYYY-MM-DD] [--days N] [--config FILE]\n"
           "\n"
           "Builds the static report site into DIR/current (swapped in atomically).\n"
           "  --out DIR       output folder (created when missing)\n"
           "  --as-of DATE    report as of the end of that day in [reports] timezone (default: now)\n"
           "  --days N        days of the daily and weekly charts, 1 to 3660 (default 90)\n"
           "  --config FILE   default $TICKETFLOW_CONFIG, then /etc/ticketflow/ticketflow.conf\n"
           "exit codes: 0 done, 64 usage, 73 output not writable, 75 database unreachable,\n"
           "            78 configuration error, 1 anything else\n";
}

ReportOptions parseReportOptions(const std::vector<std::string>& args) {
    ReportOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string key = args[i], value;
        bool hasValue = false;
        if (auto eq = key.find('='); key.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = key.substr(eq + 1);
            key.resize(eq);
            hasValue = true;
        }
        if (key == "--help" || key == "-h") {
            o.help = true;
            continue;
        }
        if (key != "--out" && key != "--as-of" && key != "--days" && key != "--config")
            throw UsageError("unknown option \"" + args[i] + "\"");
        if (!hasValue) {
            if (i + 1 >= args.size()) throw UsageError(key + " needs a value");
            value = args[++i];
        }
        if (value.empty()) throw UsageError(key + " needs a value");
        if (key == "--out") o.out = value;
        else if (key == "--config") o.config = value;
        else if (key == "--as-of") {
            if (!domain::isIsoDate(value)) throw UsageError("--as-of wants a date YYYY-MM-DD, not \"" + value + "\"");
            o.asOf = value;
        } else {
            int n = 0;
            auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec != std::errc() || end != value.data() + value.size() || n < 1 || n > 3660)
                throw UsageError("--days wants a whole number from 1 to 3660, not \"" + value + "\"");
            o.days = n;
        }
    }
    if (!o.help && o.out.empty()) throw UsageError("--out DIR is required");
    return o;
}

} // namespace ticketflow::report
