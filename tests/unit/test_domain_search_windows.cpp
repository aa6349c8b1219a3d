// The search walk over index windows: every window once, newest first, widening over text
// without the words and counting where they are; the windowed boolean query; and reading back
// the words SQL marked.
#include "core/domain/search_windows.hpp"

#include <boost/test/unit_test.hpp>

#include <limits>
#include <string>
#include <vector>

using namespace ticketflow::domain;
using Words = std::vector<std::string>;

namespace {

/// Every step of a walk whose steps all find nothing.
std::vector<WindowStep> walkAll(unsigned newestIssueId) {
    SearchWalk walk(newestIssueId);
    std::vector<WindowStep> steps;
    while (auto step = walk.next(101)) steps.push_back(*step);
    return steps;
}

unsigned width(const WindowStep& s) {
    return s.high - s.low + 1;
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_search_windows)

BOOST_AUTO_TEST_CASE(windows_are_runs_of_16384_issue_ids) {
    BOOST_TEST(searchWindowOf(0) == 0u);
    BOOST_TEST(searchWindowOf(16383) == 0u);
    BOOST_TEST(searchWindowOf(16384) == 1u);
    BOOST_TEST(searchWindowOf(1000000) == 61u);
    BOOST_TEST(firstIssueOfWindow(61) == 999424u);
    BOOST_TEST(lastIssueOfWindow(61) == 1015807u);
    const unsigned top = searchWindowOf(std::numeric_limits<unsigned>::max());
    BOOST_TEST(top == 262143u);
    BOOST_TEST(lastIssueOfWindow(top) == std::numeric_limits<unsigned>::max());
}

BOOST_AUTO_TEST_CASE(the_walk_covers_every_window_once_newest_first_widening_while_it_finds_nothing) {
    const auto steps = walkAll(1109289); // window 67
    BOOST_REQUIRE(steps.size() >= 4u);
    BOOST_TEST(steps.front().high == 67u);
    BOOST_TEST(steps.back().low == 0u);
    unsigned expectedHigh = 67;
    for (const auto& s : steps) {
        BOOST_TEST_CONTEXT("step " << s.high << ".." << s.low) {
            BOOST_TEST(s.high == expectedHigh);
            BOOST_TEST(s.low <= s.high);
            BOOST_TEST(width(s) <= kMaxWindowsPerStep);
            expectedHigh = s.low - 1;
        }
    }
    BOOST_TEST(width(steps[0]) == 1u);
    BOOST_TEST(width(steps[1]) == 2u);
    BOOST_TEST(width(steps[2]) == 4u);
    BOOST_TEST(width(steps[3]) == 8u);
    BOOST_TEST(width(steps[4]) == 8u);
    BOOST_TEST(steps[3].firstIssue() == firstIssueOfWindow(53));
    BOOST_TEST(steps[3].lastIssue() == lastIssueOfWindow(60));
}

BOOST_AUTO_TEST_CASE(where_the_words_are_the_walk_counts_one_window_then_asks_what_the_rest_needs) {
    SearchWalk walk(1109289);
    BOOST_TEST(width(*walk.next(101)) == 1u);    // 67
    BOOST_TEST(width(*walk.next(101, 0)) == 2u); // 66..65
    BOOST_TEST(width(*walk.next(101, 0)) == 4u); // 64..61
    // 59 issues in 4 windows (the words begin somewhere in them): count one window.
    const auto counting = walk.next(42, 59);
    BOOST_TEST(counting->high == 60u);
    BOOST_TEST(width(*counting) == 1u);
    // 10 issues in that window: 32 more want 4 windows.
    BOOST_TEST(width(*walk.next(32, 10)) == 4u);
    // Some found by a wide step: count again.
    BOOST_TEST(width(*walk.next(30, 2)) == 1u);
    // 1 issue in a window: 30 more want more windows than a step may ask.
    BOOST_TEST(width(*walk.next(30, 1)) == kMaxWindowsPerStep);
    // Nothing found: twice as wide, never wider than the cap.
    BOOST_TEST(width(*walk.next(30, 0)) == kMaxWindowsPerStep);
}

BOOST_AUTO_TEST_CASE(a_wide_walk_takes_the_widest_steps_whatever_it_finds) {
    SearchWalk walk(1109289, true);
    BOOST_TEST(walk.next(101)->low == 60u);
    BOOST_TEST(walk.next(100, 1)->low == 52u);
    BOOST_TEST(walk.next(50, 50)->low == 44u);
}

BOOST_AUTO_TEST_CASE(a_small_database_is_one_step_over_window_zero) {
    const auto steps = walkAll(42);
    BOOST_REQUIRE(steps.size() == 1u);
    BOOST_TEST(steps[0].high == 0u);
    BOOST_TEST(steps[0].low == 0u);
    BOOST_TEST(steps[0].firstIssue() == 0u);
    BOOST_TEST(steps[0].lastIssue() == 16383u);
    BOOST_TEST(walkAll(0).size() == 1u); // no issues yet: window 0, which finds nothing
}

BOOST_AUTO_TEST_CASE(every_word_is_required_within_one_window_of_the_step) {
    BOOST_TEST(windowedQuery({"crash", "pdf"}, {3, 2}) == "(+crash_3 +pdf_3) (+crash_2 +pdf_2)");
    BOOST_TEST(windowedQuery({"citrix"}, {61, 61}) == "(+citrix_61)");
}

BOOST_AUTO_TEST_CASE(a_customers_search_asks_their_term_first_in_every_window) {
    BOOST_TEST(customerTerm(17, 61) == "cust17w61");
    BOOST_TEST(windowedQuery({"crash", "pdf"}, {3, 2}, 17u) ==
               "(+cust17w3 +crash_3 +pdf_3) (+cust17w2 +crash_2 +pdf_2)");
    // No indexed word looks like a customer term: those all end in "_" and the window.
    BOOST_TEST(customerTerm(17, 61).find('_') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(marked_words_are_read_back_without_what_lies_between) {
    // What search_terms('Citrix e1042 ab', '+', '#') returns: short words stay unmarked.
    BOOST_TEST(markedWords("+citrix_# +e1042_# ab", '+', "#") == (Words{"citrix", "e1042"}),
               boost::test_tools::per_element());
    // A character that separates words for the index but not for the search box (Arabic comma).
    BOOST_TEST(markedWords("+abc_#\u060C+def_#", '+', "#") == (Words{"abc", "def"}), boost::test_tools::per_element());
    BOOST_TEST(markedWords("+crash_# +crash_#", '+', "#") == Words{"crash"}, boost::test_tools::per_element());
    BOOST_TEST(markedWords("+r\u00E9sum\u00E9_#", '+', "#") == Words{"r\u00E9sum\u00E9"},
               boost::test_tools::per_element());
    BOOST_TEST(markedWords("ab cd", '+', "#").empty());
    BOOST_TEST(markedWords("", '+', "#").empty());
    BOOST_TEST(markedWords("+unterminated", '+', "#").empty());
}

BOOST_AUTO_TEST_SUITE_END()
