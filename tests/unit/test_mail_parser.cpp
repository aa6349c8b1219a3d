// Mail parsing over the fixtures in tests/fixtures/mail: headers, parts, charsets, files, verdicts.
#include "core/app/crypto.hpp"
#include "core/mail/mail_parser.hpp"
#include "core/mail/message_json.hpp"
#include "mail_test_support.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;
using domain::MailVerdictState;
using test::mailFixture;

namespace {

domain::InboundMessage parseFixture(const std::string& name, const domain::MailSettings& settings = {}) {
    return mail::parseMessage(mailFixture(name), settings);
}

std::string iso(const domain::InboundMessage& m) {
    return m.date ? mail::isoUtc(*m.date).value_or("?") : "null";
}

const domain::MailAttachment* attachmentNamed(const domain::InboundMessage& m, const std::string& name) {
    for (const auto& a : m.attachments)
        if (a.filename == name) return &a;
    return nullptr;
}

} // namespace

BOOST_AUTO_TEST_SUITE(mail_parser)

BOOST_AUTO_TEST_CASE(headers_are_decoded_from_encoded_words_into_plain_fields) {
    const auto m = parseFixture("plain_qp_utf8.eml");
    BOOST_CHECK_EQUAL(m.from.name, "Anna Müller-Schmidt");
    BOOST_CHECK_EQUAL(m.from.address, "anna.schmidt@example.org");
    BOOST_REQUIRE_EQUAL(m.to.size(), 2u);
    BOOST_CHECK_EQUAL(m.to[0].name, "Support Team");
    BOOST_CHECK_EQUAL(m.to[0].address, "support@ticketflow.example");
    BOOST_CHECK_EQUAL(m.to[1].name, "Jörg"); // ISO-8859-1 encoded word
    BOOST_REQUIRE_EQUAL(m.cc.size(), 1u);     // the empty group contributes nobody
    BOOST_CHECK_EQUAL(m.cc[0].address, "carol@example.com");
    BOOST_CHECK_EQUAL(m.subject, "Drucker druckt nicht – bitte helfen");
    BOOST_CHECK_EQUAL(m.messageId, "20261127100000.12345@mail.example.org");
    BOOST_CHECK_EQUAL(m.inReplyTo, "ticketflow.issue-42.1@ticketflow.example");
    BOOST_REQUIRE_EQUAL(m.references.size(), 2u);
    BOOST_CHECK_EQUAL(m.references[0], "first@example.org");
    BOOST_CHECK_EQUAL(m.references[1], "ticketflow.issue-42.1@ticketflow.example");
    BOOST_CHECK_EQUAL(iso(m), "2026-11-27T10:00:00Z"); // 11:00 +0100
    BOOST_CHECK_EQUAL(m.returnPath, "anna.schmidt@example.org");
    BOOST_CHECK_EQUAL(verdictStateName(m.verdict.state), "accept");
    BOOST_CHECK(test::allClean(m));
}

BOOST_AUTO_TEST_CASE(quoted_printable_utf8_body_is_decoded_with_soft_breaks_joined) {
    const auto m = parseFixture("plain_qp_utf8.eml");
    BOOST_CHECK_EQUAL(m.text, "Guten Tag,\n\nder Drucker im Büro druckt seit gestern nur noch leere Seiten. Die "
                              "Fehlermeldung lautet „Papierstau“.\n\nGrüße\nAnna");
    BOOST_CHECK(!m.textFromHtml);
    BOOST_CHECK(m.attachments.empty());
}

BOOST_AUTO_TEST_CASE(plain_text_is_preferred_over_html_in_an_alternative) {
    const auto m = parseFixture("alternative_plain_and_html.eml");
    BOOST_CHECK_EQUAL(m.text, "The plain version.");
    BOOST_CHECK(!m.textFromHtml);
    BOOST_CHECK_EQUAL(iso(m), "2026-12-01T13:30:00Z");
}

BOOST_AUTO_TEST_CASE(html_only_mail_becomes_readable_text) {
    const auto m = parseFixture("html_only_outlook.eml");
    BOOST_CHECK(m.textFromHtml);
    BOOST_CHECK_EQUAL(m.text, "Hello support,\nthe export fails with <error 42> & stops.\n\nSteps:\n\n"
                              "- open the report\n- click “Export”\n\n1. first\n2. second\n\n"
                              "Café été €5 – line\nbreak\n\n"
                              "See the log <https://example.com/log?id=1&x=2> or https://example.com/.\n\n"
                              "> quoted line");
    BOOST_CHECK_EQUAL(m.text.find("Should not appear"), std::string::npos); // <title>
    BOOST_CHECK_EQUAL(m.text.find("alert"), std::string::npos);             // <script>
    BOOST_CHECK_EQUAL(m.text.find("hidden"), std::string::npos);            // conditional comment
    BOOST_CHECK_EQUAL(m.replyText.find("quoted line"), std::string::npos);  // <blockquote> is a quote
}

