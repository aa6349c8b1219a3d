// A cheap look at the raw bytes of a mail before a MIME parser sees them: size and shape limits.
#pragma once

#include "core/domain/mail_settings.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ticketflow::domain {

/// What the pre-scan found. Counts stop at the first limit exceeded.
struct MimePrescan {
    std::size_t start = 0;     ///< where the message starts (after an mbox "From " line)
    std::size_t headerEnd = 0; ///< end of the top-level header (after its blank line, if any)
    std::size_t headerBytes = 0, headerFields = 0, received = 0; ///< of the top-level header
    std::size_t parts = 0; ///< parts opened by a delimiter line of an enclosing multipart
    std::size_t depth = 0; ///< deepest multipart nesting seen
    std::string violation; ///< the first limit exceeded, for people; empty when none
};

/// Bytes of the mbox separator line ("From sender@example.org  Fri Mar 22 08:30:28 2013")
/// at the start of `raw`, its line end included; 0 when there is none ("From: " and
/// "From : " are header fields, not separators). Never throws.
std::size_t mboxSeparatorLength(std::string_view raw);

/// "WHAT is too large (12 MB); the limit is 10 MB" (exact bytes when both sizes would read the
/// same). Never throws except bad_alloc.
std::string tooLargeReason(std::string_view what, std::uint64_t size, std::uint64_t limit);

/// Reads the message line by line the way a MIME parser would see its structure: header
/// blocks (top-level, of parts, of attached messages), the boundaries multipart headers
/// declare, and the delimiter lines that open and close parts. It checks the message size,
/// the size and field count of every header block, the top-level Received count, the number
/// of parts and the multipart nesting against `limits`, and stops at the first violation.
/// Parsers take time and memory per part and per nesting level (GMime needs 3 s and 400 MB for
/// 200,000 parts, and checks every line against every open boundary), so a message that fails
/// here must not be handed to one. One pass, memory bounded by the nesting limit.
/// Never throws except bad_alloc.
MimePrescan prescanMime(std::string_view raw, const MailLimits& limits);

} // namespace ticketflow::domain
