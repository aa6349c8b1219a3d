// Unstructured header text (a Subject) decoded from RFC 2047 encoded words with our charset rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::mail {

/// Decodes a raw (possibly folded) unstructured header value: "=?charset?B|Q?…?=" encoded
/// words are decoded and converted with convertToUtf8 (so vendor characters GMime's iconv
/// names lose, like ① in ISO-2022-JP, survive); adjacent encoded words of one charset are
/// joined before conversion (a character may be split across them); white space between
/// encoded words goes; undeclared 8-bit text is UTF-8 if valid, else `fallbackCharset`.
/// Lenient like mail clients: encoded words inside words, missing base64 padding, an RFC 2231
/// language ("utf-8*de"). The result is valid UTF-8 but not yet cleaned of control
/// characters. Never throws except bad_alloc.
std::string decodeHeaderText(std::string_view raw, std::string_view fallbackCharset);

/// The value of parameter `name` (ASCII case ignored; "filename" does not match "filename*")
/// in a raw structured header value such as ` attachment;\n\tfilename="a b.txt"`, unfolded,
/// quotes and quoted-pair escapes removed; nullopt when it is not there. For the encoded words
/// mailers put into quoted parameters, which GMime decodes only partly when they are folded.
/// Never throws except bad_alloc.
std::optional<std::string> rawParameter(std::string_view headerValue, std::string_view name);

} // namespace ticketflow::mail
