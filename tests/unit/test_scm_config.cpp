// The version control settings of ticketflow.conf ([scm], [repository.NAME]) and the one
// route that takes no session and no CSRF token: POST /scm/commit.
#include "core/app/app_config.hpp"
#include "fcgi/handlers/handlers.hpp"
#include "fcgi/routes.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>

using ticketflow::app::AppConfig;

namespace {

const std::string kSecret(40, 's');

AppConfig loadWith(const std::string& extra) {
    std::random_device rd;
    const auto path = std::filesystem::temp_directory_path() / ("tf-scm-config-" + std::to_string(rd()) + ".conf");
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

/// The configuration is refused with a message naming the file and `key`.
void refused(const std::string& extra, const std::string& key) {
    BOOST_TEST_CONTEXT("configuration:\n" << extra) {
        BOOST_CHECK_EXCEPTION(loadWith(extra), std::runtime_error, [&](const std::runtime_error& e) {
            const std::string what = e.what();
            BOOST_TEST_MESSAGE(what);
            return what.find("tf-scm-config-") != std::string::npos && what.find(key) != std::string::npos;
        });
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(scm_config)

BOOST_AUTO_TEST_CASE(without_sections_there_are_no_repositories_and_redmines_keywords) {
    const auto c = loadWith("");
    BOOST_TEST(c.scm.repositories.empty());
    BOOST_TEST(c.scm.fixStatus.empty());
    BOOST_TEST((c.scm.keywords.fix == std::vector<std::string>{"fixes", "closes"}));
    BOOST_TEST((c.scm.keywords.ref == std::vector<std::string>{"refs", "references"}));
}

BOOST_AUTO_TEST_CASE(repositories_come_from_their_sections) {
    const auto c = loadWith(
        "[scm]\nfix_status = Resolved\nfix_keywords = Fixes, closes,resolves\nref_keywords = see\n"
        "[repository.trunk]\nsecret = " +
        kSecret +
        "\nproject = psprointernal\n"
        "[repository.web-app]\nproject = psprointernal, psprosupport\n"
        "[repository.all_projects]\nsecret = " +
        kSecret + "\n");
    BOOST_TEST(c.scm.fixStatus == "Resolved");
    BOOST_TEST((c.scm.keywords.fix == std::vector<std::string>{"fixes", "closes", "resolves"}));
    BOOST_TEST((c.scm.keywords.ref == std::vector<std::string>{"see"}));
    BOOST_REQUIRE(c.scm.repository("trunk"));
    BOOST_TEST(c.scm.repository("trunk")->secret == kSecret);
    BOOST_TEST((c.scm.repository("trunk")->projects == std::vector<std::string>{"psprointernal"}));
    BOOST_REQUIRE(c.scm.repository("web-app"));
    BOOST_TEST(c.scm.repository("web-app")->secret.empty()); // ticketflow-admin only
    BOOST_TEST(c.scm.repository("web-app")->projects.size() == 2u);
    BOOST_REQUIRE(c.scm.repository("all_projects"));
    BOOST_TEST(c.scm.repository("all_projects")->projects.empty());
    BOOST_TEST(!c.scm.repository("Trunk"));
    BOOST_TEST(!c.scm.repository("nope"));
}

BOOST_AUTO_TEST_CASE(bad_settings_are_refused_naming_file_and_key) {
    refused("[repository.trunk]\nsecret = short\n", "repository.trunk.secret");
    refused("[repository.trunk]\nsecret = " + std::string(257, 'x') + "\n", "repository.trunk.secret");
    // A misspelt "project" must not quietly open every project to the repository.
    refused("[repository.trunk]\nprojects = psprointernal\n", "repository.trunk.projects");
    refused("[repository.trunk]\nproject = ,\n", "repository.trunk.project");
    refused("[repository.bad name]\nproject = x\n", "repository.bad name");
    refused("[repository]\ntrunk = x\n", "repository.trunk");
    refused("[scm]\nfix_statuses = Closed\n", "scm.fix_statuses");
    refused("[scm]\nfix_keywords = fix es\n", "scm.fix_keywords");
    refused("[scm]\nref_keywords =\n", "scm.ref_keywords");
    refused("[scm]\nfix_keywords = fixes\nref_keywords = Fixes\n", "fix_keywords");
}

BOOST_AUTO_TEST_CASE(only_the_scm_route_skips_session_and_csrf) {
    using namespace ticketflow::web;
    const auto scm = routes().match("POST", "/scm/commit");
    BOOST_REQUIRE(scm.handler);
    BOOST_TEST((scm.handler->handler == handlers::scmCommit));
    BOOST_TEST(scm.handler->ownAuth);
    BOOST_TEST(!scm.handler->requiresLogin);
    BOOST_TEST(routes().match("GET", "/scm/commit").methodNotAllowed);
    for (const char* path : {"/issues/1", "/issues", "/logout", "/users", "/admin/mail/1/release", "/issues.json"}) {
        BOOST_TEST_CONTEXT("POST " << path) {
            const auto m = routes().match("POST", path);
            BOOST_REQUIRE(m.handler);
            BOOST_TEST(!m.handler->ownAuth);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
