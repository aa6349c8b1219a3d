// uuencoded files written into the text of a mail ("begin 644 name" … "end"), as old mailers do.
#include "core/domain/uuencode.hpp"

#include "core/domain/text.hpp"

namespace ticketflow::domain {
namespace {

std::string_view withoutCr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

/// The file name of a "begin 644 name" line, or nothing.
std::optional<std::string_view> beginLine(std::string_view line) {
    line = withoutCr(line);
    if (line.substr(0, 6) != "begin ") return std::nullopt;
    line.remove_prefix(6);
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '7') ++digits;
    if (digits < 3 || digits > 4 || digits >= line.size() || line[digits] != ' ') return std::nullopt;
    const std::string_view name = trim(line.substr(digits + 1));
    if (name.empty()) return std::nullopt;
    return name;
}

bool isEndLine(std::string_view line) {
    return trim(line) == "end";
}

} // namespace

std::optional<std::string> decodeUuencodedLines(const std::vector<std::string_view>& lines) {
    std::string out;
    for (std::string_view line : lines) {
        line = withoutCr(line);
        if (line.empty()) continue;
        for (char c : line)
            if (c < ' ' || c > '`') return std::nullopt;
        const std::size_t count = static_cast<std::size_t>((line[0] - ' ') & 0x3F);
        const auto sixBits = [&](std::size_t i) -> unsigned {
            return i < line.size() ? static_cast<unsigned>((line[i] - ' ') & 0x3F) : 0u;
        };
        for (std::size_t produced = 0, i = 1; produced < count; i += 4) {
            const unsigned a = sixBits(i), b = sixBits(i + 1), c = sixBits(i + 2), d = sixBits(i + 3);
            const unsigned char bytes[3] = {static_cast<unsigned char>((a << 2) | (b >> 4)),
                                            static_cast<unsigned char>(((b & 0x0F) << 4) | (c >> 2)),
                                            static_cast<unsigned char>(((c & 0x03) << 6) | d)};
            for (int k = 0; k < 3 && produced < count; ++k, ++produced) out += static_cast<char>(bytes[k]);
        }
    }
    return out;
}

UuencodeSplit extractUuencoded(std::string_view text) {
    UuencodeSplit result;
    if (text.find("begin ") == std::string_view::npos) {
        result.text = text;
        return result;
    }
    const std::vector<std::string_view> lines = split(text, '\n');
    std::vector<bool> removed(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto name = beginLine(lines[i]);
        if (!name) continue;
        std::size_t end = i + 1;
        while (end < lines.size() && !isEndLine(lines[end]) && !beginLine(lines[end])) ++end;
        if (end >= lines.size() || !isEndLine(lines[end])) continue;
        auto data = decodeUuencodedLines(std::vector<std::string_view>(lines.begin() + static_cast<long>(i) + 1,
                                                                       lines.begin() + static_cast<long>(end)));
        if (!data) continue;
        result.files.push_back({std::string(*name), std::move(*data)});
        for (std::size_t k = i; k <= end; ++k) removed[k] = true;
        // One blank line stays where the block was, not the two around it.
        if (i > 0 && isBlank(lines[i - 1]) && end + 1 < lines.size() && isBlank(lines[end + 1])) removed[end + 1] = true;
        i = end;
    }
    bool first = true;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (removed[i]) continue;
        if (!first) result.text += '\n';
        result.text += lines[i];
        first = false;
    }
    return result;
}

} // namespace ticketflow::domain
