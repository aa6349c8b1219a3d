// Search text to FULLTEXT words: operators and punctuation never reach MariaDB, unsearchable
// words are named, and nothing-to-search gives a message instead of a failing statement.
#include "core/domain/search_terms.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace ticketflow::domain;
using Words = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(domain_search_terms)

BOOST_AUTO_TEST_CASE(words_are_split_and_lower_cased) {
    const auto terms = parseSearchTerms("  Printer CRASH export ");
    BOOST_REQUIRE(terms.ok());
    BOOST_TEST(terms.words == (Words{"printer", "crash", "export"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(boolean_operators_and_punctuation_only_separate_words) {
    const std::vector<std::pair<std::string, Words>> rows{
        {"+crash -export", {"crash", "export"}},
        {"\"exporting pdf\"", {"exporting", "pdf"}},
        {"crash* (export) <pdf> ~mail @3 licence@8", {"crash", "export", "pdf", "mail", "licence"}},
        {"E1042: record-locked!", {"e1042", "record", "locked"}},
        {"db_pool.max", {"db_pool", "max"}},
        {"a'b''c'; DROP TABLE issues; --", {"drop", "table", "issues"}},
        {"\u00ABcrash\u00BB \u2014 \u201Cexport\u201D\u2026", {"crash", "export"}},
        {"r\u00E9sum\u00E9 Gr\u00F6\u00DFe", {"r\u00E9sum\u00E9", "gr\u00F6\u00DFe"}},
        {"crash\U0001F600export", {"crash", "export"}},
    };
    for (const auto& [input, expected] : rows) {
        BOOST_TEST_CONTEXT("input " << input) {
            const auto terms = parseSearchTerms(input);
            BOOST_TEST(terms.ok());
            BOOST_TEST(terms.words == expected, boost::test_tools::per_element());
            for (const auto& w : terms.words) BOOST_TEST(w.find_first_of("+-<>()~*\"@'; ") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(short_long_and_stop_words_are_ignored_and_named) {
    const auto terms = parseSearchTerms("the printer is on fire with a pdf");
    BOOST_REQUIRE(terms.ok());
    BOOST_TEST(terms.words == (Words{"printer", "fire", "pdf"}), boost::test_tools::per_element());
    BOOST_TEST(terms.ignored == (Words{"the", "is", "on", "with", "a"}), boost::test_tools::per_element());
    // 77 characters and the window suffix ("_262143" at most) fit InnoDB's 84.
    const std::string longWord(78, 'x');
    const auto tooLong = parseSearchTerms("crash " + longWord);
    BOOST_TEST(tooLong.words == Words{"crash"}, boost::test_tools::per_element());
    BOOST_TEST(tooLong.ignored == Words{longWord}, boost::test_tools::per_element());
    BOOST_TEST(parseSearchTerms(std::string(77, 'y')).ok());
}

BOOST_AUTO_TEST_CASE(repeated_words_are_searched_once) {
    const auto terms = parseSearchTerms("Crash crash CRASH export");
    BOOST_TEST(terms.words == (Words{"crash", "export"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nothing_searchable_gives_a_message_and_no_words) {
    for (const std::string input : {"+", "+-<>()~*\"@", "!!! ???", "a an to", "the with",
                                    "\U0001F600\U0001F600\U0001F600", "db ok", "\xff\xfe\xfd"}) {
        BOOST_TEST_CONTEXT("input " << input) {
            const auto terms = parseSearchTerms(input);
            BOOST_TEST(!terms.ok());
            BOOST_TEST(terms.words.empty());
            BOOST_TEST(terms.error.find("Nothing to search for") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(blank_too_long_and_too_many_words_are_refused) {
    BOOST_TEST(parseSearchTerms("  \t ").error == "Enter a word to search for.");
    const auto longText = parseSearchTerms(std::string(256, 'a'));
    BOOST_TEST(longText.error.find("too long") != std::string::npos);
    BOOST_TEST(parseSearchTerms(std::string(255, 'a')).ok() == false); // one word of 255 > 77: ignored
    const auto many = parseSearchTerms("one two six ten red blue green brown black");
    BOOST_TEST(!many.ok());
    BOOST_TEST(many.error.find("at most 8") != std::string::npos);
    BOOST_TEST(many.words.empty());
    BOOST_TEST(parseSearchTerms("one two six ten red blue green brown").ok());
}

BOOST_AUTO_TEST_CASE(length_counts_characters_not_bytes) {
    // Three characters of two bytes each reach the minimum; "\u00FC" alone (2 bytes) does not.
    BOOST_TEST(parseSearchTerms("\u00FC\u00E4\u00F6").ok());
    BOOST_TEST(!parseSearchTerms("\u00FC\u00E4").ok());
    BOOST_TEST(parseSearchTerms(std::string(100, ' ') + "crash" + std::string(100, ' ')).ok());
}

BOOST_AUTO_TEST_CASE(stopwords_are_innodbs_default_list) {
    for (const char* w : {"the", "about", "with", "und", "www", "what"}) BOOST_TEST(isFulltextStopword(w));
    for (const char* w : {"crash", "then", "printer"}) BOOST_TEST(!isFulltextStopword(w));
}

BOOST_AUTO_TEST_SUITE_END()
