// Unstructured header text (a Subject) decoded from RFC 2047 encoded words with our charset rules.
#include "core/mail/header_text.hpp"

#include "core/mail/charset_conversion.hpp"

#include <optional>

namespace ticketflow::mail {
namespace {

struct EncodedWord {
    std::string charset; // lower case, language removed
    std::string bytes;   // decoded, still in charset
    std::size_t end = 0; // position after "?="
};

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

std::string decodeBase64(std::string_view text) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int v = base64Value(c);
        if (v < 0) continue; // padding and junk
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

std::string decodeQ(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') {
            out += ' ';
        } else if (text[i] == '=' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

/// The encoded word starting at raw[pos] ("=?"), if it is one.
std::optional<EncodedWord> encodedWordAt(std::string_view raw, std::size_t pos) {
    const std::size_t q1 = raw.find('?', pos + 2);
    if (q1 == std::string_view::npos || q1 - pos - 2 > 64 || q1 == pos + 2) return std::nullopt;
    std::string_view charset = raw.substr(pos + 2, q1 - pos - 2);
    if (charset.find_first_of(" \t\"(),:;<>@[\\]") != std::string_view::npos) return std::nullopt;
    if (q1 + 2 >= raw.size() || raw[q1 + 2] != '?') return std::nullopt;
    const char encoding = raw[q1 + 1];
    if (encoding != 'B' && encoding != 'b' && encoding != 'Q' && encoding != 'q') return std::nullopt;
    const std::size_t textStart = q1 + 3;
    const std::size_t close = raw.find("?=", textStart);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view text = raw.substr(textStart, close - textStart);
    if (text.find_first_of(" \t") != std::string_view::npos && (encoding == 'B' || encoding == 'b'))
        return std::nullopt;
    EncodedWord w;
    for (char c : charset.substr(0, charset.find('*')))
        w.charset += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    w.bytes = encoding == 'B' || encoding == 'b' ? decodeBase64(text) : decodeQ(text);
    w.end = close + 2;
    return w;
}

std::string unfold(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (char c : raw)
        if (c != '\r' && c != '\n') out += c;
    return out;
}

} // namespace

std::string decodeHeaderText(std::string_view rawValue, std::string_view fallbackCharset) {
    const std::string raw = unfold(rawValue);
    std::string out;
    std::string literal;  // undecoded text waiting for conversion
    std::string pending;  // bytes of adjacent encoded words of one charset
    std::string pendingCharset;
    const auto flushPending = [&] {
        if (!pendingCharset.empty() || !pending.empty()) out += convertToUtf8(pending, pendingCharset, fallbackCharset);
        pending.clear();
        pendingCharset.clear();
    };
    const auto flushLiteral = [&] {
        out += convertToUtf8(literal, "", fallbackCharset);
        literal.clear();
    };
    bool afterWord = false; // white space after an encoded word is dropped if another follows
    std::string gap;
    for (std::size_t pos = 0; pos < raw.size();) {
        if (raw.compare(pos, 2, "=?") == 0) {
            if (auto w = encodedWordAt(raw, pos)) {
                if (!(afterWord && !gap.empty() && gap.find_first_not_of(" \t") == std::string::npos)) literal += gap;
                gap.clear();
                if (!literal.empty()) flushPending(), flushLiteral();
                if (w->charset != pendingCharset) flushPending();
                pendingCharset = w->charset;
                pending += w->bytes;
                pos = w->end;
                afterWord = true;
                continue;
            }
        }
        const char c = raw[pos++];
        if (afterWord && (c == ' ' || c == '\t')) {
            gap += c;
            continue;
        }
        if (afterWord) {
            flushPending();
            literal += gap;
            gap.clear();
            afterWord = false;
        }
        literal += c;
    }
    flushPending();
    literal += gap;
    flushLiteral();
    return out;
}

std::optional<std::string> rawParameter(std::string_view headerValue, std::string_view name) {
    const std::string value = unfold(headerValue);
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    std::size_t pos = value.find(';');
    while (pos != std::string::npos && pos < value.size()) {
        ++pos; // after ';'
        while (pos < value.size() && (value[pos] == ' ' || value[pos] == '\t')) ++pos;
        std::size_t nameEnd = pos;
        while (nameEnd < value.size() && value[nameEnd] != '=' && value[nameEnd] != ';') ++nameEnd;
        std::string_view paramName = std::string_view(value).substr(pos, nameEnd - pos);
        while (!paramName.empty() && (paramName.back() == ' ' || paramName.back() == '\t')) paramName.remove_suffix(1);
        bool match = paramName.size() == name.size();
        for (std::size_t i = 0; match && i < name.size(); ++i) match = lower(paramName[i]) == lower(name[i]);
        std::size_t p = nameEnd < value.size() && value[nameEnd] == '=' ? nameEnd + 1 : nameEnd;
        while (p < value.size() && (value[p] == ' ' || value[p] == '\t')) ++p;
        std::string result;
        if (p < value.size() && value[p] == '"') {
            for (++p; p < value.size() && value[p] != '"'; ++p) {
                if (value[p] == '\\' && p + 1 < value.size()) ++p;
                result += value[p];
            }
            if (p < value.size()) ++p; // the closing quote
        } else {
            while (p < value.size() && value[p] != ';') result += value[p++];
            while (!result.empty() && (result.back() == ' ' || result.back() == '\t')) result.pop_back();
        }
        if (match && nameEnd < value.size() && value[nameEnd] == '=') return result;
        pos = value.find(';', p);
    }
    return std::nullopt;
}

} // namespace ticketflow::mail
