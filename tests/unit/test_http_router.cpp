// Unit tests of Router (fcgi/http/router.hpp).
#include "fcgi/http/router.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace ticketflow::http;

namespace {

using R = Router<std::string>;

R sampleRouter() {
    R r;
    r.add("GET", "/", "home");
    r.add("GET", "/issues", "issues.index");
    r.add("POST", "/issues", "issues.create");
    r.add("GET", "/issues/new", "issues.new");
    r.add("GET", "/issues/:id", "issues.show");
    r.add("GET", "/issues/:id.json", "issues.show.json");
    r.add("patch", "/issues/:id", "issues.update");
    r.add("GET", "/projects/:identifier/issues", "projects.issues");
    r.add("GET", "/projects/:identifier/issues/:id", "projects.issue");
    return r;
}

std::string handlerOf(const R::Match& m) {
    return m.handler ? *m.handler : std::string("<none>");
}

} // namespace

BOOST_AUTO_TEST_SUITE(http_router)

BOOST_AUTO_TEST_CASE(literal_routes_match_exactly) {
    R r = sampleRouter();
    BOOST_TEST(handlerOf(r.match("GET", "/")) == "home");
    BOOST_TEST(handlerOf(r.match("GET", "/issues")) == "issues.index");
    BOOST_TEST(handlerOf(r.match("POST", "/issues")) == "issues.create");
}

BOOST_AUTO_TEST_CASE(parameters_capture_one_segment) {
    R r = sampleRouter();
    auto m = r.match("GET", "/projects/ps-pro/issues/12");
    BOOST_TEST(handlerOf(m) == "projects.issue");
    BOOST_TEST(m.params.at("identifier") == "ps-pro");
    BOOST_TEST(m.params.at("id") == "12");
    BOOST_TEST(handlerOf(r.match("GET", "/projects/ps-pro/issues/12/extra")) == "<none>");
}

BOOST_AUTO_TEST_CASE(literal_segment_beats_parameter_whatever_the_order) {
    R r = sampleRouter();
    BOOST_TEST(handlerOf(r.match("GET", "/issues/new")) == "issues.new");
    R late;
    late.add("GET", "/issues/:id", "show");
    late.add("GET", "/issues/new", "new");
    BOOST_TEST(handlerOf(late.match("GET", "/issues/new")) == "new");
}

BOOST_AUTO_TEST_CASE(json_suffix_route_captures_id_without_suffix) {
    R r = sampleRouter();
    auto m = r.match("GET", "/issues/12.json");
    BOOST_TEST(handlerOf(m) == "issues.show.json");
    BOOST_TEST(m.params.at("id") == "12");
    auto plain = r.match("GET", "/issues/12");
    BOOST_TEST(handlerOf(plain) == "issues.show");
    BOOST_TEST(plain.params.at("id") == "12");
}

BOOST_AUTO_TEST_CASE(suffix_route_needs_a_non_empty_parameter) {
    R r;
    r.add("GET", "/issues/:id.json", "json");
    BOOST_TEST(handlerOf(r.match("GET", "/issues/.json")) == "<none>");
    BOOST_TEST(handlerOf(r.match("GET", "/issues/12.xml")) == "<none>");
    BOOST_TEST(r.match("GET", "/issues/v1.2.json").params.at("id") == "v1.2");
}

BOOST_AUTO_TEST_CASE(parameter_stops_at_first_dot_before_a_literal) {
    R r;
    r.add("GET", "/files/:name.:ext", "file");
    auto m = r.match("GET", "/files/a.tar.gz");
    BOOST_TEST(m.params.at("name") == "a");
    BOOST_TEST(m.params.at("ext") == "tar.gz");
}

BOOST_AUTO_TEST_CASE(empty_segment_does_not_match_a_parameter) {
    R r = sampleRouter();
    BOOST_TEST(handlerOf(r.match("GET", "/projects//issues")) == "<none>");
}

BOOST_AUTO_TEST_CASE(trailing_slash_is_significant) {
    R r = sampleRouter();
    BOOST_TEST(handlerOf(r.match("GET", "/issues/")) == "<none>");
    r.add("GET", "/issues/", "slash");
    BOOST_TEST(handlerOf(r.match("GET", "/issues/")) == "slash");
}

BOOST_AUTO_TEST_CASE(wrong_method_gives_405_with_sorted_allowed_list) {
    R r = sampleRouter();
    auto m = r.match("DELETE", "/issues/12");
    BOOST_TEST(!m.handler);
    BOOST_TEST(m.methodNotAllowed);
    std::vector<std::string> expected{"GET", "HEAD", "PATCH"};
    BOOST_TEST(m.allowed == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(head_uses_get_route_unless_a_head_route_exists) {
    R r = sampleRouter();
    auto m = r.match("HEAD", "/issues/7");
    BOOST_TEST(handlerOf(m) == "issues.show");
    BOOST_TEST(m.params.at("id") == "7");
    r.add("HEAD", "/issues/:id", "issues.head");
    BOOST_TEST(handlerOf(r.match("HEAD", "/issues/7")) == "issues.head");
}

BOOST_AUTO_TEST_CASE(unknown_path_is_no_match_and_not_405) {
    R r = sampleRouter();
    for (const char* path : {"/nope", "", "issues", "/issues/12/edit"}) {
        BOOST_TEST_INFO("path " << path);
        auto m = r.match("GET", path);
        BOOST_TEST(!m.handler);
        BOOST_TEST(!m.methodNotAllowed);
        BOOST_TEST(m.allowed.empty());
    }
}

BOOST_AUTO_TEST_CASE(method_matching_ignores_case) {
    R r = sampleRouter();
    BOOST_TEST(handlerOf(r.match("PATCH", "/issues/3")) == "issues.update");
    BOOST_TEST(handlerOf(r.match("get", "/issues")) == "issues.index");
}

BOOST_AUTO_TEST_CASE(bad_patterns_are_rejected) {
    R r;
    BOOST_CHECK_THROW(r.add("GET", "issues", "x"), std::invalid_argument);
    BOOST_CHECK_THROW(r.add("GET", "/issues/:", "x"), std::invalid_argument);
    BOOST_CHECK_THROW(r.add("GET", "/a/:x:y", "x"), std::invalid_argument);
    BOOST_CHECK_THROW(r.add("GET", "/a/:id/b/:id", "x"), std::invalid_argument);
    r.add("GET", "/a", "x");
    BOOST_CHECK_THROW(r.add("get", "/a", "y"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
