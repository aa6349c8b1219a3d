// Parsing one raw incoming mail into an InboundMessage with a verdict (GMime underneath).
#pragma once

#include "core/domain/inbound_message.hpp"
#include "core/domain/mail_settings.hpp"

#include <cstdint>
#include <string_view>

namespace ticketflow::mail {

/// Parses the raw bytes of one message (RFC 5322, LF or CRLF line ends, an mbox "From " line
/// in front is skipped) and judges it. The steps:
/// 1. a pre-scan of the raw bytes against settings.limits (size, header size and fields,
///    Received count, MIME parts, nesting); a message over a limit is not given to GMime: only
///    its header is parsed (for sender, subject, ids) and the verdict is reject with the reason;
/// 2. GMime parses it; the header fields, the body text (see collectBody) and the files are
///    taken out, within the limits and the CPU budget (reject with the reason when over);
/// 3. text is cleaned (valid UTF-8, "\n" line ends, no control characters) and cut for a
///    reply (domain::cutReply with settings.reply);
/// 4. the header guards (domain::checkGuards with settings.guards) give the verdict.
/// Every string in the result is valid UTF-8. A rejected message has no text and no files.
/// Safe to call from several threads at once. Never throws except bad_alloc.
domain::InboundMessage parseMessage(std::string_view raw, const domain::MailSettings& settings = {});

/// A message too large to read whole (a file or a POP3 LIST size over limits.maxMessageBytes):
/// `head` is its beginning (at least its header; `TOP n 0` over POP3), `size` its full size.
/// The header fields are read from `head`; the verdict is reject "the message is too large".
/// Never throws except bad_alloc.
domain::InboundMessage parseOversized(std::string_view head, std::uint64_t size,
                                      const domain::MailSettings& settings = {});

} // namespace ticketflow::mail
