// The milestone URLs reach the right handlers: pages at Redmine's /versions URLs, the REST
// API at the same URLs with .json, and management POSTs need the CSRF token (not API routes).
#include "fcgi/api/api_handlers.hpp"
#include "fcgi/handlers/milestone_handlers.hpp"
#include "fcgi/routes.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::web;

namespace {

HandlerFn handlerOf(const char* method, const char* path) {
    const auto m = routes().match(method, path);
    return m.handler ? m.handler->handler : nullptr;
}

bool isApi(const char* method, const char* path) {
    const auto m = routes().match(method, path);
    return m.handler && m.handler->api;
}

} // namespace

BOOST_AUTO_TEST_SUITE(milestone_routes)

BOOST_AUTO_TEST_CASE(pages_answer_at_redmines_version_urls) {
    BOOST_TEST((handlerOf("GET", "/projects/psprointernal/roadmap") == handlers::roadmap));
    BOOST_TEST((handlerOf("GET", "/projects/psprointernal/versions") == handlers::roadmap));
    BOOST_TEST((handlerOf("GET", "/projects/psprointernal/versions/new") == handlers::milestoneNewForm));
    BOOST_TEST((handlerOf("POST", "/projects/psprointernal/versions") == handlers::milestoneCreate));
    BOOST_TEST((handlerOf("GET", "/versions/7") == handlers::milestoneShow));
    BOOST_TEST((handlerOf("GET", "/versions/7/edit") == handlers::milestoneEditForm));
    BOOST_TEST((handlerOf("POST", "/versions/7") == handlers::milestoneUpdate));
    BOOST_TEST((handlerOf("POST", "/versions/7/delete") == handlers::milestoneDestroy));
    BOOST_TEST(!isApi("POST", "/versions/7/delete"));
}

BOOST_AUTO_TEST_CASE(json_urls_reach_the_api_not_the_pages) {
    BOOST_TEST((handlerOf("GET", "/versions/7.json") == api::versionShow));
    BOOST_TEST((handlerOf("PUT", "/versions/7.json") == api::versionUpdate));
    BOOST_TEST((handlerOf("DELETE", "/versions/7.json") == api::versionDestroy));
    BOOST_TEST((handlerOf("POST", "/projects/psprointernal/versions.json") == api::versionCreate));
    BOOST_TEST((handlerOf("GET", "/projects/psprointernal/versions.json") == api::versionsIndex));
    BOOST_TEST(isApi("DELETE", "/versions/7.json"));
}

BOOST_AUTO_TEST_SUITE_END()
