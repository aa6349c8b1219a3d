// CSV fields: RFC 4180 quoting, and values a spreadsheet would run as formulas kept as text.
#include "core/domain/csv.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(domain_csv)

BOOST_AUTO_TEST_CASE(plain_values_stay_as_they_are) {
    BOOST_TEST(csvField("") == "");
    BOOST_TEST(csvField("Printer crashes") == "Printer crashes");
    BOOST_TEST(csvField("Gr\u00F6\u00DFe") == "Gr\u00F6\u00DFe");
    BOOST_TEST(csvField("2026-11-26 19:41") == "2026-11-26 19:41");
    BOOST_TEST(csvField("O'Brien") == "O'Brien");
}

BOOST_AUTO_TEST_CASE(separators_quotes_and_line_breaks_are_quoted) {
    BOOST_TEST(csvField("a,b") == "\"a,b\"");
    BOOST_TEST(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    BOOST_TEST(csvField("two\r\nlines") == "\"two\r\nlines\"");
    BOOST_TEST(csvField("line\nbreak") == "\"line\nbreak\"");
}

BOOST_AUTO_TEST_CASE(formula_starts_are_prefixed_with_an_apostrophe) {
    const std::vector<std::pair<std::string, std::string>> rows{
        {"=1+1", "'=1+1"},
        {"+49 30 1234", "'+49 30 1234"},
        {"-2", "'-2"},
        {"@SUM(A1:A2)", "'@SUM(A1:A2)"},
        {"\tcmd", "'\tcmd"},
        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
        {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
        {"\r=1", "\"'\r=1\""},
        {"a=1", "a=1"}, // only the first character makes a formula
    };
    for (const auto& [input, expected] : rows) {
        BOOST_TEST_CONTEXT("input " << input) {
            BOOST_TEST(csvField(input) == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(records_join_fields_with_commas_and_end_with_crlf) {
    BOOST_TEST(csvRecord({"#", "Subject"}) == "#,Subject\r\n");
    BOOST_TEST(csvRecord({"12", "a,b", "", "=x"}) == "12,\"a,b\",,'=x\r\n");
    BOOST_TEST(csvRecord({}) == "\r\n");
    BOOST_TEST(kUtf8Bom == "\xEF\xBB\xBF");
}

BOOST_AUTO_TEST_SUITE_END()
