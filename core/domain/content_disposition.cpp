// The Content-Disposition header of a download (RFC 6266), from a stored file name.
#include "core/domain/content_disposition.hpp"

namespace ticketflow::domain {
namespace {

/// RFC 5987 attr-char: what may stand unencoded in an ext-value.
bool isAttrChar(unsigned char c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

std::string asciiFallback(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 0x80) {
            // One '_' per character, not per byte: skip the continuation bytes.
            while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) ++i;
            out += '_';
        } else if (c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c == '%') {
            out += '_';
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string percentEncode(std::string_view name) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : name) {
        if (isAttrChar(c)) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace

std::string contentDisposition(std::string_view filename) {
    if (filename.empty()) filename = "download";
    return "attachment; filename=\"" + asciiFallback(filename) + "\"; filename*=UTF-8''" + percentEncode(filename);
}

} // namespace ticketflow::domain
