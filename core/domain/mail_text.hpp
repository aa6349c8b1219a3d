// Clean-up of text taken from mail: invalid UTF-8, control characters, line ends, format=flowed.
#pragma once

#include <string>
#include <string_view>

namespace ticketflow::domain {

/// `bytes` as valid UTF-8: every byte that is not part of a well-formed sequence becomes
/// U+FFFD, everything else is kept as it is (control characters included).
/// Never throws except bad_alloc.
std::string toValidUtf8(std::string_view bytes);

/// One line of header text (a subject, a display name, an address, a Message-ID) as valid
/// UTF-8 without control characters: NUL, CR, LF, TAB and the other C0/C1 controls become a
/// space, runs of spaces collapse to one, both ends are trimmed. Never throws except bad_alloc.
std::string cleanHeaderText(std::string_view text);

/// Body text as valid UTF-8 with "\n" line ends: CR LF and lone CR become LF, form feed and
/// vertical tab become LF, NUL and the other control characters except TAB become U+FFFD,
/// spaces at line ends and blank lines at both ends are removed. Never throws except bad_alloc.
std::string cleanBodyText(std::string_view text);

/// Joins the soft line breaks of a text/plain; format=flowed body (RFC 3676): a line ending
/// in a space continues on the next line of the same quote depth; space-stuffing is undone;
/// with `delSp` the space before a soft break is removed too. "-- " stays a signature line.
/// Expects "\n" line ends. Never throws except bad_alloc.
std::string unflowText(std::string_view text, bool delSp);

} // namespace ticketflow::domain
