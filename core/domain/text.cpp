// Small pure text helpers for the domain rules: trimming, UTF-8 checks, splitting, id parsing.
#include "core/domain/text.hpp"

#include <algorithm>
#include <limits>

namespace ticketflow::domain {
namespace {

struct Decoded {
    char32_t codePoint = 0;
    std::size_t length = 0; // bytes; 0 = ill-formed
};

/// Decodes one code point at `pos`, following the well-formed table of Unicode §3.9
/// (so overlongs, surrogates and values above U+10FFFF are rejected).
Decoded decodeAt(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char b0 = byte(0);
    if (b0 < 0x80) return {b0, 1};
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        cp = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F; // U+D800..U+DFFF are surrogates, not characters
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        cp = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return {};
    }
    if (pos + length > text.size()) return {};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char b = byte(i);
        const unsigned char min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
        if (b < min || b > max) return {};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {cp, length};
}

bool isSpace(char32_t cp) {
    switch (cp) {
        case U' ':
        case U'\t':
        case U'\n':
        case U'\r':
        case U'\f':
        case U'\v':
        case 0x85:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
        case 0x200B:
        case 0xFEFF: // zero-width space and BOM: invisible, so a "note" of them is blank
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;
    }
}

/// Length of the whitespace code point ending at `end`, or 0.
std::size_t spaceEndingAt(std::string_view text, std::size_t end) {
    for (std::size_t length = 1; length <= 4 && length <= end; ++length) {
        const std::size_t start = end - length;
        if ((static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) continue; // continuation byte
        const Decoded d = decodeAt(text, start);
        return d.length == length && isSpace(d.codePoint) ? length : 0;
    }
    return 0;
}

} // namespace

std::string_view trim(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        const Decoded d = decodeAt(text, begin);
        if (d.length == 0 || !isSpace(d.codePoint)) break;
        begin += d.length;
    }
    std::size_t end = text.size();
    while (end > begin) {
        const std::size_t length = spaceEndingAt(text, end);
        if (length == 0) break;
        end -= length;
    }
    return text.substr(begin, end - begin);
}

bool isBlank(std::string_view text) {
    return trim(text).empty();
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const Decoded d = decodeAt(text, pos);
        if (d.length == 0) return false;
        pos += d.length;
    }
    return true;
}

std::size_t utf8Length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) {
        const Decoded d = decodeAt(text, pos);
        pos += d.length == 0 ? 1 : d.length;
    }
    return count;
}

bool hasControlCharacters(std::string_view text, bool allowLineBreaks) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x20) {
            if (allowLineBreaks && (b == '\t' || b == '\n' || b == '\r')) continue;
            return true;
        }
        if (b == 0x7F) return true;
        // C1 controls U+0080..U+009F are encoded as C2 80 .. C2 9F.
        if (b == 0xC2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) return true;
        }
    }
    return false;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(separator, start);
        if (at == std::string_view::npos) {
            pieces.push_back(text.substr(start));
            return pieces;
        }
        pieces.push_back(text.substr(start, at - start));
        start = at + 1;
    }
}

std::optional<unsigned> parseId(std::string_view text) {
    if (text.empty() || text.size() > 10) return std::nullopt;
    unsigned long long value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value == 0 || value > std::numeric_limits<unsigned>::max()) return std::nullopt;
    return static_cast<unsigned>(value);
}

std::string truncateUtf8(std::string_view text, std::size_t maxChars) {
    std::size_t chars = 0, at = 0;
    while (at < text.size() && chars < maxChars) {
        const auto lead = static_cast<unsigned char>(text[at]);
        at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        ++chars;
    }
    return std::string(text.substr(0, std::min(at, text.size())));
}

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = asciiLower(c);
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (asciiLower(a[i]) != asciiLower(b[i])) return false;
    return true;
}

} // namespace ticketflow::domain
