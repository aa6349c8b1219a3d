// Unit tests of Response, reasonPhrase and applySecurityHeaders (fcgi/http).
#include "fcgi/http/response.hpp"
#include "fcgi/http/security_headers.hpp"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

using namespace ticketflow::http;

namespace {

std::vector<std::string> setCookies(const Response& r) {
    std::vector<std::string> out;
    for (const auto& [name, value] : r.headers())
        if (name == "Set-Cookie") out.push_back(value);
    return out;
}

std::string cookieLine(std::string_view name, std::string_view value, const CookieOptions& o) {
    Response r;
    r.setCookie(name, value, o);
    return setCookies(r).at(0);
}

} // namespace

BOOST_AUTO_TEST_SUITE(http_response)

BOOST_AUTO_TEST_CASE(serialize_writes_status_headers_defaults_and_body) {
    Response r;
    r.status = 404;
    r.setHeader("X-Test", "1");
    r.body = "<p>gone</p>";
    BOOST_TEST(r.serialize() ==
               "Status: 404 Not Found\r\nX-Test: 1\r\nContent-Type: text/html; charset=utf-8\r\n"
               "Content-Length: 11\r\n\r\n<p>gone</p>");
}

BOOST_AUTO_TEST_CASE(serialize_keeps_a_handler_content_type_and_computes_length_itself) {
    Response r;
    r.setHeader("content-type", "application/json");
    r.setHeader("Content-Length", "999");
    r.body = "{}";
    BOOST_TEST(r.serialize() == "Status: 200 OK\r\ncontent-type: application/json\r\nContent-Length: 2\r\n\r\n{}");
}

