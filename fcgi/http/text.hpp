// Small text checks shared by the HTTP parsers: UTF-8 validity, HTTP tokens, ASCII case.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::http {

/// True if `s` is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing
/// above U+10FFFF, no truncated sequence. Never throws.
bool isValidUtf8(std::string_view s) noexcept;

/// Checks that decoded request text may be passed on to handlers, templates and the database.
/// Throws HttpError(400, "<what> is not valid UTF-8") or HttpError(400, "<what> contains a NUL byte").
void requireText(std::string_view s, std::string_view what);

/// Decodes %XX escapes (and '+' as space if `plusIsSpace`) without checking the result;
/// nullopt if a '%' is not followed by two hex digits. Never throws except std::bad_alloc.
std::optional<std::string> percentDecodeBytes(std::string_view s, bool plusIsSpace);

/// True for an RFC 9110 token character (header names, methods, cookie names).
bool isTokenChar(char c) noexcept;

/// True if `s` is a non-empty RFC 9110 token.
bool isToken(std::string_view s) noexcept;

/// ASCII-only lower-casing; bytes >= 0x80 are left alone (so UTF-8 stays intact).
std::string toLowerAscii(std::string_view s);

/// ASCII-only upper-casing.
std::string toUpperAscii(std::string_view s);

/// Case-insensitive ASCII comparison.
bool equalsIgnoreCase(std::string_view a, std::string_view b) noexcept;

/// `s` without leading and trailing spaces and tabs.
std::string_view trimSpace(std::string_view s) noexcept;

} // namespace ticketflow::http
