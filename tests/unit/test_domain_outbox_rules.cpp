// Retry timing of outgoing mail: a minute, doubling, at most six hours; dead after max tries.
#include "core/domain/outbox_rules.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(domain_outbox_rules)

BOOST_AUTO_TEST_CASE(the_delay_doubles_from_a_minute_up_to_six_hours) {
    BOOST_TEST(outboxRetryDelaySeconds(1) == 60);
    BOOST_TEST(outboxRetryDelaySeconds(2) == 120);
    BOOST_TEST(outboxRetryDelaySeconds(3) == 240);
    BOOST_TEST(outboxRetryDelaySeconds(9) == 15360);
    BOOST_TEST(outboxRetryDelaySeconds(10) == 6 * 3600); // 30,720 capped
}

BOOST_AUTO_TEST_CASE(the_delay_never_passes_six_hours_nor_overflows) {
    for (unsigned tries : {10u, 12u, 64u, 1000u, 4000000000u}) BOOST_TEST(outboxRetryDelaySeconds(tries) == 6 * 3600);
}

BOOST_AUTO_TEST_CASE(twelve_tries_outlast_20_hours_of_smtp_outage) {
    long waited = 0; // between the first and the last of the 12 tries
    for (unsigned tries = 1; tries < kDefaultOutboxMaxTries; ++tries) waited += outboxRetryDelaySeconds(tries);
    BOOST_TEST(waited == 73860); // 20.5 hours
}

BOOST_AUTO_TEST_CASE(a_mail_dies_at_max_tries) {
    BOOST_TEST(!outboxGivesUp(11, 12));
    BOOST_TEST(outboxGivesUp(12, 12));
    BOOST_TEST(outboxGivesUp(1, 1));
}

BOOST_AUTO_TEST_SUITE_END()
