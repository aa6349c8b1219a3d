// percentDecode, parseUrlEncoded and parseCookies (multipart and buildRequest have their own files).
#include "fcgi/http/form_parser.hpp"

#include "fcgi/http/http_error.hpp"
#include "fcgi/http/text.hpp"

namespace ticketflow::http {

std::string percentDecode(std::string_view s, bool plusIsSpace) {
    std::optional<std::string> out = percentDecodeBytes(s, plusIsSpace);
    if (!out) throw HttpError(400, "malformed percent-encoding");
    requireText(*out, "decoded text");
    return std::move(*out);
}

std::multimap<std::string, std::string> parseUrlEncoded(std::string_view s, const Limits& limits) {
    if (s.size() > limits.maxBody) throw HttpError(413, "form data too large");
    std::multimap<std::string, std::string> out;
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t amp = s.find('&', pos);
        if (amp == std::string_view::npos) amp = s.size();
        std::string_view pair = s.substr(pos, amp - pos);
        pos = amp + 1;
        if (pair.empty()) continue;
        // Count before decoding so that a flood of tiny pairs is refused cheaply.
        if (++count > limits.maxFields) throw HttpError(413, "too many form fields");
        std::size_t eq = pair.find('=');
        std::string name = percentDecode(pair.substr(0, eq), true);
        std::string value = eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), true);
        if (name.size() > limits.maxFieldSize || value.size() > limits.maxFieldSize)
            throw HttpError(413, "form field too large");
        if (name.empty()) continue;
        out.emplace(std::move(name), std::move(value));
    }
    return out;
}

namespace {

// RFC 6265 cookie-octet, widened to any byte >= 0x80 (UTF-8 is checked separately) plus
// space, comma and backslash, which browsers store and send back even though the RFC
// forbids them; '"' and ';' stay out, controls stay out.
bool isCookieValueChar(unsigned char c) noexcept {
    return c >= 0x20 && c != 0x7F && c != '"' && c != ';';
}

} // namespace

std::map<std::string, std::string> parseCookies(std::string_view header) {
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t semi = header.find(';', pos);
        if (semi == std::string_view::npos) semi = header.size();
        std::string_view pair = trimSpace(header.substr(pos, semi - pos));
        pos = semi + 1;
        std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view name = trimSpace(pair.substr(0, eq));
        std::string_view value = trimSpace(pair.substr(eq + 1));
        if (!isToken(name)) continue;
        if (!value.empty() && value.front() == '"') {
            if (value.size() < 2 || value.back() != '"') continue;
            value = value.substr(1, value.size() - 2);
        }
        bool ok = isValidUtf8(value);
        for (std::size_t i = 0; ok && i < value.size(); ++i)
            ok = isCookieValueChar(static_cast<unsigned char>(value[i]));
        if (!ok) continue;
        out.emplace(std::string(name), std::string(value));
    }
    return out;
}

} // namespace ticketflow::http
