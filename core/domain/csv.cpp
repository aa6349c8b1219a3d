// CSV output (RFC 4180) for spreadsheet users: quoting, and the guard against formula injection.
#include "core/domain/csv.hpp"

namespace ticketflow::domain {

std::string csvField(std::string_view value) {
    std::string text;
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) text = "'";
    text += value;
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csvRecord(const std::vector<std::string>& values) {
    std::string line;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) line += ',';
        line += csvField(values[i]);
    }
    line += "\r\n";
    return line;
}

} // namespace ticketflow::domain
