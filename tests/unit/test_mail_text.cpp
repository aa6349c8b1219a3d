// Mail text plumbing: UTF-8 clean-up, format=flowed, uuencode, charsets, encoded words, pre-scan.
#include "core/domain/mail_text.hpp"
#include "core/domain/mime_prescan.hpp"
#include "core/domain/text.hpp"
#include "core/domain/uuencode.hpp"
#include "core/mail/charset_conversion.hpp"
#include "core/mail/header_text.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;
using namespace ticketflow::domain;
using namespace std::string_literals;
using mail::convertToUtf8;
using mail::decodeHeaderText;

namespace {
const std::string kFffd = "\xEF\xBF\xBD";
}

BOOST_AUTO_TEST_SUITE(mail_text)

BOOST_AUTO_TEST_CASE(invalid_utf8_bytes_become_replacement_characters) {
    BOOST_CHECK_EQUAL(toValidUtf8("ok é"), "ok é");
    BOOST_CHECK_EQUAL(toValidUtf8("a\xFF" "b"), "a" + kFffd + "b");
    BOOST_CHECK_EQUAL(toValidUtf8("\xC0\xAF"), kFffd + kFffd);           // overlong '/'
    BOOST_CHECK_EQUAL(toValidUtf8("\xED\xA0\x80"), kFffd + kFffd + kFffd); // surrogate
    BOOST_CHECK_EQUAL(toValidUtf8("end\xE2\x82"), "end" + kFffd + kFffd);  // cut sequence
}

BOOST_AUTO_TEST_CASE(header_text_is_one_clean_line) {
    BOOST_CHECK_EQUAL(cleanHeaderText("  a\r\n\tb\0c  "s), "a b c");
    BOOST_CHECK_EQUAL(cleanHeaderText("x\xC2\x85y\x7Fz"), "x y z"); // C1 NEL and DEL
    BOOST_CHECK_EQUAL(cleanHeaderText("bad\xFF"), "bad" + kFffd);
}

BOOST_AUTO_TEST_CASE(body_text_gets_lf_line_ends_and_no_controls) {
    BOOST_CHECK_EQUAL(cleanBodyText("\r\n\r\n  first  \r\nsecond\rthird\n\n\n"), "  first\nsecond\nthird");
    BOOST_CHECK_EQUAL(cleanBodyText("a\0b\x1B[31mc\fd\te"s), "a" + kFffd + "b" + kFffd + "[31mc\nd\te");
}

BOOST_AUTO_TEST_CASE(flowed_text_joins_soft_breaks_within_one_quote_depth) {
    BOOST_CHECK_EQUAL(unflowText("one \ntwo\nthree", false), "one two\nthree");
    BOOST_CHECK_EQUAL(unflowText("one \ntwo", true), "onetwo"); // DelSp=yes
    BOOST_CHECK_EQUAL(unflowText("> quoted \n> more\nnew", false), "> quoted more\nnew");
    BOOST_CHECK_EQUAL(unflowText("soft \n> quoted", false), "soft \n> quoted");
    BOOST_CHECK_EQUAL(unflowText("text\n-- \nsig", false), "text\n-- \nsig");
    BOOST_CHECK_EQUAL(unflowText(" From stuffed", false), "From stuffed");
}

BOOST_AUTO_TEST_CASE(uuencoded_blocks_are_decoded_and_taken_out_of_the_text) {
    // "Cat" uuencoded: length byte '#' (3), then "0V%T".
    const auto split = extractUuencoded("before\n\nbegin 644 cat.txt\n#0V%T\n`\nend\n\nafter");
    BOOST_REQUIRE_EQUAL(split.files.size(), 1u);
    BOOST_CHECK_EQUAL(split.files[0].name, "cat.txt");
    BOOST_CHECK_EQUAL(split.files[0].data, "Cat");
    BOOST_CHECK_EQUAL(split.text, "before\n\nafter");
    // Without "end", or with a character uuencode never writes, the text stays as it was.
    BOOST_CHECK(extractUuencoded("begin 644 x\n#0V%T\n").files.empty());
    BOOST_CHECK(extractUuencoded("begin 644 x\n#0v%t~\nend").files.empty());
    BOOST_CHECK(extractUuencoded("begin 6 x\n#0V%T\nend").files.empty()); // mode needs 3-4 digits
    // Trailing spaces stripped in transit read as zero bits.
    BOOST_CHECK_EQUAL(decodeUuencodedLines({"#86)C"}).value_or("?"), "abc");
    BOOST_CHECK_EQUAL(decodeUuencodedLines({"\"86("}).value_or("?"), "ab"); // its last ' ' was stripped
}

