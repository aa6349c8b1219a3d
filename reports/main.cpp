// ticketflow-report: builds the nightly static report site (DESIGN §6).
#include "core/app/config_values.hpp"
#include "core/storage/storage_error.hpp"
#include "reports/report_run.hpp"
#include "reports/site_writer.hpp"

#include <ctime>
#include <iostream>

using namespace ticketflow;

int main(int argc, char** argv) {
    report::ReportOptions options;
    try {
        options = report::parseReportOptions(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const report::UsageError& e) {
        std::cerr << "ticketflow-report: " << e.what() << "\n\n" << report::reportUsage();
        return 64;
    }
    if (options.help) {
        std::cout << report::reportUsage();
        return 0;
    }
    try {
        const auto settings = report::loadReportSettings(app::configPathFrom(options.config));
        report::Progress progress(stderr, "report");
        const auto summary = report::runReport(settings, options, std::time(nullptr), progress);
        std::cerr << "ticketflow-report: done: " << summary.issues << " issues, " << summary.changes
                  << " status changes in " << progress.totalSeconds() << " s\n";
        return 0;
    } catch (const report::UsageError& e) {
        std::cerr << "ticketflow-report: " << e.what() << "\n";
        return 64;
    } catch (const report::ConfigError& e) {
        std::cerr << "ticketflow-report: configuration: " << e.what() << "\n";
        return 78;
    } catch (const report::OutputError& e) {
        std::cerr << "ticketflow-report: output not writable: " << e.what() << "\n";
        return 73;
    } catch (const storage::StorageError& e) {
        if (e.connectionLost()) {
            std::cerr << "ticketflow-report: database unreachable: " << e.what() << "\n";
            return 75;
        }
        std::cerr << "ticketflow-report: database error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "ticketflow-report: " << e.what() << "\n";
        return 1;
    }
}