BOOST_AUTO_TEST_CASE(nested_parts_give_the_plain_body_and_every_file) {
    const auto m = parseFixture("nested_mixed.eml");
    BOOST_CHECK_EQUAL(m.text, "Body text from the plain part.\n\n"
                              "---------- Forwarded message ----------\n"
                              "From: Frank <frank@example.com>\n"
                              "Date: Sun, 29 Nov 2026 12:00:00 +0000\n"
                              "Subject: Weitergeleitet ä\n"
                              "To: dave@example.com\n\n"
                              "Inner forwarded text, Grüße.");
    BOOST_REQUIRE_EQUAL(m.attachments.size(), 4u);
    const auto& image = m.attachments[0];
    BOOST_CHECK_EQUAL(image.filename, "attachment-1.png"); // no name: numbered, extension by type
    BOOST_CHECK_EQUAL(image.contentType, "image/png");
    BOOST_CHECK_EQUAL(image.contentId, "logo@example.com");
    BOOST_CHECK_EQUAL(image.data, std::string("\x89PNG\r\n\x1a\nfake-image-bytes", 24));

    const auto* pdf = attachmentNamed(m, "Größe Übersicht.pdf"); // RFC 2231 continuations, UTF-8
    BOOST_REQUIRE(pdf);
    const std::string pdfBytes = "%PDF-1.4\nfake pdf\n%%EOF\n";
    BOOST_CHECK_EQUAL(pdf->contentType, "application/pdf");
    BOOST_CHECK_EQUAL(pdf->data, pdfBytes);
    BOOST_CHECK_EQUAL(pdf->sha256, app::toHex(app::sha256(pdfBytes)));
    BOOST_CHECK_EQUAL(pdf->sha256.size(), 64u);

    const auto* eml = attachmentNamed(m, "original.eml"); // message/rfc822 sent as an attachment
    BOOST_REQUIRE(eml);
    BOOST_CHECK_EQUAL(eml->contentType, "message/rfc822");
    BOOST_CHECK_EQUAL(eml->data.rfind("From: Eve <eve@example.com>", 0), 0u);
    BOOST_CHECK_NE(eml->data.find("Attached message body."), std::string::npos);

    const auto* inner = attachmentNamed(m, "inner-note.txt"); // a file inside the forwarded message
    BOOST_REQUIRE(inner);
    BOOST_CHECK_EQUAL(inner->data, "A file inside the forwarded message.\n");
}

BOOST_AUTO_TEST_CASE(every_charset_becomes_utf8_and_bad_bytes_become_replacement_characters) {
    const auto m = parseFixture("charsets.eml");
    BOOST_CHECK_EQUAL(m.from.name, "Иван");            // KOI8-R encoded word
    BOOST_CHECK_EQUAL(m.subject, "测试①café");          // GB18030, ISO-2022-JP (NEC ①), unknown charset
    BOOST_CHECK_EQUAL(m.text, "Latin-1: Grüße\n\n"
                              "Latin-9: €\n\n"
                              "Русский: привет\n\n"
                              "日本語です ①\n\n" // ISO-2022-JP with the vendor character
                              "中文测试\n\n"
                              "한국어\n\n"
                              "Invalid: café \xEF\xBF\xBD\xEF\xBF\xBD end\n\n"
                              "Unknown charset: café");
    BOOST_CHECK(test::allClean(m));
}

BOOST_AUTO_TEST_CASE(uuencoded_parts_and_inline_blocks_become_files) {
    const auto m = parseFixture("uuencode.eml");
    BOOST_CHECK_EQUAL(m.text, "Here is the log:\n\nThanks.");
    BOOST_REQUIRE_EQUAL(m.attachments.size(), 2u);
    BOOST_CHECK_EQUAL(m.attachments[0].filename, "server.log");
    BOOST_CHECK_EQUAL(m.attachments[0].data, "line one\nline two\n");
    BOOST_CHECK_EQUAL(m.attachments[1].filename, "data.bin");
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    BOOST_CHECK_EQUAL(m.attachments[1].data, all); // Content-Transfer-Encoding: x-uuencode
}

BOOST_AUTO_TEST_CASE(a_gmail_reply_is_cut_at_the_signature_and_flowed_lines_are_joined) {
    const auto m = parseFixture("reply_gmail.eml");
    BOOST_CHECK_EQUAL(m.replyText, "Thanks, the new driver works. I will test the scanner tomorrow.");
    BOOST_CHECK_NE(m.text.find("> Please install driver 2.1."), std::string::npos); // the full text keeps it
    BOOST_CHECK_EQUAL(m.inReplyTo, "ticketflow.issue-123.5@ticketflow.example");
}

