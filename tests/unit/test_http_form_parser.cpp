// Unit tests of percentDecode, parseUrlEncoded, parseCookies and the UTF-8 check (fcgi/http).
#include "fcgi/http/form_parser.hpp"
#include "fcgi/http/http_error.hpp"
#include "fcgi/http/text.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::http;

namespace {

// The status of the HttpError `f` throws, or 0 if it throws none.
template <class F>
int statusOf(F&& f) {
    try {
        f();
    } catch (const HttpError& e) {
        return e.status();
    }
    return 0;
}

template <class F>
std::string messageOf(F&& f) {
    try {
        f();
    } catch (const HttpError& e) {
        return e.what();
    }
    return {};
}

using Fields = std::multimap<std::string, std::string>;

std::vector<std::pair<std::string, std::string>> pairs(const Fields& m) {
    return {m.begin(), m.end()};
}

} // namespace

BOOST_AUTO_TEST_SUITE(http_percent_decode)

BOOST_AUTO_TEST_CASE(decodes_escapes_of_either_case) {
    BOOST_TEST(percentDecode("a%20b%2fc%2Fd", false) == "a b/c/d");
}

BOOST_AUTO_TEST_CASE(plus_is_space_only_in_form_mode) {
    BOOST_TEST(percentDecode("a+b", true) == "a b");
    BOOST_TEST(percentDecode("a+b", false) == "a+b");
    BOOST_TEST(percentDecode("a%2Bb", true) == "a+b");
}

BOOST_AUTO_TEST_CASE(decodes_multibyte_utf8) {
    BOOST_TEST(percentDecode("%C3%A9t%C3%A9", false) == "\xC3\xA9t\xC3\xA9");
    BOOST_TEST(percentDecode("%F0%9F%98%80", false) == "\xF0\x9F\x98\x80");
    BOOST_TEST(percentDecode("\xC3\xA9", false) == "\xC3\xA9"); // raw UTF-8 passes through
}

BOOST_AUTO_TEST_CASE(bad_escapes_are_400) {
    for (const char* bad : {"%", "%2", "a%zz", "%g0", "%0g", "100%", "%%41"}) {
        BOOST_TEST_INFO("input " << bad);
        BOOST_TEST(statusOf([&] { percentDecode(bad, false); }) == 400);
    }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_after_decoding_is_400) {
    for (const char* bad : {"%FF", "%C3", "%C3%28", "%C0%AF" /* overlong '/' */, "%ED%A0%80" /* surrogate */,
                            "%F4%90%80%80" /* > U+10FFFF */, "%E2%82" /* truncated */}) {
        BOOST_TEST_INFO("input " << bad);
        BOOST_TEST(messageOf([&] { percentDecode(bad, false); }).find("not valid UTF-8") != std::string::npos);
    }
    BOOST_TEST(statusOf([] { percentDecode("\xFF", false); }) == 400);
}

BOOST_AUTO_TEST_CASE(nul_byte_is_400) {
    BOOST_TEST(statusOf([] { percentDecode("a%00b", false); }) == 400);
}

