// HeaderValue: a structured header such as Content-Type or Content-Disposition split into value and parameters.
#include "fcgi/http/header_value.hpp"

#include "fcgi/http/text.hpp"

namespace ticketflow::http {
namespace {

void skipSpace(std::string_view s, std::size_t& i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
}

// Reads a quoted string starting at s[i] == '"'; leaves i after the closing quote.
std::optional<std::string> readQuoted(std::string_view s, std::size_t& i) {
    std::string out;
    for (++i; i < s.size(); ++i) {
        char c = s[i];
        if (c == '"') {
            ++i;
            return out;
        }
        if (c == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\')) c = s[++i];
        out += c;
    }
    return std::nullopt;
}

} // namespace

std::optional<HeaderValue> HeaderValue::parse(std::string_view s) {
    HeaderValue hv;
    std::size_t i = s.find(';');
    std::string_view value = trimSpace(s.substr(0, i));
    if (value.empty()) return std::nullopt;
    hv.value = toLowerAscii(value);
    while (i < s.size()) {
        ++i; // past ';'
        skipSpace(s, i);
        if (i == s.size()) break; // a trailing ';' is harmless
        std::size_t eq = s.find_first_of("=;", i);
        if (eq == std::string_view::npos || s[eq] != '=') return std::nullopt;
        std::string name = toLowerAscii(trimSpace(s.substr(i, eq - i)));
        if (!isToken(name)) return std::nullopt;
        i = eq + 1;
        skipSpace(s, i);
        std::string val;
        if (i < s.size() && s[i] == '"') {
            auto q = readQuoted(s, i);
            if (!q) return std::nullopt;
            val = std::move(*q);
            skipSpace(s, i);
            if (i < s.size() && s[i] != ';') return std::nullopt;
        } else {
            std::size_t end = s.find(';', i);
            if (end == std::string_view::npos) end = s.size();
            val = std::string(trimSpace(s.substr(i, end - i)));
            if (val.find('"') != std::string::npos) return std::nullopt;
            i = end;
        }
        if (!hv.params.emplace(std::move(name), std::move(val)).second) return std::nullopt;
    }
    return hv;
}

} // namespace ticketflow::http
