// The [attachments] settings of ticketflow.conf: defaults, size suffixes, refused values.
#include "core/app/app_config.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>

namespace {

/// Writes a minimal configuration with `extra` appended and loads it.
ticketflow::app::AppConfig loadWith(const std::string& extra) {
    std::random_device rd;
    const auto path = std::filesystem::temp_directory_path() / ("tf-config-" + std::to_string(rd()) + ".conf");
    {
        std::ofstream out(path);
        out << "[security]\nsecret = " << std::string(64, 'a') << "\n" << extra;
    }
    struct Remove {
        std::filesystem::path p;
        ~Remove() { std::filesystem::remove(p); }
    } remove{path};
    return ticketflow::app::loadConfig(path.string());
}

} // namespace

BOOST_AUTO_TEST_SUITE(app_config_attachments)

BOOST_AUTO_TEST_CASE(defaults_are_ten_megabytes_and_ten_files) {
    const auto c = loadWith("");
    BOOST_CHECK_EQUAL(c.attachmentMaxBytes, 10u << 20);
    BOOST_CHECK_EQUAL(c.attachmentMaxFiles, 10u);
}

BOOST_AUTO_TEST_CASE(sizes_take_k_m_g_suffixes_like_nginx) {
    BOOST_CHECK_EQUAL(loadWith("[attachments]\nmax_size = 512k\n").attachmentMaxBytes, 512u << 10);
    BOOST_CHECK_EQUAL(loadWith("[attachments]\nmax_size = 25M\n").attachmentMaxBytes, 25u << 20);
    BOOST_CHECK_EQUAL(loadWith("[attachments]\nmax_size = 1G\n").attachmentMaxBytes, 1u << 30);
    BOOST_CHECK_EQUAL(loadWith("[attachments]\nmax_size = 1000\nmax_files = 3\n").attachmentMaxBytes, 1000u);
    BOOST_CHECK_EQUAL(loadWith("[attachments]\nmax_files = 3\n").attachmentMaxFiles, 3u);
}

BOOST_AUTO_TEST_CASE(bad_sizes_and_counts_are_refused_naming_the_key) {
    for (const char* bad : {"0", "2G", "10 MB", "-1", "M", "ten"}) {
        BOOST_TEST_CONTEXT("max_size = " << bad) {
            BOOST_CHECK_EXCEPTION(loadWith(std::string("[attachments]\nmax_size = ") + bad + "\n"), std::runtime_error,
                                  [](const std::runtime_error& e) {
                                      return std::string(e.what()).find("attachments.max_size") != std::string::npos;
                                  });
        }
    }
    BOOST_CHECK_THROW(loadWith("[attachments]\nmax_files = 0\n"), std::runtime_error);
    BOOST_CHECK_THROW(loadWith("[attachments]\nmax_files = 101\n"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
