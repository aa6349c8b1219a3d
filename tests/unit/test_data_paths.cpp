// Default data paths: a binary in its build tree uses the source tree (the installed layout is
// proven by tests/deploy/package_test.sh, whose installed check-config names /usr/share/ticketflow).
#include "core/app/data_paths.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

BOOST_AUTO_TEST_SUITE(data_paths)

BOOST_AUTO_TEST_CASE(a_binary_in_the_build_tree_reads_the_source_tree) {
    const auto& paths = ticketflow::app::defaultDataPaths();
    const std::string source = TICKETFLOW_SOURCE_DIR;
    BOOST_TEST(paths.sql == source + "/sql");
    BOOST_TEST(paths.templates == source + "/web/templates");
    BOOST_TEST(paths.staticDir == source + "/web/static");
    BOOST_TEST(paths.reportAssets == source + "/web/static/reports");
    BOOST_TEST(paths.chartJs == source + "/node_modules/chart.js/dist/chart.umd.js");
    BOOST_TEST(std::filesystem::is_regular_file(paths.sql + "/001_schema.sql"));
}

BOOST_AUTO_TEST_SUITE_END()
