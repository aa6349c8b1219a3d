// The limits and settings that govern how one incoming mail is parsed and judged.
#pragma once

#include "core/domain/mail_guards.hpp"
#include "core/domain/reply_cutter.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace ticketflow::domain {

/// Limits on one message ([mail] section of the configuration). A message over any of them is
/// not processed: its verdict is reject with a reason naming the limit. The defaults follow
/// what MTAs already enforce, so a legitimate mail that reached us fits them.
struct MailLimits {
    /// The raw message (Postfix's default message_size_limit is 10 MB, providers allow 25 MB).
    std::uint64_t maxMessageBytes = 25ull << 20;
    /// One header block, top-level or of a part (Postfix's header_size_limit is 100 KB).
    std::size_t maxHeaderBytes = 100u << 10;
    /// Fields in one header block (ordinary mail has 20–80, with many hops ~150).
    std::size_t maxHeaderFields = 500;
    /// Received fields of the top-level header: more hops than this is a mail loop
    /// (Postfix's hopcount_limit is 50).
    std::size_t maxReceived = 50;
    /// Nesting of multiparts and attached messages (real mail rarely goes past 6).
    std::size_t maxDepth = 20;
    /// MIME parts in the whole message, containers included.
    std::size_t maxParts = 500;
    /// Files taken from the message (parts and uuencoded blocks).
    std::size_t maxAttachments = 100;
    /// One decoded file (the default follows [attachments] max_size).
    std::uint64_t maxAttachmentBytes = 10ull << 20;
    /// CPU time the parser may spend on one message, in milliseconds.
    unsigned cpuBudgetMs = 2000;
};

/// Everything parsing and judging a message needs from the configuration.
struct MailSettings {
    MailLimits limits;
    /// How undeclared 8-bit text that is not UTF-8 is read ([mail] fallback_charset); set it to
    /// koi8-r or shift_jis where old local mailers send that unlabelled.
    std::string fallbackCharset = "windows-1252";
    MailGuardSettings guards;
    ReplyDelimiters reply;
};

} // namespace ticketflow::domain
