// Reply cutting: quotes, attributions, Outlook header blocks, signatures, configured delimiters.
#include "core/domain/reply_cutter.hpp"
#include "sanitizer_factors.hpp"

#include <boost/test/unit_test.hpp>
#include <chrono>

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(mail_reply_cutter)

BOOST_AUTO_TEST_CASE(original_message_lines_end_the_reply_in_several_languages) {
    BOOST_CHECK_EQUAL(cutReply("Fixed now.\n\n-----Original Message-----\nFrom: x\nold text"), "Fixed now.");
    BOOST_CHECK_EQUAL(cutReply("Danke!\n-----Ursprüngliche Nachricht-----\nalt"), "Danke!");
    BOOST_CHECK_EQUAL(cutReply("Merci\n-------- Message d'origine --------\nvieux"), "Merci");
    BOOST_CHECK_EQUAL(cutReply("Ok\n  ----- original message -----  \nold"), "Ok");
    BOOST_CHECK_EQUAL(cutReply("Ok\n-Original Message-\nstays"), "Ok\n-Original Message-\nstays"); // one dash is text
}

BOOST_AUTO_TEST_CASE(an_attribution_before_a_quote_goes_with_the_quote) {
    BOOST_CHECK_EQUAL(cutReply("Works now.\n\nOn Mon, 7 Dec 2026 at 09:00, Support <s@x.example> wrote:\n"
                               "> Try again.\n> Thanks"),
                      "Works now.");
    // Gmail wraps a long attribution onto a second line.
    BOOST_CHECK_EQUAL(cutReply("Yes.\n\nOn Mon, Dec 7, 2026 at 9:00 AM Support Team <support@x.example>\n"
                               "wrote:\n\n> question"),
                      "Yes.");
    BOOST_CHECK_EQUAL(cutReply("Ja.\n\nAm 07.12.2026 um 09:00 schrieb Support <s@x.example>:\n> Frage"), "Ja.");
    BOOST_CHECK_EQUAL(cutReply("Oui.\n\nLe 7 déc. 2026 à 09:00, Support <s@x.example> a écrit :\n> question"), "Oui.");
    BOOST_CHECK_EQUAL(cutReply("Thanks\n\nJohn Doe wrote:\n> old"), "Thanks");
}

BOOST_AUTO_TEST_CASE(answers_written_between_quotes_are_kept) {
    const std::string text = "On Mon, Support wrote:\n> Which version?\n2.1.0\n\n> Which OS?\nDebian 12\n";
    BOOST_CHECK_EQUAL(cutReply(text), "2.1.0\n\nDebian 12");
}

BOOST_AUTO_TEST_CASE(an_attribution_without_quote_marks_ends_the_reply) {
    // Apple Mail and HTML mail converted to text quote without '>'.
    BOOST_CHECK_EQUAL(cutReply("Done.\n\nOn 7 Dec 2026, at 09:00, Support <s@x.example> wrote:\n\nOld question"),
                      "Done.");
    // A line that only ends in "wrote:" is not enough without a quote after it.
    BOOST_CHECK_EQUAL(cutReply("My colleague wrote:\nthe log is attached"), "My colleague wrote:\nthe log is attached");
}

BOOST_AUTO_TEST_CASE(an_outlook_header_block_ends_the_reply) {
    BOOST_CHECK_EQUAL(cutReply("See attached.\n\n________________________________\nFrom: Support <s@x.example>\n"
                               "Sent: Monday, December 7, 2026 9:00 AM\nTo: Heidi\nSubject: Ticket #77\n\nold"),
                      "See attached.");
    BOOST_CHECK_EQUAL(cutReply("Anbei.\n\nVon: Support\nGesendet: Montag\nAn: Heidi\nBetreff: x\n\nalt"), "Anbei.");
    BOOST_CHECK_EQUAL(cutReply("Ci-joint.\n\nDe : Support\nEnvoyé : lundi\nÀ : Heidi\nObjet : x\n\nvieux"),
                      "Ci-joint.");
    BOOST_CHECK_EQUAL(cutReply("ok\n*From:* Support\n*Sent:* Monday\n*To:* Heidi\nold"), "ok");
}

BOOST_AUTO_TEST_CASE(a_from_line_alone_or_a_forwarded_header_block_is_content) {
    BOOST_CHECK_EQUAL(cutReply("From: the log file\nline 2"), "From: the log file\nline 2");
    const std::string forwarded = "FYI\n\n---------- Forwarded message ----------\nFrom: Customer <c@x.example>\n"
                                  "Date: Mon, 7 Dec 2026\nSubject: Crash\nTo: me@x.example\n\nIt crashed.";
    BOOST_CHECK_EQUAL(cutReply(forwarded), forwarded);
    const std::string apple = "FYI\n\nBegin forwarded message:\n\nFrom: C <c@x.example>\nDate: Mon\nTo: me\n\nbody";
    BOOST_CHECK_EQUAL(cutReply(apple), apple);
}

BOOST_AUTO_TEST_CASE(the_signature_delimiter_ends_the_reply) {
    BOOST_CHECK_EQUAL(cutReply("Answer.\n-- \nJane Doe\nACME"), "Answer.");
    BOOST_CHECK_EQUAL(cutReply("Answer.\n--\nJane"), "Answer.");
    BOOST_CHECK_EQUAL(cutReply("a -- b\n--- not a signature"), "a -- b\n--- not a signature");
}

BOOST_AUTO_TEST_CASE(configured_lines_and_patterns_end_the_reply) {
    ReplyDelimiters extra;
    extra.lines = {"--- Reply above this line ---"};
    extra.patterns = {compileReplyPattern("^Sent from my \\w+$")};
    BOOST_CHECK_EQUAL(cutReply("New text\n--- reply ABOVE this line --- please\nold", extra), "New text");
    BOOST_CHECK_EQUAL(cutReply("Short answer\n\nSent from my iPhone", extra), "Short answer");
    BOOST_CHECK_EQUAL(cutReply("Sent from my desk, not a phone: hello", extra), "Sent from my desk, not a phone: hello");
    BOOST_CHECK_THROW(compileReplyPattern("(unclosed"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_reply_of_only_quotes_is_empty_and_blank_runs_shrink) {
    BOOST_CHECK_EQUAL(cutReply("> a\n> b\n"), "");
    BOOST_CHECK_EQUAL(cutReply("\n\nfirst\n\n\n\nsecond\n\n"), "first\n\nsecond");
    BOOST_CHECK_EQUAL(cutReply(""), "");
}

BOOST_AUTO_TEST_CASE(long_lines_and_long_texts_are_cut_in_linear_time) {
    ReplyDelimiters extra;
    extra.patterns = {compileReplyPattern("(a+)+$")}; // backtracks badly, but only on short lines
    std::string text(4 << 20, 'a');
    text += "\n";
    for (int i = 0; i < 50000; ++i) text += "On line " + std::to_string(i) + " someone wrote:\n> q\nanswer\n";
    constexpr double maxSeconds = 2.0 * ticketflow::test::kSanitizerTimeFactor;
    const auto start = std::chrono::steady_clock::now();
    const std::string cut = cutReply(text, {});
    BOOST_CHECK_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), maxSeconds);
    BOOST_CHECK_EQUAL(cut.size(), (4u << 20) + 50000 * std::string("\nanswer").size()); // quotes and attributions go
    const auto start2 = std::chrono::steady_clock::now();
    cutReply(std::string(1 << 20, 'a') + "!", extra); // one line over kMaxPatternLine: never matched
    BOOST_CHECK_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start2).count(), maxSeconds);
}

BOOST_AUTO_TEST_SUITE_END()
