// When an outgoing mail that failed is tried again.
#include "core/domain/outbox_rules.hpp"

namespace ticketflow::domain {

long outboxRetryDelaySeconds(unsigned tries) {
    constexpr long kFirst = 60, kMost = 6 * 3600;
    long delay = kFirst;
    for (unsigned i = 1; i < tries && delay < kMost; ++i) delay *= 2;
    return delay < kMost ? delay : kMost;
}

} // namespace ticketflow::domain
