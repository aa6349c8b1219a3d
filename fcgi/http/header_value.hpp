// HeaderValue: a structured header such as Content-Type or Content-Disposition split into value and parameters.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::http {

/// `value *( ";" name "=" ( token / quoted-string ) )`, e.g.
/// `form-data; name="file"; filename="a.txt"`.
struct HeaderValue {
    std::string value;                         ///< lower-cased, e.g. "multipart/form-data"
    std::map<std::string, std::string> params; ///< lower-cased names, unquoted values

    /// Parses `header`. A backslash in a quoted string escapes only '"' and '\' (browsers do
    /// not escape at all, and IE sends "C:\dir\file"). Returns nullopt for an empty value,
    /// a parameter without '=' or name, an unterminated quote, junk after a quoted value or
    /// a duplicate parameter name (a classic way to smuggle a second filename past a filter).
    /// Never throws except std::bad_alloc.
    static std::optional<HeaderValue> parse(std::string_view header);
};

} // namespace ticketflow::http
