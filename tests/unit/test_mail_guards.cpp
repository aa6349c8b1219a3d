// The header guards of mail intake: spam, loops, bounces, automatic mail, missing sender.
#include "core/domain/mail_guards.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::domain;

namespace {

InboundMessage mailFrom(const std::string& address, std::vector<MailHeader> headers = {}) {
    InboundMessage m;
    m.from = {"Someone", address};
    m.headers = std::move(headers);
    return m;
}

MailVerdict judge(const InboundMessage& m, const MailGuardSettings& settings = {}) {
    return checkGuards(m, settings);
}

} // namespace

BOOST_AUTO_TEST_SUITE(mail_guards)

BOOST_AUTO_TEST_CASE(ordinary_mail_is_accepted) {
    const auto v = judge(mailFrom("customer@example.com", {{"Precedence", "first-class"}, {"Auto-Submitted", "no"},
                                                           {"X-Auto-Response-Suppress", "DR, RN, NRN"},
                                                           {"X-Spam-Flag", "NO"}, {"X-Autoreply", "no"}}));
    BOOST_CHECK(v.state == MailVerdictState::accept);
    BOOST_CHECK_EQUAL(v.reason, "");
}

BOOST_AUTO_TEST_CASE(automatic_mail_is_ignored) {
    const std::vector<std::pair<MailHeader, std::string>> cases{
        {{"Auto-Submitted", "auto-generated"}, "automatic mail: Auto-Submitted: auto-generated"},
        {{"auto-submitted", "Auto-Replied; owner-email=x"}, "automatic mail: Auto-Submitted: Auto-Replied; owner-email=x"},
        {{"Precedence", "bulk"}, "automatic mail: Precedence: bulk"},
        {{"Precedence", " JUNK "}, "automatic mail: Precedence: JUNK"},
        {{"Precedence", "list"}, "automatic mail: Precedence: list"},
        {{"X-Autoreply", "yes"}, "automatic mail: X-Autoreply: yes"},
        {{"X-Autorespond", "Vacation"}, "automatic mail: X-Autorespond: Vacation"},
        {{"X-Auto-Response-Suppress", "All"}, "automatic mail: X-Auto-Response-Suppress: All"},
        {{"X-Auto-Response-Suppress", "DR, OOF, AutoReply"}, "automatic mail: X-Auto-Response-Suppress: DR, OOF, AutoReply"},
    };
    for (const auto& [header, reason] : cases) {
        const auto v = judge(mailFrom("customer@example.com", {header}));
        BOOST_CHECK_MESSAGE(v.state == MailVerdictState::ignore, header.name << ": " << header.value);
        BOOST_CHECK_EQUAL(v.reason, reason);
    }
}

BOOST_AUTO_TEST_CASE(bounces_are_ignored) {
    auto nullSender = mailFrom("someone@example.com");
    nullSender.returnPath = "<>";
    BOOST_CHECK_EQUAL(judge(nullSender).reason, "bounce: empty Return-Path <>");
    BOOST_CHECK_EQUAL(judge(mailFrom("MAILER-DAEMON@mx.example.com")).reason, "bounce: sent by MAILER-DAEMON@mx.example.com");
    BOOST_CHECK_EQUAL(judge(mailFrom("Postmaster@example.com")).reason, "bounce: sent by Postmaster@example.com");
    auto report = mailFrom("robot@example.com");
    report.deliveryReport = true;
    BOOST_CHECK(judge(report).state == MailVerdictState::ignore);
    BOOST_CHECK_EQUAL(judge(report).reason, "bounce: delivery status report");
    BOOST_CHECK(judge(mailFrom("mailer-daemon.fan@example.com")).state == MailVerdictState::accept);
}

BOOST_AUTO_TEST_CASE(our_own_addresses_and_loop_header_are_a_loop) {
    MailGuardSettings settings;
    settings.ownAddresses = {"support@ticketflow.example", " noreply@ticketflow.example "};
    BOOST_CHECK_EQUAL(judge(mailFrom("NoReply@TicketFlow.example"), settings).reason,
                      "mail loop: sent from our own address NoReply@TicketFlow.example");
    BOOST_CHECK(judge(mailFrom("customer@example.com"), settings).state == MailVerdictState::accept);
    const auto looped = judge(mailFrom("customer@example.com", {{"x-ticketflow-loop", "instance-1"}}), settings);
    BOOST_CHECK(looped.state == MailVerdictState::ignore);
    BOOST_CHECK_EQUAL(looped.reason, "mail loop: carries our X-Ticketflow-Loop header");
    settings.loopHeader = "X-Our-Loop";
    BOOST_CHECK(judge(mailFrom("c@example.com", {{"X-Ticketflow-Loop", "1"}}), settings).state == MailVerdictState::accept);
}

BOOST_AUTO_TEST_CASE(spam_wins_over_everything_else) {
    MailGuardSettings settings;
    settings.ownAddresses = {"support@ticketflow.example"};
    const auto v = judge(mailFrom("support@ticketflow.example", {{"X-Spam-Flag", "YES"}, {"Precedence", "bulk"}}),
                         settings);
    BOOST_CHECK(v.state == MailVerdictState::spam);
    BOOST_CHECK_EQUAL(v.reason, "X-Spam-Flag: YES");
    BOOST_CHECK(judge(mailFrom("a@example.com", {{"X-Spam-Status", "Yes, score=9"}})).state == MailVerdictState::spam);
    BOOST_CHECK(judge(mailFrom("a@example.com", {{"X-Spam-Status", "No, score=-1"}})).state == MailVerdictState::accept);
}

BOOST_AUTO_TEST_CASE(mail_without_sender_is_rejected_unless_automatic) {
    const auto v = judge(mailFrom(""));
    BOOST_CHECK(v.state == MailVerdictState::reject);
    BOOST_CHECK_EQUAL(v.reason, "no sender address (From or Sender)");
    BOOST_CHECK(judge(mailFrom("", {{"Auto-Submitted", "auto-generated"}})).state == MailVerdictState::ignore);
}

BOOST_AUTO_TEST_CASE(long_header_values_are_shortened_in_reasons) {
    const auto v = judge(mailFrom("a@example.com", {{"Precedence", "bulk " + std::string(500, 'x')}}));
    BOOST_CHECK_LT(v.reason.size(), 120u);
    BOOST_CHECK_EQUAL(verdictStateName(v.state), "ignore");
}

BOOST_AUTO_TEST_CASE(blocked_senders_by_address_or_domain) {
    const std::vector<std::string> blocked{"spammer@example.net", "@junk.example"};
    BOOST_TEST(isBlockedSender(blocked, "spammer@example.net"));
    BOOST_TEST(isBlockedSender(blocked, "anyone@junk.example"));
    BOOST_TEST(!isBlockedSender(blocked, "friend@example.net"));
    BOOST_TEST(!isBlockedSender(blocked, "someone@notjunk.example"));
    BOOST_TEST(!isBlockedSender(blocked, "no-at-sign"));
}

BOOST_AUTO_TEST_SUITE_END()
