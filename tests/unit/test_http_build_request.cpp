// Unit tests of buildRequest and the Request accessors (fcgi/http).
#include "fcgi/http/form_parser.hpp"
#include "fcgi/http/http_error.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::http;

namespace {

using Params = std::map<std::string, std::string>;

Params get(const std::string& uri) {
    return {{"REQUEST_METHOD", "GET"},
            {"REQUEST_URI", uri},
            {"REMOTE_ADDR", "192.0.2.7"},
            {"CONTENT_TYPE", ""},
            {"CONTENT_LENGTH", ""}};
}

Params post(const std::string& uri, const std::string& type, const std::string& body) {
    Params p = get(uri);
    p["REQUEST_METHOD"] = "POST";
    p["CONTENT_TYPE"] = type;
    p["CONTENT_LENGTH"] = std::to_string(body.size());
    return p;
}

int statusOf(const Params& p, const std::string& body = {}, const Limits& limits = Limits{}) {
    try {
        buildRequest(p, body, limits);
    } catch (const HttpError& e) {
        return e.status();
    }
    return 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(http_build_request)

BOOST_AUTO_TEST_CASE(method_is_upper_cased_and_remote_address_kept) {
    Params p = get("/");
    p["REQUEST_METHOD"] = "delete";
    Request r = buildRequest(p, "", Limits{});
    BOOST_TEST(r.method == "DELETE");
    BOOST_TEST(r.remoteAddr == "192.0.2.7");
}

BOOST_AUTO_TEST_CASE(missing_or_invalid_method_is_400) {
    Params p = get("/");
    p.erase("REQUEST_METHOD");
    BOOST_TEST(statusOf(p) == 400);
    p["REQUEST_METHOD"] = "GE T";
    BOOST_TEST(statusOf(p) == 400);
}

BOOST_AUTO_TEST_CASE(path_is_percent_decoded_and_query_split_off) {
    Params p = get("/projects/caf%C3%A9%20bar/issues?status_id=o&sort=id%3Adesc");
    p.erase("QUERY_STRING");
    Request r = buildRequest(p, "", Limits{});
    BOOST_TEST(r.path == "/projects/caf\xC3\xA9 bar/issues");
    BOOST_TEST(r.rawQuery == "status_id=o&sort=id%3Adesc");
    BOOST_TEST(*r.queryValue("sort") == "id:desc");
}

BOOST_AUTO_TEST_CASE(plus_in_path_is_not_a_space) {
    BOOST_TEST(buildRequest(get("/wiki/C++"), "", Limits{}).path == "/wiki/C++");
}

BOOST_AUTO_TEST_CASE(query_string_param_wins_over_request_uri) {
    Params p = get("/issues?a=1");
    p["QUERY_STRING"] = "b=2";
    Request r = buildRequest(p, "", Limits{});
    BOOST_TEST(r.rawQuery == "b=2");
    BOOST_TEST(r.queryValue("a") == nullptr);
    BOOST_TEST(*r.queryValue("b") == "2");
}

BOOST_AUTO_TEST_CASE(absolute_form_request_uri_is_reduced_to_its_path) {
    Request r = buildRequest(get("http://example.org/issues/3?x=1#frag"), "", Limits{});
    BOOST_TEST(r.path == "/issues/3");
    BOOST_TEST(r.rawQuery == "x=1");
    BOOST_TEST(buildRequest(get("https://example.org"), "", Limits{}).path == "/");
}

BOOST_AUTO_TEST_CASE(bad_request_uri_is_400) {
    BOOST_TEST(statusOf(get("")) == 400);
    BOOST_TEST(statusOf(get("*")) == 400);
    BOOST_TEST(statusOf(get("/a%zz")) == 400);
    BOOST_TEST(statusOf(get("/a%00b")) == 400);
    BOOST_TEST(statusOf(get("/a%FF")) == 400);
    BOOST_TEST(statusOf(get("/a?q=%FF")) == 400);
}

BOOST_AUTO_TEST_CASE(repeated_query_keys_and_bracket_keys_stay_separate) {
    Request r = buildRequest(get("/issues?f[]=status_id&f[]=tracker_id&f=x"), "", Limits{});
    std::vector<std::string> brackets{"status_id", "tracker_id"};
    BOOST_TEST(r.queryValues("f[]") == brackets, boost::test_tools::per_element());
    BOOST_TEST(r.queryValues("f") == std::vector<std::string>{"x"}, boost::test_tools::per_element());
    BOOST_TEST(r.queryValues("nope").empty());
}

BOOST_AUTO_TEST_CASE(http_params_become_lower_case_dashed_headers) {
    Params p = get("/");
    p["HTTP_X_REDMINE_API_KEY"] = "k3y";
    p["HTTP_USER_AGENT"] = "curl/8";
    p["HTTP_HOST"] = "tickets.example.org";
    p["SERVER_NAME"] = "ignored";
    Request r = buildRequest(p, "", Limits{});
    BOOST_TEST(r.header("x-redmine-api-key") == "k3y");
    BOOST_TEST(r.header("user-agent") == "curl/8");
    BOOST_TEST(r.header("host") == "tickets.example.org");
    BOOST_TEST(r.header("server-name") == "");
    BOOST_TEST(r.headers.count("content-type") == 0u); // empty CONTENT_TYPE means absent
}

BOOST_AUTO_TEST_CASE(content_type_param_wins_over_http_twin) {
    Params p = post("/", "application/json", "{}");
    p["HTTP_CONTENT_TYPE"] = "text/plain";
    Request r = buildRequest(p, "{}", Limits{});
    BOOST_TEST(r.contentType() == "application/json");
}

BOOST_AUTO_TEST_CASE(header_with_invalid_utf8_is_400) {
    Params p = get("/");
    p["HTTP_USER_AGENT"] = "bad \xFF";
    BOOST_TEST(statusOf(p) == 400);
}

BOOST_AUTO_TEST_CASE(too_large_headers_are_431) {
    Params p = get("/");
    p["HTTP_X_BIG"] = std::string(200, 'x');
    Limits limits;
    limits.maxHeaderBytes = 100;
    BOOST_TEST(statusOf(p, "", limits) == 431);
}

BOOST_AUTO_TEST_CASE(cookies_are_parsed_leniently_even_with_bad_bytes) {
    Params p = get("/");
    p["HTTP_COOKIE"] = "other=\xFF\xFE; sid=abc";
    Request r = buildRequest(p, "", Limits{});
    BOOST_TEST(r.cookie("sid") == "abc");
    BOOST_TEST(r.cookie("other") == "");
}

BOOST_AUTO_TEST_CASE(https_flag_from_https_or_scheme) {
    Params p = get("/");
    BOOST_TEST(!buildRequest(p, "", Limits{}).https);
    p["HTTPS"] = "on";
    BOOST_TEST(buildRequest(p, "", Limits{}).https);
    p["HTTPS"] = "off";
    BOOST_TEST(!buildRequest(p, "", Limits{}).https);
    p.erase("HTTPS");
    p["REQUEST_SCHEME"] = "https";
    BOOST_TEST(buildRequest(p, "", Limits{}).https);
}

BOOST_AUTO_TEST_CASE(urlencoded_body_fills_form_and_keeps_body) {
    std::string body = "issue%5Bsubject%5D=Hi+there&notes=";
    Request r = buildRequest(post("/issues", "application/x-www-form-urlencoded; charset=UTF-8", body), body, Limits{});
    BOOST_TEST(*r.formValue("issue[subject]") == "Hi there");
    BOOST_TEST(*r.formValue("notes") == "");
    BOOST_TEST(r.body == body);
}

BOOST_AUTO_TEST_CASE(multipart_body_fills_form_and_files_and_drops_body) {
    std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
        "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\n\r\ndata\r\n--b--\r\n";
    Request r = buildRequest(post("/up", "multipart/form-data; boundary=b", body), body, Limits{});
    BOOST_TEST(*r.formValue("a") == "1");
    BOOST_REQUIRE(r.files.size() == 1u);
    BOOST_TEST(r.files[0].data == "data");
    BOOST_TEST(r.body.empty());
}

BOOST_AUTO_TEST_CASE(json_body_is_left_raw) {
    std::string body = "{\"issue\":{\"subject\":\"x\"}}";
    Request r = buildRequest(post("/issues.json", "application/json", body), body, Limits{});
    BOOST_TEST(r.form.empty());
    BOOST_TEST(r.body == body);
    BOOST_TEST(r.contentType() == "application/json");
}

BOOST_AUTO_TEST_CASE(content_length_mismatch_is_400) {
    Params p = post("/issues", "application/x-www-form-urlencoded", "a=1");
    BOOST_TEST(statusOf(p, "a=") == 400);
    BOOST_TEST(statusOf(p, "a=12") == 400);
    BOOST_TEST(statusOf(p, "a=1") == 0);
}

BOOST_AUTO_TEST_CASE(malformed_content_length_is_400) {
    for (const char* bad : {"-1", "+3", " 3", "3x", "99999999999999999999999"}) {
        Params p = post("/", "text/plain", "abc");
        p["CONTENT_LENGTH"] = bad;
        BOOST_TEST_INFO("Content-Length " << bad);
        BOOST_TEST(statusOf(p, "abc") == 400);
    }
}

BOOST_AUTO_TEST_CASE(body_over_max_body_is_413) {
    Limits limits;
    limits.maxBody = 4;
    BOOST_TEST(statusOf(post("/", "text/plain", "12345"), "12345", limits) == 413);
    Params p = get("/");
    BOOST_TEST(statusOf(p, "12345", limits) == 413); // without Content-Length too
}

BOOST_AUTO_TEST_CASE(bad_form_body_is_400) {
    BOOST_TEST(statusOf(post("/", "application/x-www-form-urlencoded", "a=%FF"), "a=%FF") == 400);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(http_request)

BOOST_AUTO_TEST_CASE(content_type_is_lower_cased_without_parameters) {
    Request r;
    BOOST_TEST(r.contentType() == "");
    r.headers["content-type"] = " Multipart/Form-Data ; boundary=X";
    BOOST_TEST(r.contentType() == "multipart/form-data");
}

BOOST_AUTO_TEST_CASE(query_value_returns_the_first_of_repeated_keys) {
    Request r;
    r.query.emplace("a", "first");
    r.query.emplace("a", "second");
    BOOST_TEST(*r.queryValue("a") == "first");
    BOOST_TEST(r.queryValue("b") == nullptr);
}

BOOST_AUTO_TEST_CASE(param_prefers_route_then_query_then_form) {
    Request r;
    r.form.emplace("id", "form");
    BOOST_TEST(r.param("id") == "form");
    r.query.emplace("id", "query");
    BOOST_TEST(r.param("id") == "query");
    r.params["id"] = "route";
    BOOST_TEST(r.param("id") == "route");
    BOOST_TEST(r.param("missing", "dflt") == "dflt");
}

BOOST_AUTO_TEST_SUITE_END()