BOOST_AUTO_TEST_CASE(utf8_validator_accepts_boundaries_and_rejects_overlongs) {
    BOOST_TEST(isValidUtf8(""));
    BOOST_TEST(isValidUtf8("\x7F"));
    BOOST_TEST(isValidUtf8("\xC2\x80"));
    BOOST_TEST(isValidUtf8("\xEF\xBF\xBF"));
    BOOST_TEST(isValidUtf8("\xF4\x8F\xBF\xBF"));
    BOOST_TEST(!isValidUtf8("\xC1\xBF"));
    BOOST_TEST(!isValidUtf8("\xE0\x9F\xBF"));
    BOOST_TEST(!isValidUtf8("\xF0\x8F\xBF\xBF"));
    BOOST_TEST(!isValidUtf8("\x80"));
    BOOST_TEST(!isValidUtf8("\xF5\x80\x80\x80"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(http_urlencoded)

BOOST_AUTO_TEST_CASE(keeps_repeated_keys_in_order) {
    Fields f = parseUrlEncoded("a=1&b=2&a=3", Limits{});
    using P = std::pair<std::string, std::string>;
    std::vector<P> expected{{"a", "1"}, {"a", "3"}, {"b", "2"}};
    BOOST_TEST((pairs(f) == expected));
}

BOOST_AUTO_TEST_CASE(empty_values_and_missing_equals_give_empty_strings) {
    Fields f = parseUrlEncoded("a=&b&c=x=y", Limits{});
    BOOST_TEST(f.find("a")->second == "");
    BOOST_TEST(f.find("b")->second == "");
    BOOST_TEST(f.find("c")->second == "x=y");
}

BOOST_AUTO_TEST_CASE(empty_pairs_and_empty_names_are_skipped) {
    BOOST_TEST(parseUrlEncoded("", Limits{}).empty());
    BOOST_TEST(parseUrlEncoded("&&", Limits{}).empty());
    Fields f = parseUrlEncoded("&a=1&&=2&", Limits{});
    BOOST_TEST(f.size() == 1u);
    BOOST_TEST(f.count("a") == 1u);
}

BOOST_AUTO_TEST_CASE(decodes_names_and_values_with_plus_as_space) {
    Fields f = parseUrlEncoded("issue%5Bsubject%5D=Hello+world%21&f%5B%5D=status_id", Limits{});
    BOOST_TEST(f.find("issue[subject]")->second == "Hello world!");
    BOOST_TEST(f.find("f[]")->second == "status_id");
}

BOOST_AUTO_TEST_CASE(too_many_fields_is_413) {
    Limits limits;
    limits.maxFields = 3;
    BOOST_TEST(parseUrlEncoded("a=1&b=2&c=3", limits).size() == 3u);
    BOOST_TEST(statusOf([&] { parseUrlEncoded("a=1&b=2&c=3&d=4", limits); }) == 413);
}

BOOST_AUTO_TEST_CASE(oversized_name_or_value_is_413) {
    Limits limits;
    limits.maxFieldSize = 4;
    BOOST_TEST(parseUrlEncoded("abcd=%41%42%43%44", limits).size() == 1u); // decoded size counts
    BOOST_TEST(statusOf([&] { parseUrlEncoded("a=12345", limits); }) == 413);
    BOOST_TEST(statusOf([&] { parseUrlEncoded("abcde=1", limits); }) == 413);
}

BOOST_AUTO_TEST_CASE(oversized_input_is_413) {
    Limits limits;
    limits.maxBody = 10;
    BOOST_TEST(statusOf([&] { parseUrlEncoded("a=1234567890", limits); }) == 413);
}

BOOST_AUTO_TEST_CASE(bad_escape_or_utf8_in_any_field_is_400) {
    BOOST_TEST(statusOf([] { parseUrlEncoded("a=1&b=%zz", Limits{}); }) == 400);
    BOOST_TEST(statusOf([] { parseUrlEncoded("%FF=1", Limits{}); }) == 400);
    BOOST_TEST(statusOf([] { parseUrlEncoded("a=%00", Limits{}); }) == 400);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(http_cookies)

BOOST_AUTO_TEST_CASE(parses_pairs_with_spaces_around) {
    auto c = parseCookies("  sid=abc123 ;lang=fr;  theme = dark ");
    BOOST_TEST(c.size() == 3u);
    BOOST_TEST(c["sid"] == "abc123");
    BOOST_TEST(c["lang"] == "fr");
    BOOST_TEST(c["theme"] == "dark");
}

BOOST_AUTO_TEST_CASE(strips_surrounding_quotes) {
    auto c = parseCookies("a=\"quoted value\"; b=\"\"");
    BOOST_TEST(c["a"] == "quoted value");
    BOOST_TEST(c.count("b") == 1u);
    BOOST_TEST(c["b"] == "");
}

BOOST_AUTO_TEST_CASE(ignores_junk_and_keeps_the_good_pairs) {
    auto c = parseCookies("junk; =novalue; bad name=1; a=\"unterminated; ctl=x\x01y; utf=\xFF; ok=1;;");
    BOOST_TEST(c.size() == 1u);
    BOOST_TEST(c["ok"] == "1");
}

BOOST_AUTO_TEST_CASE(first_of_same_name_wins) {
    auto c = parseCookies("sid=specific; sid=general");
    BOOST_TEST(c["sid"] == "specific");
}

BOOST_AUTO_TEST_CASE(values_are_not_percent_decoded_and_may_contain_equals) {
    auto c = parseCookies("t=a%20b==");
    BOOST_TEST(c["t"] == "a%20b==");
}

BOOST_AUTO_TEST_CASE(empty_header_gives_no_cookies) {
    BOOST_TEST(parseCookies("").empty());
    BOOST_TEST(parseCookies(" ; ; ").empty());
}

BOOST_AUTO_TEST_SUITE_END()
