// The subject of notification mails: Redmine's tag, the status, nothing that breaks a header.
#include "core/domain/mail_threading.hpp"
#include "core/domain/notification_subject.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(domain_notification_subject)

BOOST_AUTO_TEST_CASE(the_tag_the_status_and_the_subject) {
    BOOST_TEST(notificationSubject("PSProSupport", "Support", 123, "Accepted", "Export fails") ==
               "[PSProSupport - Support #123] (Accepted) Export fails");
}

BOOST_AUTO_TEST_CASE(intake_reads_the_tag_back) {
    const auto subject = notificationSubject("PSProSupport", "Support", 4711, "New", "Licence [#9] key");
    BOOST_TEST((subjectIssueTag("Re: " + subject) == std::optional<unsigned>(4711u)));
}

BOOST_AUTO_TEST_CASE(no_line_break_or_control_character_reaches_the_header) {
    const auto subject =
        notificationSubject("PS\r\nBcc: all@x.example", "Sup\tport", 1, "New\n", "Hi\r\nX-Injected: yes\x01");
    BOOST_TEST(subject.find_first_of("\r\n\t\x01") == std::string::npos);
    BOOST_TEST(subject == "[PS Bcc: all@x.example - Sup port #1] (New) Hi X-Injected: yes");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced) {
    const auto subject = notificationSubject("P", "T", 2, "New", "caf\xE9");
    BOOST_TEST(subject == "[P - T #2] (New) caf\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_SUITE_END()
