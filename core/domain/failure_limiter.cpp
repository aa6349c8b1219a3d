// Counting failures per client to refuse a client that fails too often.
#include "core/domain/failure_limiter.hpp"

#include <algorithm>

namespace ticketflow::domain {

bool FailureLimiter::blocked(const std::string& client, Clock::time_point now) const {
    return retryAfterSeconds(client, now) > 0;
}

long FailureLimiter::retryAfterSeconds(const std::string& client, Clock::time_point now) const {
    const auto it = _entries.find(client);
    if (it == _entries.end() || it->second.failures < _maxFailures) return 0;
    const auto end = it->second.windowStart + _window;
    if (now >= end) return 0;
    return std::max<long>(1, std::chrono::duration_cast<std::chrono::seconds>(end - now).count());
}

void FailureLimiter::fail(const std::string& client, Clock::time_point now) {
    auto it = _entries.find(client);
    if (it == _entries.end()) {
        if (_entries.size() >= _maxClients) makeRoom(now);
        _entries.emplace(client, Entry{now, 1});
        return;
    }
    // A fixed window per client, restarted when it has passed: simple, and a client blocked
    // once is free again a window after its first failure.
    if (now >= it->second.windowStart + _window) {
        it->second = Entry{now, 1};
    } else if (it->second.failures < _maxFailures) {
        ++it->second.failures;
    }
}

void FailureLimiter::makeRoom(Clock::time_point now) {
    std::erase_if(_entries, [&](const auto& e) { return now >= e.second.windowStart + _window; });
    if (_entries.size() < _maxClients) return;
    const auto oldest = std::min_element(_entries.begin(), _entries.end(), [](const auto& a, const auto& b) {
        return a.second.windowStart < b.second.windowStart;
    });
    _entries.erase(oldest);
}

} // namespace ticketflow::domain
