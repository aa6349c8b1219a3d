// Small pure text helpers for the domain rules: trimming, UTF-8 checks, splitting, id parsing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// Removes leading and trailing whitespace: ASCII whitespace and the invisible Unicode spaces
/// a pasted note may carry (NBSP, ideographic space, zero-width space, BOM, ...).
/// Returns a view into `text`; bytes that are not valid UTF-8 are never trimmed. Never throws.
std::string_view trim(std::string_view text);

/// True when nothing but whitespace (as trim() defines it) remains. Never throws.
bool isBlank(std::string_view text);

/// True when `text` is well-formed UTF-8: shortest encodings only, no surrogates, nothing
/// above U+10FFFF. Never throws.
bool isValidUtf8(std::string_view text);

/// Number of code points in `text`. Each byte of an ill-formed sequence counts as one, so the
/// result is only meaningful for valid UTF-8 (check isValidUtf8 first). Never throws.
std::size_t utf8Length(std::string_view text);

/// True when `text` holds a control character (Unicode category Cc: C0, DEL, C1).
/// With allowLineBreaks, tab, LF and CR are accepted (multi-line text). Never throws.
bool hasControlCharacters(std::string_view text, bool allowLineBreaks = false);

/// Splits on `separator`, keeping empty pieces ("a||b" -> "a", "", "b"; "" -> one empty piece).
/// The views point into `text`. Never throws except std::bad_alloc.
std::vector<std::string_view> split(std::string_view text, char separator);

/// Parses a database id: decimal digits only (no sign, no spaces), 1 .. UINT_MAX.
/// Returns nullopt for anything else. Never throws.
std::optional<unsigned> parseId(std::string_view text);

/// At most `maxChars` code points of valid UTF-8 `text` (a prefix, never a split character);
/// for a database column measured in characters. Never throws except bad_alloc.
std::string truncateUtf8(std::string_view text, std::size_t maxChars);

/// `text` with the ASCII letters in lower case, every other byte as it is (addresses, names of
/// headers, charsets, HTML tags).
std::string asciiLower(std::string_view text);
inline char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
/// Equal when compared with ASCII letters in lower case.
bool equalsIgnoreCase(std::string_view a, std::string_view b);

} // namespace ticketflow::domain
