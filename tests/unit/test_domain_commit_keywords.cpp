// Commit message keywords: which issues "fixes #12, #13 and refs #14" closes and which it
// only notes, in message order and each once; ids in words, URLs or without a keyword are not
// taken; a message cannot make a commit touch more than kMaxIssuesPerCommit issues.
#include "core/domain/commit_keywords.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace ticketflow::domain;

namespace {

/// "F12 R14": fixed 12, referred to 14, in the order scanCommitMessage gives them.
std::string mentionsOf(std::string_view message, const CommitKeywords& keywords = {}) {
    std::string out;
    for (const auto& m : scanCommitMessage(message, keywords).issues) {
        out += (out.empty() ? "" : " ") + std::string(m.action == CommitAction::Fix ? "F" : "R") +
               std::to_string(m.issueId);
    }
    return out;
}

struct Row {
    std::string message, expected;
};

void checkRows(const std::vector<Row>& rows, const CommitKeywords& keywords = {}) {
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("message \"" << row.message << "\"") {
            BOOST_TEST(mentionsOf(row.message, keywords) == row.expected);
        }
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_commit_keywords)

BOOST_AUTO_TEST_CASE(fix_and_ref_keywords_name_issues_in_message_order) {
    checkRows({
        {"fixes #12", "F12"},
        {"closes #7", "F7"},
        {"refs #3", "R3"},
        {"references #3", "R3"},
        {"Fixes #12, #13 and refs #14", "F12 F13 R14"},
        {"fixes #12 #13; #14 & #15", "F12 F13 F14 F15"},
        {"fixes #1 and #2 AND #3", "F1 F2 F3"},
        {"Export to PDF crashed.\n\nRefs #40. Closes #41.", "R40 F41"},
        {"fixes: #5", "F5"},
        {"Fixes:#5", "F5"},
        {"(closes #8)", "F8"},
        {"[refs #9]", "R9"},
        {"x,fixes #10", "F10"},
        {"work-fixes #11", "F11"},
        {"fixes #12.", "F12"},
        {"fixes #12, see the log", "F12"},
        {"refs #20 fixes #21", "R20 F21"},
        {"fixes #12\n", "F12"},
    });
}

BOOST_AUTO_TEST_CASE(keywords_are_compared_without_case) {
    checkRows({{"FIXES #1", "F1"}, {"Closes #2", "F2"}, {"ReFs #3", "R3"}, {"REFERENCES #4", "R4"}});
}

BOOST_AUTO_TEST_CASE(ids_without_keyword_inside_words_or_urls_are_not_taken) {
    checkRows({
        {"#12 is broken", ""},
        {"see #12", ""},
        {"fixes the crash in #12", ""},
        {"fixes#12", ""},
        {"prefixes #12", ""},
        {"fixesx #12", ""},
        {"refs abc#12", ""},
        {"fixes #12abc", ""},
        {"fixes #12_b", ""},
        {"fixes #12\xC3\xA9", ""},
        {"fixes http://example.org/issues#12", ""},
        {"see https://tracker.example.org/issues/12#note-3 fixes", ""},
        {"fixes #", ""},
        {"fixes # 12", ""},
        {"fixes #0", ""},
        {"fixes #99999999999", ""},
        {"1fixes #12", ""},
        {"fixes #12 and", "F12"},
        {"fixes #12 andrew #13", "F12"},
        {"fixes #12 and refs", "F12"},
    });
}

BOOST_AUTO_TEST_CASE(each_issue_is_named_once_and_a_fix_wins_over_a_ref) {
    checkRows({
        {"refs #5, fixes #5", "F5"},
        {"fixes #5, refs #5", "F5"},
        {"refs #5 refs #5 refs #6", "R5 R6"},
        {"refs #4 #5, closes #5 #4", "F4 F5"},
        {"refs #1 fixes #2 refs #2 refs #1", "R1 F2"},
    });
}

BOOST_AUTO_TEST_CASE(configured_keywords_replace_the_defaults) {
    CommitKeywords keywords;
    keywords.fix = {"resolves", "fixed"};
    keywords.ref = {"see"};
    checkRows({{"Resolves #1", "F1"}, {"fixed #2", "F2"}, {"see #3", "R3"}, {"fixes #4", ""}, {"refs #5", ""}},
              keywords);
}

BOOST_AUTO_TEST_CASE(at_most_fifty_issues_are_taken_from_one_message) {
    std::string message = "refs";
    for (unsigned id = 1; id <= 60; ++id) message += " #" + std::to_string(id);
    message += " fixes #3 #70";
    const auto m = scanCommitMessage(message, {});
    BOOST_TEST(m.issues.size() == kMaxIssuesPerCommit);
    BOOST_TEST(m.tooManyIssues);
    BOOST_TEST(m.issues.front().issueId == 1u);
    BOOST_TEST(m.issues.back().issueId == 50u);
    // An id already taken is still upgraded to a fix; a new one is not added.
    BOOST_TEST((m.issues[2] == IssueMention{3, CommitAction::Fix}));
    BOOST_TEST(!scanCommitMessage("fixes #1", {}).tooManyIssues);
}

BOOST_AUTO_TEST_CASE(a_long_message_is_read_to_its_limit_without_splitting_a_number) {
    std::string message = "fixes #1 ";
    message += std::string(kMaxScannedMessageBytes - 3 - message.size() - 6, 'x');
    message += " refs #1234 and more";
    // "#1234" crosses the limit: taking "#12" from it would touch the wrong issue.
    const auto m = scanCommitMessage(message, {});
    BOOST_TEST(m.messageCut);
    BOOST_REQUIRE(m.issues.size() == 1u);
    BOOST_TEST(m.issues[0].issueId == 1u);
    BOOST_TEST(!scanCommitMessage("fixes #1", {}).messageCut);
}

BOOST_AUTO_TEST_CASE(hostile_messages_end_quickly_and_take_nothing) {
    BOOST_TEST(mentionsOf(std::string(200'000, '#')) == "");
    BOOST_TEST(mentionsOf(std::string(200'000, 'f')) == "");
    std::string separators = "fixes #1";
    for (int i = 0; i < 20'000; ++i) separators += ", ;&";
    BOOST_TEST(mentionsOf(separators) == "F1");
    BOOST_TEST(mentionsOf(std::string("fixes #1 \0 refs #2", 18)) == "F1 R2");
}

BOOST_AUTO_TEST_CASE(configured_keywords_are_plain_letters) {
    BOOST_TEST(isCommitKeyword("fixes"));
    BOOST_TEST(isCommitKeyword("Resolves"));
    BOOST_TEST(!isCommitKeyword(""));
    BOOST_TEST(!isCommitKeyword("fix es"));
    BOOST_TEST(!isCommitKeyword("fix#"));
    BOOST_TEST(!isCommitKeyword("r\xC3\xA9sout"));
    BOOST_TEST(!isCommitKeyword(std::string(33, 'a')));
}

BOOST_AUTO_TEST_SUITE_END()
