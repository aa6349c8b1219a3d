// Clean-up of text taken from mail: invalid UTF-8, control characters, line ends, format=flowed.
#include "core/domain/mail_text.hpp"

#include "core/domain/text.hpp"

namespace ticketflow::domain {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

/// Length of the well-formed UTF-8 sequence at `pos`, 0 when the bytes there are not one.
std::size_t sequenceAt(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    if (lead < 0x80)
        return 1;
    else if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
        length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4)
        length = 4;
    else
        return 0;
    if (pos + length > text.size() || !isValidUtf8(text.substr(pos, length))) return 0;
    return length;
}

/// True for a C1 control (U+0080..U+009F), which UTF-8 spells C2 80..C2 9F.
bool isC1(std::string_view seq) {
    return seq.size() == 2 && static_cast<unsigned char>(seq[0]) == 0xC2 && static_cast<unsigned char>(seq[1]) < 0xA0;
}

/// Quote depth of a flowed line (its leading '>' count) and where its text starts.
std::size_t quoteDepth(std::string_view line, std::size_t& textStart) {
    std::size_t depth = 0;
    while (depth < line.size() && line[depth] == '>') ++depth;
    textStart = depth;
    if (textStart < line.size() && line[textStart] == ' ') ++textStart; // space-stuffing
    return depth;
}

void trimTrailingSpaces(std::string& s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
}

} // namespace

std::string toValidUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t pos = 0; pos < bytes.size();) {
        const std::size_t len = sequenceAt(bytes, pos);
        if (len == 0) {
            out += kReplacement;
            ++pos;
        } else {
            out.append(bytes, pos, len);
            pos += len;
        }
    }
    return out;
}

std::string cleanHeaderText(std::string_view text) {
    const std::string valid = toValidUtf8(text);
    std::string out;
    out.reserve(valid.size());
    bool pendingSpace = false;
    for (std::size_t pos = 0; pos < valid.size();) {
        const std::size_t len = sequenceAt(valid, pos);
        const std::string_view seq(valid.data() + pos, len);
        pos += len;
        const auto c = static_cast<unsigned char>(seq[0]);
        if ((len == 1 && (c <= 0x20 || c == 0x7F)) || isC1(seq)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += seq;
    }
    return out;
}

std::string cleanBodyText(std::string_view text) {
    const std::string valid = toValidUtf8(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t pos = 0; pos < valid.size();) {
        const std::size_t len = sequenceAt(valid, pos);
        const std::string_view seq(valid.data() + pos, len);
        pos += len;
        const auto c = static_cast<unsigned char>(seq[0]);
        if (len == 1 && c < 0x20) {
            if (c == '\r') {
                if (pos < valid.size() && valid[pos] == '\n') ++pos;
                trimTrailingSpaces(out);
                out += '\n';
            } else if (c == '\n' || c == '\f' || c == '\v') {
                trimTrailingSpaces(out);
                out += '\n';
            } else if (c == '\t') {
                out += '\t';
            } else {
                out += kReplacement;
            }
        } else if ((len == 1 && c == 0x7F) || isC1(seq)) {
            out += kReplacement;
        } else {
            out += seq;
        }
    }
    trimTrailingSpaces(out);
    while (!out.empty() && out.back() == '\n') {
        out.pop_back();
        trimTrailingSpaces(out);
    }
    std::size_t start = 0; // drop leading blank lines, keep the indentation of the first one
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '\n')
            start = i + 1;
        else if (out[i] != ' ' && out[i] != '\t')
            break;
    }
    return out.substr(start);
}

std::string unflowText(std::string_view text, bool delSp) {
    std::string out;
    out.reserve(text.size());
    bool joining = false; // the previous line ended in a soft break
    std::size_t joinDepth = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        std::size_t start = 0;
        const std::size_t depth = quoteDepth(line, start);
        std::string_view content = line.substr(start);
        if (joining && depth != joinDepth) out += '\n'; // a soft break never joins quote levels
        if (!joining || depth != joinDepth) out.append(depth, '>').append(depth ? " " : "");
        const bool signature = content == "-- ";
        const bool soft = !signature && !content.empty() && content.back() == ' ';
        if (soft && delSp) content.remove_suffix(1);
        out += content;
        joining = soft;
        joinDepth = depth;
        if (!soft && end < text.size()) out += '\n';
        if (end == text.size()) break;
        pos = end + 1;
    }
    return out;
}

} // namespace ticketflow::domain
