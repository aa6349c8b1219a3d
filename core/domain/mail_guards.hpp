// The guards every incoming mail passes before it may become an issue or a note (no database).
#pragma once

#include "core/domain/inbound_message.hpp"

#include <string>
#include <vector>

namespace ticketflow::domain {

/// What the guards need to know about this installation ([mail] own_addresses, loop_header).
struct MailGuardSettings {
    std::vector<std::string> ownAddresses;         ///< our mailboxes; mail from them is ours
    std::string loopHeader = "X-Ticketflow-Loop";  ///< the header our outgoing mail carries
};

/// The verdict of the header guards of DESIGN §3 step 1 on a parsed message, checked in this
/// order (the first that applies wins):
/// - spam: `X-Spam-Flag: YES` or `X-Spam-Status: Yes, …` (spam often forges our own address,
///   so this comes first);
/// - ignore, loop: the loop header is present, or From is one of our own addresses;
/// - ignore, bounce: Return-Path `<>`, a MAILER-DAEMON or postmaster sender, a delivery report;
/// - ignore, automatic: `Auto-Submitted` other than `no`, `Precedence: bulk|junk|list`,
///   `X-Autoreply`/`X-Autorespond` other than `no`, `X-Auto-Response-Suppress` naming All,
///   OOF or AutoReply;
/// - reject: no sender address at all;
/// - accept otherwise.
/// The parser's limits (size, nesting, …) are checked before and win over all of these.
/// Never throws except bad_alloc.
MailVerdict checkGuards(const InboundMessage& message, const MailGuardSettings& settings);

/// [intake] blocked: `sender` (lower case) is listed itself, or its domain as "@domain".
bool isBlockedSender(const std::vector<std::string>& blocked, const std::string& sender);

} // namespace ticketflow::domain
