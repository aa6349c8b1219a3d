// Composing notification mails: what intake's own parser (GMime) reads back, threading, the
// quiet-please headers, and no header injection from names or subjects.
#include "core/app/notification_mail.hpp"
#include "core/mail/mail_parser.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;

namespace {

app::NotificationMail sample() {
    app::NotificationMail m;
    m.fromName = "PSPro Support";
    m.fromAddress = "support@vendor.example";
    m.replyTo = "support@vendor.example";
    m.toName = "Jürgen Müller";
    m.toAddress = "juergen@kunde.example";
    m.subject = "[PSProSupport - Support #123] (Accepted) Export bricht ab – 80 %";
    m.messageId = "tf.123.0123456789abcdef.0123456789abcdef0123@vendor.example";
    m.loopHeader = "X-Ticketflow-Loop";
    m.text = "Grüße,\nthe export is fixed in 2.1.1.\n\n-- \nSupport\n";
    return m;
}

std::string headerBlock(const std::string& raw) {
    return raw.substr(0, raw.find("\r\n\r\n") + 2);
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(notification_mail)

BOOST_AUTO_TEST_CASE(intake_reads_back_what_was_composed) {
    const std::string raw = app::composeNotification(sample());
    const auto back = mail::parseMessage(raw);
    BOOST_TEST(back.subject == sample().subject);
    BOOST_TEST(back.from.address == "support@vendor.example");
    BOOST_TEST(back.from.name == "PSPro Support");
    BOOST_TEST_REQUIRE(back.to.size() == 1u);
    BOOST_TEST(back.to[0].name == "Jürgen Müller");
    BOOST_TEST(back.to[0].address == "juergen@kunde.example");
    BOOST_TEST(back.messageId == sample().messageId);
    // intake trims line ends ("-- " -> "--") after it cut the reply at the "-- " delimiter
    BOOST_TEST(back.text == "Grüße,\nthe export is fixed in 2.1.1.\n\n--\nSupport");
    BOOST_TEST(back.replyText == "Grüße,\nthe export is fixed in 2.1.1."); // the signature is cut
    // our own loop header makes intake ignore it, should it ever come back
    BOOST_TEST((back.verdict.state == domain::MailVerdictState::ignore));
}

BOOST_AUTO_TEST_CASE(headers_keep_auto_responders_quiet_and_thread_the_issue) {
    auto m = sample();
    m.references = {"tf.123.aaaaaaaaaaaaaaaa.0123456789abcdef0123@vendor.example",
                    "tf.123.bbbbbbbbbbbbbbbb.0123456789abcdef0123@vendor.example"};
    const std::string head = headerBlock(app::composeNotification(m));
    BOOST_TEST(has(head, "\r\nAuto-Submitted: auto-generated\r\n"));
    BOOST_TEST(has(head, "\r\nX-Auto-Response-Suppress: All\r\n"));
    BOOST_TEST(has(head, "\r\nX-Ticketflow-Loop: ticketflow\r\n"));
    BOOST_TEST(has(head, "\r\nReply-To: support@vendor.example\r\n"));
    BOOST_TEST(has(head, "\r\nIn-Reply-To: <tf.123.bbbbbbbbbbbbbbbb.0123456789abcdef0123@vendor.example>\r\n"));
    BOOST_TEST(has(head, "\r\nReferences: <tf.123.aaaaaaaaaaaaaaaa.0123456789abcdef0123@vendor.example> "
                         "<tf.123.bbbbbbbbbbbbbbbb.0123456789abcdef0123@vendor.example>\r\n"));
    const auto back = mail::parseMessage(app::composeNotification(m));
    BOOST_TEST(back.inReplyTo == m.references.back());
    BOOST_TEST(back.references == m.references);
}

BOOST_AUTO_TEST_CASE(no_header_can_be_injected_through_names_or_subjects) {
    auto m = sample();
    m.subject = "Hello\r\nBcc: victim@elsewhere.example\r\n\r\nbody";
    m.toName = "Eve\r\nBcc: victim@elsewhere.example";
    m.fromName = "Support\nX-Evil: 1";
    const std::string raw = app::composeNotification(m);
    const std::string head = headerBlock(raw);
    BOOST_TEST(!has(head, "\r\nBcc:"));
    BOOST_TEST(!has(head, "\r\nX-Evil:"));
    std::size_t lines = 0; // each header one line, apart from folded continuations
    for (std::size_t at = head.find("\r\n"); at != std::string::npos; at = head.find("\r\n", at + 2)) ++lines;
    const auto back = mail::parseMessage(raw);
    BOOST_TEST(back.subject == "Hello Bcc: victim@elsewhere.example body");
    BOOST_TEST(back.to.size() == 1u);
    BOOST_TEST(back.cc.empty());
    BOOST_TEST(lines < 20u);
}

BOOST_AUTO_TEST_CASE(ascii_names_with_specials_are_quoted) {
    auto m = sample();
    m.toName = "Müller, \"Jürgen\" " + std::string(60, 'x') + "é"; // long: several encoded words
    m.fromName = "Support, \"Tier 2\" \\ team";
    const auto back = mail::parseMessage(app::composeNotification(m));
    BOOST_TEST(back.from.name == "Support, \"Tier 2\" \\ team");
    BOOST_TEST(back.from.address == "support@vendor.example");
    BOOST_TEST_REQUIRE(back.to.size() == 1u);
    BOOST_TEST(back.to[0].name == m.toName);
}

BOOST_AUTO_TEST_CASE(an_html_alternative_keeps_the_text_first) {
    auto m = sample();
    m.html = "<p>Gr&uuml;&szlig;e, <b>fixed</b> in 2.1.1.</p>";
    const std::string raw = app::composeNotification(m);
    BOOST_TEST(has(headerBlock(raw), "multipart/alternative"));
    const auto back = mail::parseMessage(raw);
    BOOST_TEST(!back.textFromHtml);
    BOOST_TEST(has(back.text, "the export is fixed in 2.1.1."));
}

BOOST_AUTO_TEST_CASE(bad_addresses_and_ids_are_refused) {
    auto m = sample();
    m.toAddress = "juergen@kunde.example>\r\nBcc: x@y.example";
    BOOST_CHECK_THROW(app::composeNotification(m), std::invalid_argument);
    m = sample();
    m.messageId = "a b@c";
    BOOST_CHECK_THROW(app::composeNotification(m), std::invalid_argument);
    m = sample();
    m.references = {"<x@y>"};
    BOOST_CHECK_THROW(app::composeNotification(m), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
