// An incoming mail as the rest of the system sees it: plain fields, text and files, a verdict.
#include "core/domain/inbound_message.hpp"

namespace ticketflow::domain {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

} // namespace

std::string_view verdictStateName(MailVerdictState state) {
    switch (state) {
        case MailVerdictState::accept:
            return "accept";
        case MailVerdictState::ignore:
            return "ignore";
        case MailVerdictState::spam:
            return "spam";
        case MailVerdictState::reject:
            return "reject";
    }
    return "reject";
}

const std::string* InboundMessage::header(std::string_view name) const {
    for (const auto& h : headers)
        if (equalsIgnoreCase(h.name, name)) return &h.value;
    return nullptr;
}

} // namespace ticketflow::domain
