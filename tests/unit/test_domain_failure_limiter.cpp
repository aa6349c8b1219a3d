// The secret-link guess limiter: blocks after N failures in a window, frees after it, bounded.
#include "core/domain/failure_limiter.hpp"

#include <boost/test/unit_test.hpp>

using ticketflow::domain::FailureLimiter;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(failure_limiter)

BOOST_AUTO_TEST_CASE(blocks_after_the_limit_within_the_window_and_frees_after_it) {
    FailureLimiter limiter(3, 60s);
    const auto t0 = FailureLimiter::Clock::time_point{} + 1000s;
    for (int i = 0; i < 2; ++i) limiter.fail("10.0.0.1", t0 + std::chrono::seconds(i));
    BOOST_TEST(!limiter.blocked("10.0.0.1", t0 + 2s));
    limiter.fail("10.0.0.1", t0 + 2s);
    BOOST_TEST(limiter.blocked("10.0.0.1", t0 + 2s));
    BOOST_TEST(limiter.retryAfterSeconds("10.0.0.1", t0 + 2s) == 58);
    BOOST_TEST(!limiter.blocked("10.0.0.2", t0 + 2s)); // per client
    BOOST_TEST(limiter.blocked("10.0.0.1", t0 + 59s));
    BOOST_TEST(!limiter.blocked("10.0.0.1", t0 + 60s));
    limiter.fail("10.0.0.1", t0 + 61s); // a new window
    BOOST_TEST(!limiter.blocked("10.0.0.1", t0 + 61s));
}

BOOST_AUTO_TEST_CASE(failures_spread_wider_than_the_window_never_block) {
    FailureLimiter limiter(3, 60s);
    const auto t0 = FailureLimiter::Clock::time_point{} + 1000s;
    for (int i = 0; i < 10; ++i) {
        limiter.fail("a", t0 + std::chrono::seconds(31 * i));
        BOOST_TEST(!limiter.blocked("a", t0 + std::chrono::seconds(31 * i)));
    }
}

BOOST_AUTO_TEST_CASE(memory_stays_bounded_under_many_clients) {
    FailureLimiter limiter(2, 60s, 100);
    const auto t0 = FailureLimiter::Clock::time_point{} + 1000s;
    limiter.fail("blocked", t0);
    limiter.fail("blocked", t0);
    for (int i = 0; i < 10'000; ++i) limiter.fail("c" + std::to_string(i), t0 + 1s);
    BOOST_TEST(limiter.clients() <= 100u);
    // Expired entries go first when room is needed.
    for (int i = 0; i < 200; ++i) limiter.fail("d" + std::to_string(i), t0 + 120s);
    BOOST_TEST(limiter.clients() <= 100u);
    BOOST_TEST(!limiter.blocked("blocked", t0 + 120s));
}

BOOST_AUTO_TEST_SUITE_END()
