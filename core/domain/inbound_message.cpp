// An incoming mail as the rest of the system sees it: plain fields, text and files, a verdict.
#include "core/domain/inbound_message.hpp"
#include "core/domain/text.hpp"

namespace ticketflow::domain {

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