BOOST_AUTO_TEST_CASE(charsets_are_read_the_way_mail_clients_read_them) {
    BOOST_CHECK_EQUAL(convertToUtf8("caf\xE9 \x93q\x94", "ISO-8859-1"), "café “q”"); // as windows-1252
    BOOST_CHECK_EQUAL(convertToUtf8("\x1B$B-!F|K\\\x1B(B", "iso-2022-jp"), "①日本");
    BOOST_CHECK_EQUAL(convertToUtf8("\xB0\xED\xB8\xBF", "ks_c_5601-1987"), "고맙");
    BOOST_CHECK_EQUAL(convertToUtf8("\x81\x30\x81\x30", "gb2312"), "\u0080"); // GB18030 four-byte form
    BOOST_CHECK_EQUAL(convertToUtf8("\x87\x40", "shift_jis"), "①");           // CP932 NEC row 13
    BOOST_CHECK_EQUAL(convertToUtf8("+AGEAYgBj-", "unicode-1-1-utf-7"), "abc");
    BOOST_CHECK_EQUAL(convertToUtf8("\xD4\xC5\xD3\xD4", "\"KOI8-R\""), "тест");
}

BOOST_AUTO_TEST_CASE(undeclared_or_unknown_charsets_fall_back_to_utf8_then_the_fallback) {
    BOOST_CHECK_EQUAL(convertToUtf8("caf\xC3\xA9", ""), "café");
    BOOST_CHECK_EQUAL(convertToUtf8("caf\xE9", ""), "café");
    BOOST_CHECK_EQUAL(convertToUtf8("caf\xE9", "x-no-such"), "café");
    BOOST_CHECK_EQUAL(convertToUtf8("\xD4\xC5\xD3\xD4", "", "koi8-r"), "тест");
    BOOST_CHECK_EQUAL(convertToUtf8("\xD4", "", "no-such-either"), "Ô");
    BOOST_CHECK_EQUAL(convertToUtf8("caf\xC3\xA9", "us-ascii"), "café"); // mislabelled UTF-8
    BOOST_CHECK_EQUAL(convertToUtf8("a\xFF" "b", "utf-8"), "a" + kFffd + "b");
    BOOST_CHECK_EQUAL(convertToUtf8("\xA4\xFF", "iso-8859-15"), "€ÿ");
    BOOST_CHECK(isValidUtf8(convertToUtf8("\x1B$B\xFF\x1B(B", "iso-2022-jp")));
}

BOOST_AUTO_TEST_CASE(encoded_words_are_decoded_like_mail_clients_do) {
    BOOST_CHECK_EQUAL(decodeHeaderText("=?utf-8?q?a?= =?utf-8?q?b?=", ""), "ab"); // space between words goes
    BOOST_CHECK_EQUAL(decodeHeaderText("Re: =?ISO-8859-1?Q?Gr=FC=DFe?= an alle", ""), "Re: Grüße an alle");
    // A character split across two words (Redmine's "split bytes" case).
    BOOST_CHECK_EQUAL(decodeHeaderText("=?UTF-8?B?w6Q=?= =?UTF-8?B?ww==?= =?UTF-8?B?tg==?=", ""), "äö");
    BOOST_CHECK_EQUAL(decodeHeaderText("=?utf-8*de?q?Hallo_Welt?=", ""), "Hallo Welt");
    BOOST_CHECK_EQUAL(decodeHeaderText("x=?utf-8?q?y?=z", ""), "xyz");
    BOOST_CHECK_EQUAL(decodeHeaderText("=?utf-8?q?broken", ""), "=?utf-8?q?broken");
    BOOST_CHECK_EQUAL(decodeHeaderText("raw \xE9t\xE9\r\n folded", ""), "raw été folded");
    BOOST_CHECK_EQUAL(decodeHeaderText("=?iso-2022-jp?B?GyRCLSEbKEI=?=", ""), "①");
}

BOOST_AUTO_TEST_CASE(the_prescan_counts_headers_parts_and_nesting) {
    const std::string raw = "From x  Thu Dec 10 10:00:00 2026\n"
                            "Received: a\nReceived: b\n c\nContent-Type: multipart/mixed;\n boundary=\"out\"\n\n"
                            "--out\nContent-Type: multipart/alternative; boundary=in\n\n"
                            "--in\n\nplain\n--in\n\nhtml\n--in--\n--out\nContent-Type: message/rfc822\n\n"
                            "Subject: inner\n\nbody\n--out--\n";
    const auto scan = prescanMime(raw, MailLimits{});
    BOOST_CHECK_EQUAL(scan.violation, "");
    BOOST_CHECK_EQUAL(raw.substr(scan.start, 9), "Received:");
    BOOST_CHECK_EQUAL(scan.headerFields, 3u);
    BOOST_CHECK_EQUAL(scan.received, 2u);
    BOOST_CHECK_EQUAL(scan.parts, 4u);
    BOOST_CHECK_EQUAL(scan.depth, 2u);
    BOOST_CHECK_EQUAL(raw.substr(scan.headerEnd, 5), "--out");
}

