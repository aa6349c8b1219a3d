// When an outgoing mail that failed is tried again, and when it is given up (DESIGN §4: retries
// with backoff; nothing lost while SMTP is down, dead letters shown in admin with "retry").
#pragma once

namespace ticketflow::domain {

/// Seconds to wait after the `tries`-th failed attempt (1, 2, ...): one minute, doubling, at
/// most six hours. With the default of 12 tries a mail is given up after 20.5 hours of failures.
long outboxRetryDelaySeconds(unsigned tries);

inline constexpr unsigned kDefaultOutboxMaxTries = 12;

/// True when a mail that has now failed `tries` times is dead (kept, shown in admin, not sent).
inline bool outboxGivesUp(unsigned tries, unsigned maxTries) {
    return tries >= maxTries;
}

} // namespace ticketflow::domain