BOOST_AUTO_TEST_CASE(head_only_serialization_keeps_length_but_drops_body) {
    Response r;
    r.body = "hello";
    std::string s = r.serialize(true);
    BOOST_TEST(s.find("Content-Length: 5\r\n") != std::string::npos);
    BOOST_TEST(s.substr(s.size() - 4) == "\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(no_content_and_not_modified_have_no_body_headers) {
    Response r;
    r.status = 204;
    r.body = "ignored";
    r.setHeader("Content-Type", "text/plain");
    BOOST_TEST(r.serialize() == "Status: 204 No Content\r\n\r\n");
    r.status = 304;
    BOOST_TEST(r.serialize() == "Status: 304 Not Modified\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(out_of_range_status_is_sent_as_500) {
    Response r;
    r.status = 42;
    BOOST_TEST(r.serialize().rfind("Status: 500 Internal Server Error\r\n", 0) == 0);
}

BOOST_AUTO_TEST_CASE(reason_phrases_cover_common_and_unknown_codes) {
    BOOST_TEST(reasonPhrase(200) == "OK");
    BOOST_TEST(reasonPhrase(303) == "See Other");
    BOOST_TEST(reasonPhrase(413) == "Payload Too Large");
    BOOST_TEST(reasonPhrase(431) == "Request Header Fields Too Large");
    BOOST_TEST(reasonPhrase(499) == "Client Error");
    BOOST_TEST(reasonPhrase(999) == "Unknown");
}

BOOST_AUTO_TEST_CASE(header_injection_is_rejected) {
    Response r;
    BOOST_CHECK_THROW(r.setHeader("X-A", "v\r\nSet-Cookie: evil=1"), std::invalid_argument);
    BOOST_CHECK_THROW(r.setHeader("X-A", "v\nx"), std::invalid_argument);
    BOOST_CHECK_THROW(r.setHeader("X-A", "v\rx"), std::invalid_argument);
    BOOST_CHECK_THROW(r.addHeader("X-A", std::string("v\0x", 3)), std::invalid_argument);
    BOOST_CHECK_THROW(r.addHeader("X-A\r\nB", "v"), std::invalid_argument);
    BOOST_CHECK_THROW(r.addHeader("X A", "v"), std::invalid_argument);
    BOOST_CHECK_THROW(r.addHeader("", "v"), std::invalid_argument);
    BOOST_CHECK_THROW(r.setHeader("Status", "200 OK"), std::invalid_argument);
    BOOST_CHECK_THROW(r.redirect("/ok\r\nX: y"), std::invalid_argument);
    BOOST_TEST(r.headers().empty());
    BOOST_CHECK_NO_THROW(r.setHeader("X-Tab", "a\tb"));
}

BOOST_AUTO_TEST_CASE(set_header_replaces_case_insensitively_and_add_header_appends) {
    Response r;
    r.addHeader("X-A", "1");
    r.addHeader("X-B", "2");
    r.addHeader("x-a", "3");
    r.setHeader("X-a", "4");
    BOOST_REQUIRE(r.headers().size() == 2u);
    BOOST_TEST(r.headers()[0].second == "4");
    BOOST_TEST(r.headers()[1].first == "X-B");
    BOOST_TEST(*r.header("X-A") == "4");
    BOOST_TEST(!r.header("X-C"));
    r.removeHeader("x-b");
    BOOST_TEST(r.headers().size() == 1u);
}

BOOST_AUTO_TEST_CASE(default_cookie_is_httponly_lax_session_on_root) {
    BOOST_TEST(cookieLine("sid", "abc", CookieOptions{}) == "sid=abc; Path=/; HttpOnly; SameSite=Lax");
}

BOOST_AUTO_TEST_CASE(cookie_flags_secure_strict_and_lifetime) {
    CookieOptions o;
    o.secure = true;
    o.sameSite = "strict";
    o.maxAgeSeconds = 3600;
    o.path = "/app";
    BOOST_TEST(cookieLine("sid", "abc", o) == "sid=abc; Path=/app; Max-Age=3600; Secure; HttpOnly; SameSite=Strict");
}

BOOST_AUTO_TEST_CASE(deleting_a_cookie_sends_max_age_zero_and_past_expiry) {
    CookieOptions o;
    o.maxAgeSeconds = 0;
    o.httpOnly = false;
    o.sameSite = "";
    BOOST_TEST(cookieLine("sid", "", o) == "sid=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
}

BOOST_AUTO_TEST_CASE(same_site_none_requires_secure) {
    CookieOptions o;
    o.sameSite = "None";
    BOOST_CHECK_THROW(cookieLine("a", "b", o), std::invalid_argument);
    o.secure = true;
    BOOST_TEST(cookieLine("a", "b", o) == "a=b; Path=/; Secure; HttpOnly; SameSite=None");
    o.sameSite = "Sometimes";
    BOOST_CHECK_THROW(cookieLine("a", "b", o), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(cookie_name_and_value_characters_are_validated) {
    CookieOptions o;
    for (const char* badValue : {"a b", "a;b", "a,b", "a\"b", "a\\b", "a\r\nb", "\xC3\xA9"}) {
        BOOST_TEST_INFO("value " << badValue);
        BOOST_CHECK_THROW(cookieLine("n", badValue, o), std::invalid_argument);
    }
    for (const char* badName : {"", "a b", "a=b", "a;b", "a\nb"}) {
        BOOST_TEST_INFO("name " << badName);
        BOOST_CHECK_THROW(cookieLine(badName, "v", o), std::invalid_argument);
    }
    o.path = "/a;Domain=evil";
    BOOST_CHECK_THROW(cookieLine("n", "v", o), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(cookie_prefixes_are_enforced) {
    CookieOptions o;
    BOOST_CHECK_THROW(cookieLine("__Host-sid", "v", o), std::invalid_argument);
    BOOST_CHECK_THROW(cookieLine("__Secure-sid", "v", o), std::invalid_argument);
    o.secure = true;
    BOOST_CHECK_NO_THROW(cookieLine("__Host-sid", "v", o));
    o.path = "/app";
    BOOST_CHECK_THROW(cookieLine("__Host-sid", "v", o), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(several_cookies_give_several_set_cookie_headers) {
    Response r;
    r.setCookie("a", "1", CookieOptions{});
    r.setCookie("b", "2", CookieOptions{});
    BOOST_TEST(setCookies(r).size() == 2u);
}

BOOST_AUTO_TEST_CASE(redirect_sets_location_status_and_empty_body) {
    Response r;
    r.body = "old";
    r.redirect("/issues/12");
    BOOST_TEST(r.status == 303);
    BOOST_TEST(*r.header("Location") == "/issues/12");
    BOOST_TEST(r.body.empty());
    r.redirect("/login", 302);
    BOOST_TEST(r.status == 302);
    BOOST_TEST(r.headers().size() == 1u);
    BOOST_CHECK_THROW(r.redirect("/x", 200), std::invalid_argument);
    BOOST_CHECK_THROW(r.redirect("", 303), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(http_security_headers)

BOOST_AUTO_TEST_CASE(adds_all_defences_to_a_plain_response) {
    Response r;
    applySecurityHeaders(r);
    BOOST_TEST(*r.header("Content-Security-Policy") ==
               "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    BOOST_TEST(*r.header("X-Content-Type-Options") == "nosniff");
    BOOST_TEST(*r.header("X-Frame-Options") == "DENY");
    BOOST_TEST(*r.header("Referrer-Policy") == "same-origin");
    BOOST_TEST(*r.header("Cross-Origin-Opener-Policy") == "same-origin");
}

BOOST_AUTO_TEST_CASE(keeps_headers_the_handler_set) {
    Response r;
    r.setHeader("content-security-policy", "default-src 'none'");
    applySecurityHeaders(r);
    applySecurityHeaders(r);
    BOOST_TEST(*r.header("Content-Security-Policy") == "default-src 'none'");
    BOOST_TEST(r.headers().size() == 5u);
}

BOOST_AUTO_TEST_SUITE_END()