BOOST_AUTO_TEST_CASE(the_prescan_stops_at_the_first_limit) {
    MailLimits limits;
    limits.maxParts = 2;
    const std::string three = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\n1\n--b\n\n2\n--b\n\n3\n--b--\n";
    BOOST_CHECK_EQUAL(prescanMime(three, limits).violation, "too many MIME parts (over 2)");
    limits.maxParts = 3;
    BOOST_CHECK_EQUAL(prescanMime(three, limits).violation, "");
    // A close delimiter ends the multiparts nested inside it too.
    limits = MailLimits{};
    limits.maxDepth = 2;
    const std::string siblings = "Content-Type: multipart/mixed; boundary=a\n\n"
                                 "--a\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--a\n"
                                 "Content-Type: multipart/mixed; boundary=c\n\n--c\n\ny\n--c--\n--a--\n";
    BOOST_CHECK_EQUAL(prescanMime(siblings, limits).violation, "");
    BOOST_CHECK_EQUAL(prescanMime(siblings, limits).depth, 2u);
}

BOOST_AUTO_TEST_CASE(the_prescan_reads_boundaries_at_least_as_leniently_as_gmime) {
    MailLimits limits;
    limits.maxParts = 2;
    const std::string parts = "\n\n--b\n\n1\n--b\n\n2\n--b\n\n3\n--b--\n";
    // Spellings GMime accepts: each must be followed, or the parts would slip past the count.
    for (const char* header : {"Content-Type : multipart/mixed; boundary=b", "content-type:multipart/mixed;boundary=b",
                               "Content-Type: multipart/mixed; xboundary=q; boundary=b",
                               "Content-Type: Multipart (c) / Mixed; boundary=\"b\"",
                               "Content-Type: text/plain\nContent-Type: multipart/mixed; boundary=b"})
        BOOST_CHECK_MESSAGE(prescanMime(header + parts, limits).violation == "too many MIME parts (over 2)", header);
    // Spellings only GMime follows are refused outright.
    for (const char* header : {"Content-Type: multipart/mixed; boundary*0=b", "Content-Type: multipart/mixed; boundary*=us-ascii''b",
                               "Content-Type: multipart/mixed; boundary=\"=?us-ascii?q?b?=\"",
                               "Content-Type: multipart/mixed; boundary=\"\\b\"",
                               "Content-Type: multipart/mixed; boundary=q; boundary=b"})
        BOOST_CHECK_MESSAGE(prescanMime(header + parts, limits).violation.rfind("a multipart boundary is", 0) == 0, header);
}

BOOST_AUTO_TEST_CASE(the_prescan_follows_attached_messages_as_gmime_does) {
    MailLimits limits;
    limits.maxParts = 2;
    // A multipart inside an attached message is counted...
    const std::string inner = "Content-Type: multipart/mixed; boundary=in\n\n--in\n\n1\n--in\n\n2\n--in\n\n3\n--in--\n";
    const std::string outer = "Content-Type: multipart/mixed; boundary=out\n\n--out\n";
    BOOST_CHECK_EQUAL(prescanMime(outer + "Content-Type: message/rfc822\n\n" + inner + "--out--\n", limits).violation,
                      "too many MIME parts (over 2)");
    BOOST_CHECK_EQUAL(prescanMime(outer + "Content-Type: Message/News\nContent-Transfer-Encoding: x-foo\n\n" + inner +
                                      "--out--\n", limits).violation,
                      "too many MIME parts (over 2)");
    // ...but a base64 one is a file to GMime, so its lines are not header fields.
    limits = MailLimits{};
    limits.maxHeaderFields = 10;
    std::string base64Eml = outer + "Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n";
    for (int i = 0; i < 50; ++i) base64Eml += "U3ViamVjdDogaW5uZXIKCmhlbGxvCg==\n";
    BOOST_CHECK_EQUAL(prescanMime(base64Eml + "--out--\n", limits).violation, "");
}

BOOST_AUTO_TEST_CASE(only_an_mbox_separator_line_is_skipped) {
    BOOST_CHECK_EQUAL(mboxSeparatorLength("From a@b.example  Fri Mar 22 08:30:28 2013\nFrom: a@b.example\n"), 43u);
    BOOST_CHECK_EQUAL(mboxSeparatorLength("From: a@b.example\n"), 0u);
    BOOST_CHECK_EQUAL(mboxSeparatorLength("From : a@b.example\n"), 0u);
    BOOST_CHECK_EQUAL(mboxSeparatorLength("Subject: x\n"), 0u);
}

BOOST_AUTO_TEST_CASE(size_reasons_show_exact_bytes_when_rounding_hides_the_difference) {
    BOOST_CHECK_EQUAL(tooLargeReason("the message", 30u << 20, 25u << 20),
                      "the message is too large (30 MB); the limit is 25 MB");
    BOOST_CHECK_EQUAL(tooLargeReason("x", (25u << 20) + 1, 25u << 20),
                      "x is too large (26214401 bytes); the limit is 25 MB");
}

BOOST_AUTO_TEST_SUITE_END()
