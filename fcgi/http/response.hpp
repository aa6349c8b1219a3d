// Response: status, headers and body a handler fills in, serialized as a CGI response.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ticketflow::http {

/// Attributes of a Set-Cookie header. Cookies are always host-only (no Domain attribute).
struct CookieOptions {
    std::string path = "/"; ///< "" omits Path
    bool httpOnly = true;
    bool secure = false;
    std::string sameSite = "Lax"; ///< "Strict", "Lax", "None" (needs secure) or "" to omit
    long maxAgeSeconds = -1;      ///< -1 (any negative) session cookie, 0 delete, > 0 lifetime
};

/// Standard reason phrase for `status` ("Not Found"); for unknown codes a generic phrase for
/// its class ("Client Error"), or "Unknown". Never throws.
std::string_view reasonPhrase(int status);

/// What a handler answers. Header names and values are validated when set, so nothing from
/// user input can split the response.
class Response {
public:
    int status = 200;
    std::string body;

    /// Replaces every header named `name` (case-insensitive) by one with `value`, keeping the
    /// position of the first. Throws std::invalid_argument if `name` is not an HTTP token,
    /// is "Status" (use `status`), or `value` contains CR, LF, NUL or another control
    /// character except tab.
    void setHeader(std::string name, std::string value);

    /// Appends a header even if one of the same name exists (e.g. Set-Cookie). Same validation
    /// and exceptions as setHeader.
    void addHeader(std::string name, std::string value);

    /// Value of the first header named `name` (case-insensitive), if any. Never throws.
    std::optional<std::string> header(std::string_view name) const;

    /// All headers in the order they will be sent. Never throws.
    const std::vector<std::pair<std::string, std::string>>& headers() const;

    /// Removes every header named `name` (case-insensitive). Never throws.
    void removeHeader(std::string_view name);

    /// Appends a Set-Cookie header: "name=value; Path=/; Max-Age=0; Expires=...; Secure;
    /// HttpOnly; SameSite=Lax". Throws std::invalid_argument if `name` is not a token, `value`
    /// has characters outside RFC 6265 cookie-octets (encode it first), the path has ';' or
    /// controls, sameSite is unknown, SameSite=None or a __Secure-/__Host- name is used
    /// without `secure`, or a __Host- cookie has a path other than "/".
    void setCookie(std::string_view name, std::string_view value, const CookieOptions& options);

    /// Sets status (301, 302, 303, 307 or 308), the Location header and an empty body.
    /// The caller must make sure `location` is a local or trusted URL (no open redirects).
    /// Throws std::invalid_argument for another status, an empty location or CR/LF/NUL in it.
    void redirect(std::string location, int status = 303);

    /// The CGI response: "Status: 200 OK\r\n", the headers, "Content-Type: text/html;
    /// charset=utf-8" if none was set, "Content-Length" computed from the body (one set by the
    /// handler is dropped), a blank line and the body. `headOnly` (HEAD requests) keeps the
    /// headers, including Content-Length, but drops the body. 1xx, 204 and 304 get neither
    /// body, Content-Type nor Content-Length. A status outside 100..599 is sent as 500.
    /// Throws only std::bad_alloc.
    std::string serialize(bool headOnly = false) const;

private:
    std::vector<std::pair<std::string, std::string>> _headers;
};

} // namespace ticketflow::http