BOOST_AUTO_TEST_CASE(an_outlook_reply_with_crlf_lines_is_cut_at_its_header_block) {
    const auto m = parseFixture("reply_outlook.eml");
    BOOST_CHECK_EQUAL(m.replyText, "Hallo, das Problem besteht weiterhin – siehe Anhang.\n\nViele Grüße\nHeidi");
    BOOST_CHECK_NE(m.text.find("Betreff: Ticket #77"), std::string::npos);
    BOOST_CHECK_EQUAL(m.text.find('\r'), std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_delivery_report_from_the_mailer_daemon_is_ignored_as_a_bounce) {
    const auto m = parseFixture("bounce_report.eml");
    BOOST_CHECK(m.deliveryReport);
    BOOST_CHECK_EQUAL(m.returnPath, "<>");
    BOOST_CHECK(m.verdict.state == MailVerdictState::ignore);
    BOOST_CHECK_EQUAL(m.verdict.reason, "bounce: empty Return-Path <>");
    BOOST_CHECK_EQUAL(m.text, "The mail could not be delivered.");
}

BOOST_AUTO_TEST_CASE(an_auto_reply_is_ignored_and_spam_is_marked_spam) {
    const auto reply = parseFixture("auto_reply.eml");
    BOOST_CHECK(reply.verdict.state == MailVerdictState::ignore);
    BOOST_CHECK_EQUAL(reply.verdict.reason, "automatic mail: Auto-Submitted: auto-replied (vacation)");
    const auto spam = parseFixture("spam_flagged.eml");
    BOOST_CHECK(spam.verdict.state == MailVerdictState::spam);
    BOOST_CHECK_EQUAL(spam.verdict.reason, "X-Spam-Flag: YES");
}

BOOST_AUTO_TEST_CASE(mail_from_our_own_address_is_ignored_when_configured) {
    const std::string raw = "From: Support <Support@Ticketflow.example>\nTo: support@ticketflow.example\n"
                            "Subject: x\n\nhello\n";
    BOOST_CHECK(mail::parseMessage(raw).verdict.state == MailVerdictState::accept);
    domain::MailSettings settings;
    settings.guards.ownAddresses = {"support@ticketflow.example"};
    const auto m = mail::parseMessage(raw, settings);
    BOOST_CHECK(m.verdict.state == MailVerdictState::ignore);
    BOOST_CHECK_EQUAL(m.verdict.reason, "mail loop: sent from our own address Support@Ticketflow.example");
    const auto looped = mail::parseMessage("X-Ticketflow-Loop: yes\nFrom: a@b.example\n\nx\n", settings);
    BOOST_CHECK_EQUAL(looped.verdict.reason, "mail loop: carries our X-Ticketflow-Loop header");
}

BOOST_AUTO_TEST_CASE(nul_crlf_paths_and_bad_charsets_in_names_never_reach_the_result) {
    const auto m = parseFixture("hostile_names.eml");
    BOOST_CHECK(test::allClean(m));
    BOOST_CHECK_EQUAL(m.from.name, "Evil Bcc: victim@example.com"); // CR LF folded to a space
    BOOST_CHECK_EQUAL(m.from.address, "evil@example.com");
    BOOST_CHECK_EQUAL(m.subject, "Line1 Line2 endcafé");
    BOOST_CHECK(!m.date); // "not a date at all"
    BOOST_CHECK_EQUAL(m.text, "Text with an undeclared café and a NUL \xEF\xBF\xBD byte.");
    BOOST_REQUIRE_EQUAL(m.attachments.size(), 3u);
    BOOST_CHECK_EQUAL(m.attachments[0].filename, "passwd"); // no path, no CR LF NUL
    BOOST_CHECK_EQUAL(m.attachments[1].filename, "evil_txt.exe"); // RLO override replaced, path gone
    BOOST_CHECK_EQUAL(m.attachments[2].filename, "naÿme.bin");
    for (const auto& a : m.attachments) {
        BOOST_CHECK_EQUAL(a.filename.find_first_of("/\\:"), std::string::npos);
        BOOST_CHECK_EQUAL(a.filename.find("\u202E"), std::string::npos); // no bidi override
    }
}

BOOST_AUTO_TEST_CASE(a_base64_attached_message_is_a_file) {
    const auto m = mail::parseMessage("From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nsee file\n"
                                      "--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n"
                                      "U3ViamVjdDogaW5uZXIKCmhlbGxvCg==\n--b--\n");
    BOOST_CHECK_EQUAL(m.text, "see file");
    BOOST_REQUIRE_EQUAL(m.attachments.size(), 1u);
    BOOST_CHECK_EQUAL(m.attachments[0].filename, "attachment-1.eml");
    BOOST_CHECK_EQUAL(m.attachments[0].data, "Subject: inner\n\nhello\n");
}

BOOST_AUTO_TEST_CASE(an_mbox_separator_line_is_skipped) {
    const auto m = parseFixture("mbox_from_line.eml");
    BOOST_CHECK_EQUAL(m.from.address, "someone@example.com");
    BOOST_CHECK_EQUAL(m.subject, "mbox line");
    BOOST_CHECK_EQUAL(m.messageId, "");
    BOOST_CHECK_EQUAL(m.text, "Body after an mbox separator.");
}

BOOST_AUTO_TEST_CASE(text_without_any_header_is_kept_but_rejected_for_want_of_a_sender) {
    const auto m = mail::parseMessage("Just some words, no header.\nSecond line.\n");
    BOOST_CHECK_EQUAL(m.text, "Just some words, no header.\nSecond line.");
    BOOST_CHECK(m.verdict.state == MailVerdictState::reject);
    BOOST_CHECK_EQUAL(m.verdict.reason, "no sender address (From or Sender)");
    const auto empty = mail::parseMessage("");
    BOOST_CHECK(empty.verdict.state == MailVerdictState::reject);
    BOOST_CHECK(test::allClean(empty));
}

BOOST_AUTO_TEST_CASE(the_sender_falls_back_to_the_sender_header) {
    const auto m = mail::parseMessage("Sender: List Robot <robot@example.org>\nSubject: s\n\nbody\n");
    BOOST_CHECK_EQUAL(m.from.address, "robot@example.org");
    BOOST_CHECK_EQUAL(m.from.name, "List Robot");
}

BOOST_AUTO_TEST_CASE(an_oversized_message_is_judged_from_its_head_alone) {
    const std::string head = "From: Big <big@example.com>\nSubject: huge\nMessage-ID: <big@example.com>\n\nstart";
    const auto m = mail::parseOversized(head, 30ull << 20);
    BOOST_CHECK(m.verdict.state == MailVerdictState::reject);
    BOOST_CHECK_EQUAL(m.verdict.reason, "the message is too large (30 MB); the limit is 25 MB");
    BOOST_CHECK_EQUAL(m.from.address, "big@example.com");
    BOOST_CHECK_EQUAL(m.subject, "huge");
    BOOST_CHECK_EQUAL(m.messageId, "big@example.com");
    BOOST_CHECK_EQUAL(m.rawSize, 30ull << 20);
    BOOST_CHECK(m.text.empty());
}

BOOST_AUTO_TEST_CASE(the_json_object_has_every_field_in_order) {
    const auto m = parseFixture("nested_mixed.eml");
    const auto j = mail::messageJson(m);
    std::vector<std::string> keys;
    for (const auto& item : j.items()) keys.push_back(item.key());
    const std::vector<std::string> expected{"from", "to",   "cc",         "subject",     "message_id", "in_reply_to",
                                            "references", "date", "text", "reply_text", "attachments", "verdict"};
    BOOST_CHECK_EQUAL_COLLECTIONS(keys.begin(), keys.end(), expected.begin(), expected.end());
    BOOST_CHECK_EQUAL(j["from"]["address"], "dave@example.com");
    BOOST_CHECK_EQUAL(j["date"], "2026-12-03T10:00:00Z");
    BOOST_CHECK_EQUAL(j["attachments"][1]["filename"], "Größe Übersicht.pdf");
    BOOST_CHECK_EQUAL(j["attachments"][1]["size"], 24);
    BOOST_CHECK_EQUAL(j["attachments"][1]["content_type"], "application/pdf");
    BOOST_CHECK_EQUAL(j["attachments"][1]["sha256"].get<std::string>().size(), 64u);
    BOOST_CHECK_EQUAL(j["verdict"]["state"], "accept");
    BOOST_CHECK(mail::messageJson(mail::parseMessage("From: a@b.example\nDate: nonsense\n\nx"))["date"].is_null());
}

BOOST_AUTO_TEST_CASE(iso_dates_cover_the_four_digit_years_only) {
    BOOST_CHECK_EQUAL(mail::isoUtc(0).value_or(""), "1970-01-01T00:00:00Z");
    BOOST_CHECK_EQUAL(mail::isoUtc(1795773600).value_or(""), "2026-11-27T10:00:00Z");
    BOOST_CHECK(!mail::isoUtc(253402300800LL)); // year 10000
    BOOST_CHECK(!mail::isoUtc(-62135596801LL)); // year 0
}

BOOST_AUTO_TEST_SUITE_END()
