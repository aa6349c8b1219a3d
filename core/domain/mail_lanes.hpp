// Splitting a batch of incoming mail between processing lanes (connections working side by
// side) so that what depends on order stays in order: a sender's reply by subject tag needs
// the issue their earlier message made, the per-sender limit counts what came before, and a
// second copy of a Message-ID must see the first one processed.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace ticketflow::domain {

struct MailLaneKey {
    std::string sender;    ///< lower-case address ("" when the message has none)
    std::string messageId; ///< "" when the message has none
};

/// The lane (0 .. lanes-1) of each message. Messages sharing a sender or a non-empty
/// Message-ID, directly or through others, get the same lane; each such group goes, in order
/// of first appearance, to the lane with the fewest messages so far. lanes 0 counts as 1.
std::vector<std::size_t> assignMailLanes(const std::vector<MailLaneKey>& keys, std::size_t lanes);

} // namespace ticketflow::domain
