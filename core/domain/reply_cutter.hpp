// Cutting a mail reply down to what the sender wrote: quoted text and the signature go.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// Delimiters an installation adds to the built-in ones (configuration: [mail]
/// reply_delimiter_* and reply_regex_*). A line that matches one ends the reply.
struct ReplyDelimiters {
    std::vector<std::string> lines;    ///< a line starting with one of these (trimmed, ASCII case ignored)
    std::vector<std::regex> patterns;  ///< searched in each line of at most kMaxPatternLine bytes
};

/// Lines longer than this are never tested against configured patterns (std::regex is
/// recursive and slow; a delimiter is a short line).
inline constexpr std::size_t kMaxPatternLine = 1000;

/// Compiles one configured delimiter pattern (ECMAScript syntax, case-insensitive).
/// Throws std::invalid_argument naming the pattern when it does not compile.
std::regex compileReplyPattern(const std::string& pattern);

/// What the sender wrote in a reply, for a note. `text` uses "\n" line ends. The reply ends at
/// the first of: a configured delimiter; "-----Original Message-----" (and its translations);
/// an Outlook header block ("From: …" followed within five lines by "Sent:"/"Date:" and
/// "To:"/"Subject:", in English, German, French, Spanish, Dutch, Italian); an attribution
/// ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", one or two lines) that is not
/// followed by a "> " quote; the signature delimiter "-- ". Before that, "> " quote blocks are
/// removed together with the attribution line that introduces them, so answers written between
/// quotes are kept. Blank-line runs shrink to one; a trailing "____" separator and blank lines
/// at both ends go. The result may be empty (a reply that only quotes). Linear in the text's
/// size apart from the configured patterns. Never throws except bad_alloc.
std::string cutReply(std::string_view text, const ReplyDelimiters& extra = {});

} // namespace ticketflow::domain
