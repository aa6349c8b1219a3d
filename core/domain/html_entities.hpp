// HTML character references (named ones of HTML 4 and &apos;, numeric ones), for mail HTML.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ticketflow::domain {

/// The code point of the named character reference `name` (without '&' and ';', case
/// sensitive: "Auml" is Ä, "auml" is ä), or 0 when HTML 4 has no such name. Never throws.
char32_t htmlEntityCodePoint(std::string_view name);

/// Decodes the character reference starting at html[pos] ('&') and appends it to `out` as
/// UTF-8; returns the position after it. Numeric references in 128..159 are read as
/// windows-1252 (as browsers do); 0, surrogates and values above U+10FFFF become U+FFFD; the
/// names people type without ';' (amp, lt, gt, quot, nbsp) are accepted; anything else is
/// not a reference and appends a literal '&'. Never throws except bad_alloc.
std::size_t decodeCharacterReference(std::string_view html, std::size_t pos, std::string& out);

} // namespace ticketflow::domain
