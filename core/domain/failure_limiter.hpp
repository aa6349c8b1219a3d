// Counting failures per client (secret-link guesses) to refuse a client that fails too often.
// Pure and single-threaded: the caller holds a lock and passes the clock.
#pragma once
#include <chrono>
#include <cstddef>
#include <string>
#include <unordered_map>

namespace ticketflow::domain {

class FailureLimiter {
public:
    using Clock = std::chrono::steady_clock;

    /// A client with `maxFailures` failures within `window` is blocked until the oldest of
    /// them is older than `window`. At most `maxClients` are remembered; when full, clients
    /// whose failures have expired are forgotten, then the one with the oldest window.
    FailureLimiter(unsigned maxFailures, std::chrono::seconds window, std::size_t maxClients = 100'000)
        : _maxFailures(maxFailures), _window(window), _maxClients(maxClients) {}

    bool blocked(const std::string& client, Clock::time_point now) const;
    /// Seconds until a blocked client may try again (0 when not blocked).
    long retryAfterSeconds(const std::string& client, Clock::time_point now) const;
    void fail(const std::string& client, Clock::time_point now);
    std::size_t clients() const { return _entries.size(); }

private:
    struct Entry {
        Clock::time_point windowStart;
        unsigned failures = 0;
    };
    void makeRoom(Clock::time_point now);
    unsigned _maxFailures;
    std::chrono::seconds _window;
    std::size_t _maxClients;
    std::unordered_map<std::string, Entry> _entries;
};

} // namespace ticketflow::domain
