// The guards every incoming mail passes before it may become an issue or a note (no database).
#include "core/domain/mail_guards.hpp"

#include "core/domain/text.hpp"

#include <optional>

namespace ticketflow::domain {
namespace {

/// The first word of a header value, lower case: "auto-replied (vacation)" -> "auto-replied".
std::string firstToken(std::string_view value) {
    value = trim(value);
    const auto end = value.find_first_of(" \t;(,");
    return asciiLower(value.substr(0, end));
}

MailVerdict verdict(MailVerdictState state, std::string reason) {
    return MailVerdict{state, std::move(reason)};
}

/// The value for a reason: short enough to read, no matter what the header held.
std::string shown(std::string_view value) {
    value = trim(value);
    if (value.size() <= 60) return std::string(value);
    std::size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return std::string(value.substr(0, cut)) + "…";
}

std::optional<MailVerdict> automaticMail(const InboundMessage& m) {
    if (const auto* v = m.header("Auto-Submitted"); v && firstToken(*v) != "no")
        return verdict(MailVerdictState::ignore, "automatic mail: Auto-Submitted: " + shown(*v));
    if (const auto* v = m.header("Precedence")) {
        const std::string p = firstToken(*v);
        if (p == "bulk" || p == "junk" || p == "list")
            return verdict(MailVerdictState::ignore, "automatic mail: Precedence: " + shown(*v));
    }
    for (const char* name : {"X-Autoreply", "X-Autorespond"}) {
        const auto* v = m.header(name);
        if (v && firstToken(*v) != "no" && firstToken(*v) != "false")
            return verdict(MailVerdictState::ignore, std::string("automatic mail: ") + name + ": " + shown(*v));
    }
    if (const auto* v = m.header("X-Auto-Response-Suppress")) {
        const std::string s = asciiLower(*v);
        if (s.find("all") != std::string::npos || s.find("oof") != std::string::npos ||
            s.find("autoreply") != std::string::npos)
            return verdict(MailVerdictState::ignore, "automatic mail: X-Auto-Response-Suppress: " + shown(*v));
    }
    return std::nullopt;
}

std::optional<MailVerdict> bounce(const InboundMessage& m) {
    if (m.returnPath == "<>") return verdict(MailVerdictState::ignore, "bounce: empty Return-Path <>");
    const std::string from = asciiLower(m.from.address);
    const std::string local = from.substr(0, from.find('@'));
    if (local == "mailer-daemon" || local == "postmaster")
        return verdict(MailVerdictState::ignore, "bounce: sent by " + m.from.address);
    if (m.deliveryReport) return verdict(MailVerdictState::ignore, "bounce: delivery status report");
    return std::nullopt;
}

} // namespace

MailVerdict checkGuards(const InboundMessage& m, const MailGuardSettings& settings) {
    if (const auto* v = m.header("X-Spam-Flag"); v && firstToken(*v) == "yes")
        return verdict(MailVerdictState::spam, "X-Spam-Flag: " + shown(*v));
    if (const auto* v = m.header("X-Spam-Status"); v && firstToken(*v) == "yes")
        return verdict(MailVerdictState::spam, "X-Spam-Status: " + shown(*v));
    if (!settings.loopHeader.empty() && m.header(settings.loopHeader))
        return verdict(MailVerdictState::ignore, "mail loop: carries our " + settings.loopHeader + " header");
    const std::string from = asciiLower(m.from.address);
    for (const auto& own : settings.ownAddresses)
        if (!from.empty() && asciiLower(trim(own)) == from)
            return verdict(MailVerdictState::ignore, "mail loop: sent from our own address " + m.from.address);
    if (auto v = bounce(m)) return *v;
    if (auto v = automaticMail(m)) return *v;
    if (m.from.address.empty()) return verdict(MailVerdictState::reject, "no sender address (From or Sender)");
    return MailVerdict{};
}

bool isBlockedSender(const std::vector<std::string>& blocked, const std::string& sender) {
    const auto at = sender.rfind('@');
    const std::string domainPart = at == std::string::npos ? std::string() : sender.substr(at);
    for (const auto& entry : blocked) {
        if (entry == sender || (!domainPart.empty() && entry == domainPart)) return true;
    }
    return false;
}

} // namespace ticketflow::domain
