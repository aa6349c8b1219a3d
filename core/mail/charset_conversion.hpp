// Text of any charset a mail declares, converted to valid UTF-8 through iconv.
#pragma once

#include <string>
#include <string_view>

namespace ticketflow::mail {

/// `bytes` written in `charset` (a MIME charset name, any case, maybe quoted) as valid UTF-8.
/// Bytes the charset cannot decode become U+FFFD, one per bad byte, and the conversion goes
/// on after them. Names are read the way mail clients read them: ISO-8859-1 and US-ASCII as
/// windows-1252 (its superset, which is what such mail really holds), GB2312/GBK as GB18030,
/// KS C 5601 as CP949, Shift_JIS as CP932, ISO-2022-JP with the Microsoft/NEC extensions
/// (CP50221: circled digits, roman numerals), plus a few names iconv lacks. With no charset,
/// or one iconv does not know, valid UTF-8 is kept and anything else is read in
/// `fallbackCharset` (windows-1252 if that is unknown too: every byte is a character there).
/// Never throws except bad_alloc.
std::string convertToUtf8(std::string_view bytes, std::string_view charset,
                          std::string_view fallbackCharset = "windows-1252");

} // namespace ticketflow::mail
