// Cursor: the opaque keyset position of an issue list page, and its URL-safe encoding.
#include "core/domain/query_cursor.hpp"

#include <cstdint>

#include "core/domain/text.hpp"

namespace ticketflow::domain {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::size_t kMaxEncoded = 1024;
constexpr char kSeparator = '\x1f'; // unit separator; the id follows the last one
// Payload: one marker ('v' value, 'n' NULL; the letter doubles as a format version),
// the sort value, the separator, the id in decimal.
constexpr char kValue = 'v', kNull = 'n';

std::string base64url(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 0x3F];
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3F];
    return out;
}

std::optional<std::string> unbase64url(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt; // no byte count encodes to that length
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const std::size_t value = kAlphabet.find(c);
        if (value == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    // Leftover bits must be zero, so every cursor has exactly one spelling.
    if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
    return out;
}

} // namespace

std::string encodeCursor(const Cursor& cursor) {
    std::string payload(1, cursor.nullValue ? kNull : kValue);
    if (!cursor.nullValue) payload += cursor.sortValue;
    payload += kSeparator;
    payload += std::to_string(cursor.id);
    return base64url(payload);
}

std::optional<Cursor> decodeCursor(std::string_view text) {
    if (text.empty() || text.size() > kMaxEncoded) return std::nullopt;
    const std::optional<std::string> payload = unbase64url(text);
    if (!payload || payload->size() < 3) return std::nullopt;
    const char marker = payload->front();
    if (marker != kValue && marker != kNull) return std::nullopt;
    const std::size_t separator = payload->rfind(kSeparator);
    if (separator == std::string::npos) return std::nullopt;
    const std::optional<unsigned> id = parseId(std::string_view(*payload).substr(separator + 1));
    if (!id) return std::nullopt;
    Cursor cursor;
    cursor.id = *id;
    cursor.nullValue = marker == kNull;
    cursor.sortValue = payload->substr(1, separator - 1);
    if (cursor.nullValue && !cursor.sortValue.empty()) return std::nullopt;
    if (!isValidUtf8(cursor.sortValue)) return std::nullopt;
    return cursor;
}

} // namespace ticketflow::domain
