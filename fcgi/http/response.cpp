// Response: status, headers and body a handler fills in, serialized as a CGI response.
#include "fcgi/http/response.hpp"

#include "fcgi/http/text.hpp"

#include <algorithm>
#include <stdexcept>

namespace ticketflow::http {
namespace {

void validateHeader(std::string_view name, std::string_view value) {
    if (!isToken(name)) throw std::invalid_argument("invalid HTTP header name");
    // "Status" is how a CGI response carries the status line; a second one would be ambiguous.
    if (equalsIgnoreCase(name, "status"))
        throw std::invalid_argument("set Response::status instead of a Status header");
    for (char c : value) {
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7F)
            throw std::invalid_argument("control character (CR, LF, NUL...) in HTTP header value");
    }
}

// RFC 6265 cookie-octet: no controls, space, '"', ',', ';' or '\'.
bool isCookieOctet(char c) {
    auto u = static_cast<unsigned char>(c);
    return u == 0x21 || (u >= 0x23 && u <= 0x2B) || (u >= 0x2D && u <= 0x3A) || (u >= 0x3C && u <= 0x5B) ||
           (u >= 0x5D && u <= 0x7E);
}

std::string sameSiteAttribute(const CookieOptions& o) {
    if (o.sameSite.empty()) return {};
    for (const char* v : {"Strict", "Lax", "None"}) {
        if (equalsIgnoreCase(o.sameSite, v)) {
            // Browsers drop SameSite=None cookies without Secure: fail loudly here instead.
            if (std::string_view(v) == "None" && !o.secure)
                throw std::invalid_argument("SameSite=None cookie must be Secure");
            return std::string("; SameSite=") + v;
        }
    }
    throw std::invalid_argument("unknown SameSite value");
}

} // namespace

std::string_view reasonPhrase(int status) {
    switch (status) {
        case 100:
            return "Continue";
        case 101:
            return "Switching Protocols";
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 202:
            return "Accepted";
        case 204:
            return "No Content";
        case 206:
            return "Partial Content";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 303:
            return "See Other";
        case 304:
            return "Not Modified";
        case 307:
            return "Temporary Redirect";
        case 308:
            return "Permanent Redirect";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 406:
            return "Not Acceptable";
        case 409:
            return "Conflict";
        case 410:
            return "Gone";
        case 411:
            return "Length Required";
        case 412:
            return "Precondition Failed";
        case 413:
            return "Payload Too Large";
        case 414:
            return "URI Too Long";
        case 415:
            return "Unsupported Media Type";
        case 416:
            return "Range Not Satisfiable";
        case 422:
            return "Unprocessable Content";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 501:
            return "Not Implemented";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        case 504:
            return "Gateway Timeout";
        default:
            break;
    }
    switch (status / 100) {
        case 1:
            return "Informational";
        case 2:
            return "Success";
        case 3:
            return "Redirection";
        case 4:
            return "Client Error";
        case 5:
            return "Server Error";
        default:
            return "Unknown";
    }
}

void Response::setHeader(std::string name, std::string value) {
    validateHeader(name, value);
    auto same = [&](const auto& h) { return equalsIgnoreCase(h.first, name); };
    auto first = std::find_if(_headers.begin(), _headers.end(), same);
    if (first == _headers.end()) {
        _headers.emplace_back(std::move(name), std::move(value));
        return;
    }
    first->second = std::move(value);
    _headers.erase(std::remove_if(first + 1, _headers.end(), same), _headers.end());
}

void Response::addHeader(std::string name, std::string value) {
    validateHeader(name, value);
    _headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> Response::header(std::string_view name) const {
    for (const auto& h : _headers)
        if (equalsIgnoreCase(h.first, name)) return h.second;
    return std::nullopt;
}

const std::vector<std::pair<std::string, std::string>>& Response::headers() const {
    return _headers;
}

void Response::removeHeader(std::string_view name) {
    std::erase_if(_headers, [&](const auto& h) { return equalsIgnoreCase(h.first, name); });
}

void Response::setCookie(std::string_view name, std::string_view value, const CookieOptions& o) {
    if (!isToken(name)) throw std::invalid_argument("invalid cookie name");
    if (!std::all_of(value.begin(), value.end(), isCookieOctet))
        throw std::invalid_argument("invalid character in cookie value");
    for (char c : o.path)
        if (c == ';' || static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F)
            throw std::invalid_argument("invalid character in cookie path");
    // Browsers enforce the cookie name prefixes; refusing here saves a silent non-login.
    bool hostPrefix = name.substr(0, 7) == "__Host-";
    if ((hostPrefix || name.substr(0, 9) == "__Secure-") && !o.secure)
        throw std::invalid_argument("__Secure-/__Host- cookie must be Secure");
    if (hostPrefix && o.path != "/") throw std::invalid_argument("__Host- cookie must have Path=/");

    std::string c;
    c.append(name).append("=").append(value);
    if (!o.path.empty()) c += "; Path=" + o.path;
    if (o.maxAgeSeconds == 0)
        c += "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"; // Expires for old browsers
    else if (o.maxAgeSeconds > 0)
        c += "; Max-Age=" + std::to_string(o.maxAgeSeconds);
    if (o.secure) c += "; Secure";
    if (o.httpOnly) c += "; HttpOnly";
    c += sameSiteAttribute(o);
    addHeader("Set-Cookie", std::move(c));
}

void Response::redirect(std::string location, int code) {
    if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308)
        throw std::invalid_argument("redirect status must be 301, 302, 303, 307 or 308");
    if (location.empty()) throw std::invalid_argument("empty redirect location");
    setHeader("Location", std::move(location));
    status = code;
    body.clear();
}

std::string Response::serialize(bool headOnly) const {
    const int code = (status >= 100 && status <= 599) ? status : 500;
    const bool bodyless = code < 200 || code == 204 || code == 304;
    std::string out;
    out.reserve(256 + body.size());
    out += "Status: " + std::to_string(code) + " ";
    out += reasonPhrase(code);
    out += "\r\n";
    bool hasType = false;
    for (const auto& [name, value] : _headers) {
        if (equalsIgnoreCase(name, "content-length")) continue;
        if (equalsIgnoreCase(name, "content-type")) {
            if (bodyless) continue;
            hasType = true;
        }
        out += name + ": " + value + "\r\n";
    }
    if (!bodyless) {
        if (!hasType) out += "Content-Type: text/html; charset=utf-8\r\n";
        out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    out += "\r\n";
    if (!bodyless && !headOnly) out += body;
    return out;
}

} // namespace ticketflow::http
