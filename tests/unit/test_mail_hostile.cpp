// Hostile mail, generated here: each finishes within 2 s, with bounded memory, with a reason.
// (Under the sanitizers, tests/sanitized, the bounds are scaled: see sanitizer_factors.hpp.)
#include "core/mail/mail_parser.hpp"
#include "mail_test_support.hpp"
#include "sanitizer_factors.hpp"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <sys/resource.h>

using namespace ticketflow;
using domain::MailVerdictState;

namespace {

constexpr double kMaxSeconds = 2.0 * test::kSanitizerTimeFactor;
constexpr long kMaxExtraPeakMb = 200 * test::kSanitizerMemoryFactor; // the peak RSS one message may add

// The default settings, with the parser's own CPU budget (2000 ms) scaled like kMaxSeconds: a
// benign message must not be rejected for time under the sanitizers either.
domain::MailSettings defaultSettings() {
    domain::MailSettings settings;
    settings.limits.cpuBudgetMs = static_cast<unsigned>(settings.limits.cpuBudgetMs * test::kSanitizerTimeFactor);
    return settings;
}

long peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

struct Timed {
    domain::InboundMessage message;
    double seconds = 0;
    long extraPeakMb = 0;
};

Timed timedParse(const std::string& raw, const domain::MailSettings& settings = defaultSettings()) {
    const long peakBefore = peakRssMb();
    const auto start = std::chrono::steady_clock::now();
    Timed t{mail::parseMessage(raw, settings)};
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    t.extraPeakMb = peakRssMb() - peakBefore;
    BOOST_TEST_MESSAGE("parsed " << raw.size() << " bytes in " << t.seconds << " s, peak RSS +" << t.extraPeakMb
                                 << " MB: " << verdictStateName(t.message.verdict.state) << " "
                                 << t.message.verdict.reason);
    return t;
}

void checkBounded(const Timed& t) {
    BOOST_CHECK_LT(t.seconds, kMaxSeconds);
    BOOST_CHECK_LE(t.extraPeakMb, kMaxExtraPeakMb);
    BOOST_CHECK(test::allClean(t.message));
}

const std::string kHeader = "From: Mallory <mallory@example.com>\nTo: support@ticketflow.example\nSubject: hostile\n";

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(mail_hostile)

BOOST_AUTO_TEST_CASE(a_multipart_without_final_boundary_ends_at_the_end_of_the_input) {
    std::string raw = kHeader + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n";
    for (int i = 0; i < 100000; ++i) raw += "line " + std::to_string(i) + "\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_CHECK(t.message.verdict.state == MailVerdictState::accept);
    BOOST_CHECK(t.message.text.rfind("line 0\nline 1\n", 0) == 0);
    BOOST_CHECK(contains(t.message.text, "line 99999"));
}

BOOST_AUTO_TEST_CASE(multiparts_nested_2000_deep_are_rejected_before_parsing) {
    std::string raw = kHeader + "Content-Type: multipart/mixed; boundary=b0\n\n";
    for (int i = 1; i < 2000; ++i)
        raw += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\n\n";
    raw += "--b1999\nContent-Type: text/plain\n\ndeep\n";
    for (int i = 1999; i >= 0; --i) raw += "--b" + std::to_string(i) + "--\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_CHECK(t.message.verdict.state == MailVerdictState::reject);
    BOOST_CHECK_EQUAL(t.message.verdict.reason, "MIME parts are nested too deeply (over 20 levels)");
    BOOST_CHECK_EQUAL(t.message.from.address, "mallory@example.com"); // the header is still read
    BOOST_CHECK_EQUAL(t.message.subject, "hostile");
    BOOST_CHECK(t.message.text.empty());
}

BOOST_AUTO_TEST_CASE(attached_messages_nested_100000_deep_are_rejected) {
    std::string raw = kHeader;
    for (int i = 0; i < 100000; ++i) raw += "Content-Type: message/rfc822\n\n";
    raw += "Subject: innermost\n\nhi\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_CHECK(t.message.verdict.state == MailVerdictState::reject);
    BOOST_CHECK_EQUAL(t.message.verdict.reason, "MIME parts are nested too deeply (over 20 levels)");
}

BOOST_AUTO_TEST_CASE(two_hundred_thousand_parts_are_rejected_before_parsing) {
    std::string raw = kHeader + "Content-Type: multipart/mixed; boundary=b\n\n";
    for (int i = 0; i < 200000; ++i) raw += "--b\nContent-Type: text/plain\n\nx\n";
    raw += "--b--\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_CHECK(t.message.verdict.state == MailVerdictState::reject);
    BOOST_CHECK_EQUAL(t.message.verdict.reason, "too many MIME parts (over 500)");
}

BOOST_AUTO_TEST_CASE(parts_without_headers_or_blank_lines_are_counted_too) {
    std::string raw = kHeader + "Content-Type: multipart/mixed; boundary=b\n\n";
    for (int i = 0; i < 200000; ++i) raw += "--b\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_CHECK_EQUAL(t.message.verdict.reason, "too many MIME parts (over 500)");
}

BOOST_AUTO_TEST_CASE(a_200_kb_header_field_is_rejected_and_the_fields_before_it_are_read) {
    const std::string raw = kHeader + "X-Big: " + std::string(200 * 1024, 'a') + "\n\nbody\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_CHECK(t.message.verdict.state == MailVerdictState::reject);
    BOOST_CHECK_EQUAL(t.message.verdict.reason, "the message header is too large (over 100 KB)");
    BOOST_CHECK_EQUAL(t.message.subject, "hostile");
}

BOOST_AUTO_TEST_CASE(twenty_thousand_header_fields_are_rejected) {
    std::string raw = kHeader;
    for (int i = 0; i < 20000; ++i) raw += "X-H" + std::to_string(i) + ": v\n";
    const auto t = timedParse(raw + "\nbody\n");
    checkBounded(t);
    BOOST_CHECK_EQUAL(t.message.verdict.reason, "the message header has too many fields (over 500)");
}

BOOST_AUTO_TEST_CASE(a_huge_part_header_is_rejected) {
    std::string raw = kHeader + "Content-Type: multipart/mixed; boundary=b\n\n--b\n";
    for (int i = 0; i < 100000; ++i) raw += "X-P: v\n";
    const auto t = timedParse(raw + "\nx\n--b--\n");
    checkBounded(t);
    BOOST_CHECK_EQUAL(t.message.verdict.reason, "a MIME part header has too many fields (over 500)");
}

BOOST_AUTO_TEST_CASE(one_hundred_fifty_received_lines_mean_a_mail_loop) {
    std::string raw;
    for (int i = 0; i < 150; ++i)
        raw += "Received: from h" + std::to_string(i) + ".example by h" + std::to_string(i + 1) +
               ".example; Fri, 27 Nov 2026 10:00:00 +0000\n";
    const auto t = timedParse(raw + kHeader + "\nbody\n");
    checkBounded(t);
    BOOST_CHECK(t.message.verdict.state == MailVerdictState::reject);
    BOOST_CHECK(contains(t.message.verdict.reason, "too many Received fields (over 50)"));
    BOOST_CHECK_EQUAL(t.message.from.address, "mallory@example.com");
    // Fifty hops pass.
    std::string fifty;
    for (int i = 0; i < 50; ++i) fifty += "Received: from x by y; Fri, 27 Nov 2026 10:00:00 +0000\n";
    BOOST_CHECK(mail::parseMessage(fifty + kHeader + "\nbody\n").verdict.state == MailVerdictState::accept);
}

BOOST_AUTO_TEST_CASE(nul_and_crlf_in_decoded_names_are_removed) {
    std::string raw = kHeader + "Content-Type: multipart/mixed; boundary=b\n\n";
    raw += "--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename*=utf-8''a%00b%0D%0Ac%01%1F.txt\n\n1\n";
    raw += "--b\nContent-Type: text/plain; name=\"=?utf-8?q?x=0D=0Ay=00z?=.log\"\n\n2\n";
    raw += "--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"\\\\srv\\share\\..\\evil.exe\"\n\n3\n";
    raw += "--b--\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_REQUIRE_EQUAL(t.message.attachments.size(), 3u);
    for (const auto& a : t.message.attachments) {
        BOOST_CHECK(test::cleanLine(a.filename));
        BOOST_CHECK_EQUAL(a.filename.find_first_of("/\\"), std::string::npos);
    }
    // In a quoted-string '\' escapes the next character (RFC 5322), so this name has no path.
    BOOST_CHECK_EQUAL(t.message.attachments[2].filename, "srvshare..evil.exe");
}

BOOST_AUTO_TEST_CASE(invalid_charsets_everywhere_still_give_valid_utf8) {
    std::string raw = "From: =?\xff\xfe?B?AAAA?= <x@example.com>\nSubject: =?utf-16?b?2D3eAA==?= \xc3\x28 \xe9t\xe9\n"
                      "Content-Type: multipart/mixed; boundary=b\n\n";
    raw += "--b\nContent-Type: text/plain; charset=\"\xff\xfe\"\n\n\xc0\xaf\xed\xa0\x80 bytes \xf8\x88\x80\x80\x80\n";
    raw += "--b\nContent-Type: text/plain; charset=utf-7\n\n+AGEAYgBj- +2D3eAA-\n";
    raw += "--b\nContent-Type: text/plain; charset=iso-2022-jp\n\n\x1b$B\xff\xfe\x1b(B \x1b$Bbad\n";
    raw += "--b\nContent-Type: text/html; charset=x-nonsense\n\n<p>&#xD800; &#0; &#99999999; &bogus; caf\xe9</p>\n";
    raw += "--b--\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_CHECK(contains(t.message.text, "abc")); // UTF-7 decoded
    BOOST_CHECK(contains(t.message.text, " bytes "));
}

BOOST_AUTO_TEST_CASE(a_message_over_the_size_limit_is_rejected_unparsed) {
    domain::MailSettings settings;
    settings.limits.maxMessageBytes = 1 << 20;
    const std::string raw = kHeader + "\n" + std::string(2 << 20, 'x');
    const auto t = timedParse(raw, settings);
    checkBounded(t);
    BOOST_CHECK_EQUAL(t.message.verdict.reason, "the message is too large (2 MB); the limit is 1 MB");
    BOOST_CHECK_EQUAL(t.message.subject, "hostile");
}

BOOST_AUTO_TEST_CASE(too_many_or_too_large_attachments_are_rejected) {
    std::string raw = kHeader + "Content-Type: multipart/mixed; boundary=b\n\n--b\n\ntext\n";
    for (int i = 0; i < 5; ++i)
        raw += "--b\nContent-Type: application/octet-stream; name=f" + std::to_string(i) + ".bin\n\n" +
               std::string(2000, 'z') + "\n";
    raw += "--b--\n";
    domain::MailSettings few;
    few.limits.maxAttachments = 3;
    const auto many = timedParse(raw, few);
    checkBounded(many);
    BOOST_CHECK_EQUAL(many.message.verdict.reason, "too many attachments (over 3)");
    BOOST_CHECK(many.message.attachments.empty()); // a rejected message keeps no files
    domain::MailSettings small;
    small.limits.maxAttachmentBytes = 1024;
    const auto big = timedParse(raw, small);
    BOOST_CHECK_EQUAL(big.message.verdict.reason, "attachment f0.bin is too large (2 KB); the limit is 1 KB");
    BOOST_CHECK(mail::parseMessage(raw).verdict.state == MailVerdictState::accept);
}

BOOST_AUTO_TEST_CASE(a_message_over_the_cpu_budget_is_rejected) {
    std::string html = "<html><body>";
    for (int i = 0; i < 200000; ++i) html += "<div><b>word</b> &amp; &eacute; more</div>";
    domain::MailSettings settings;
    settings.limits.cpuBudgetMs = 1;
    const auto t = timedParse(kHeader + "Content-Type: text/html\n\n" + html, settings);
    BOOST_CHECK(t.message.verdict.state == MailVerdictState::reject);
    BOOST_CHECK_EQUAL(t.message.verdict.reason, "parsing took more than 1 ms of CPU time");
    BOOST_CHECK(t.message.text.empty());
    BOOST_CHECK_LT(t.seconds, kMaxSeconds);
}

BOOST_AUTO_TEST_CASE(deeply_nested_html_and_endless_lines_stay_linear) {
    std::string html;
    for (int i = 0; i < 200000; ++i) html += "<div><blockquote><ul><li>";
    html += "inside";
    std::string raw = kHeader + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/html\n\n" +
                      html + "\n--b\nContent-Type: text/plain\n\n";
    raw += std::string(3 << 20, 'y') + "\n";             // one 3 MB line for the reply cutter
    for (int i = 0; i < 20000; ++i) raw += "begin 644 x\n"; // blocks without "end"
    raw += "--b--\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_CHECK(t.message.verdict.state == MailVerdictState::accept);
    BOOST_CHECK(contains(t.message.text, "yyyy"));
}

BOOST_AUTO_TEST_CASE(many_declared_boundaries_in_one_level_are_cheap) {
    std::string raw = kHeader + "Content-Type: multipart/mixed; boundary=b\n\n";
    for (int i = 0; i < 400; ++i)
        raw += "--b\nContent-Type: text/plain; boundary=unused" + std::to_string(i) + "\n\n" +
               std::string(100, 'q') + "\n--unused" + std::to_string(i) + "\n";
    raw += "--b--\n";
    const auto t = timedParse(raw);
    checkBounded(t);
    BOOST_CHECK(t.message.verdict.state == MailVerdictState::accept);
}

BOOST_AUTO_TEST_SUITE_END()
