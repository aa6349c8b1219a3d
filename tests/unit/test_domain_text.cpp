// Unit tests of the pure text helpers: trimming, UTF-8 checks, control characters, ids.
#include <boost/test/unit_test.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "core/domain/text.hpp"

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(domain_text)

BOOST_AUTO_TEST_CASE(trim_removes_ascii_and_unicode_spaces_at_both_ends_only) {
    const std::vector<std::pair<std::string, std::string>> rows{
        {"", ""},
        {"   ", ""},
        {" a b ", "a b"},
        {"\t\r\n a\n", "a"},
        {"\u00A0note\u00A0", "note"},
        {"\u3000\u2003x\u200B\uFEFF", "x"},
        {"\u00E9", "\u00E9"}, // a letter, not a space
        {"a\u00A0b", "a\u00A0b"},
        {"\xff ", "\xff"}, // broken bytes stay
    };
    for (const auto& [input, expected] : rows) {
        BOOST_TEST_CONTEXT("'" << input << "'") {
            BOOST_TEST(std::string(trim(input)) == expected);
            BOOST_TEST(isBlank(input) == expected.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(utf8_validity_follows_the_unicode_well_formed_table) {
    const std::vector<std::pair<std::string, bool>> rows{
        {"", true},
        {"plain ascii", true},
        {"\u00E9\u20AC\U0001F600", true},
        {"\xC3", false},             // truncated
        {"\xC0\xAF", false},         // overlong '/'
        {"\xE0\x80\xAF", false},     // overlong
        {"\xED\xA0\x80", false},     // surrogate
        {"\xF4\x90\x80\x80", false}, // above U+10FFFF
        {"\xF8\x88\x80\x80\x80", false},
        {"\x80", false},        // lone continuation
        {"\xEF\xBB\xBF", true}, // BOM is a character
    };
    for (const auto& [input, valid] : rows) {
        BOOST_TEST_CONTEXT("row of " << input.size() << " bytes") {
            BOOST_TEST(isValidUtf8(input) == valid);
        }
    }
}

BOOST_AUTO_TEST_CASE(length_counts_code_points) {
    BOOST_TEST(utf8Length("") == 0u);
    BOOST_TEST(utf8Length("abc") == 3u);
    BOOST_TEST(utf8Length("\u00E9t\u00E9") == 3u);
    BOOST_TEST(utf8Length("\U0001F600") == 1u);
    BOOST_TEST(utf8Length("\xff\xfe") == 2u);
}

BOOST_AUTO_TEST_CASE(control_characters_are_c0_del_and_c1_with_line_breaks_optional) {
    const std::vector<std::tuple<std::string, bool, bool>> rows{
        // text, found when single-line, found when line breaks are allowed
        {"plain", false, false},
        {"a\tb", true, false},
        {"a\nb\r\n", true, false},
        {std::string("a\0b", 3), true, true},
        {"bell\x07", true, true},
        {"del\x7f", true, true},
        {"c1\u0085", true, true},
        {"c1\u009F", true, true},
        {"nbsp\u00A0 is fine", false, false},
    };
    for (const auto& [input, single, multi] : rows) {
        BOOST_TEST_CONTEXT("row of " << input.size() << " bytes") {
            BOOST_TEST(hasControlCharacters(input) == single);
            BOOST_TEST(hasControlCharacters(input, true) == multi);
        }
    }
}

BOOST_AUTO_TEST_CASE(split_keeps_empty_pieces) {
    const std::vector<std::string_view> pieces{"a", "", "b", ""};
    BOOST_TEST(split("a||b|", '|') == pieces, boost::test_tools::per_element());
    BOOST_TEST(split("", '|').size() == 1u);
}

BOOST_AUTO_TEST_CASE(ids_are_positive_decimal_numbers_within_32_bits) {
    const std::vector<std::pair<std::string, unsigned>> rows{
        // 0 = rejected
        {"1", 1},          {"42", 42},
        {"007", 7},        {"4294967295", 4294967295u},
        {"0", 0},          {"", 0},
        {"-1", 0},         {"+1", 0},
        {" 1", 0},         {"1 ", 0},
        {"1e3", 0},        {"0x10", 0},
        {"4294967296", 0}, {"99999999999999999999", 0},
    };
    for (const auto& [input, expected] : rows) {
        BOOST_TEST_CONTEXT("'" << input << "'") {
            BOOST_TEST(parseId(input).value_or(0) == expected);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
