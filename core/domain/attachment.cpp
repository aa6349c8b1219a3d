// Attachments: the stored record, file-name sanitising, safe content types, who may download.
#include "core/domain/attachment.hpp"

#include "core/domain/text.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace ticketflow::domain {
namespace {

/// Bytes of the UTF-8 sequence starting with `lead`, 0 for a byte that cannot start one.
std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

/// The code point of a sequence already known to be well-formed.
char32_t codePoint(std::string_view seq) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(seq[i]); };
    switch (seq.size()) {
        case 1:
            return b(0);
        case 2:
            return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
        case 3:
            return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
        default:
            return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
    }
}

/// Characters that must not reach a stored name: controls, bidi controls, Windows' reserved set.
bool replaced(char32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
    if (cp == 0x061C || cp == 0x200E || cp == 0x200F) return true;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return true;
    return cp < 0x80 && std::string_view("<>:\"|?*").find(static_cast<char>(cp)) != std::string_view::npos;
}

/// Drops dots and spaces (ASCII and Unicode) at both ends until none are left.
std::string_view stripEnds(std::string_view s) {
    for (;;) {
        const std::size_t before = s.size();
        s = trim(s);
        while (!s.empty() && s.front() == '.') s.remove_prefix(1);
        while (!s.empty() && s.back() == '.') s.remove_suffix(1);
        if (s.size() == before) return s;
    }
}

/// Cuts `name` to kMaxFilenameBytes at a character boundary, keeping an extension of up to
/// 16 bytes so the file still opens with the right program.
std::string capLength(std::string name) {
    if (name.size() <= kMaxFilenameBytes) return name;
    std::string ext;
    const auto dot = name.rfind('.');
    if (dot != std::string::npos && dot > 0 && name.size() - dot <= 16) ext = name.substr(dot);
    std::size_t cut = kMaxFilenameBytes - ext.size();
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    return std::string(stripEnds(std::string_view(name).substr(0, cut))) + ext;
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::string sanitizeFilename(std::string_view clientName) {
    const auto slash = clientName.find_last_of("/\\");
    if (slash != std::string_view::npos) clientName.remove_prefix(slash + 1);
    std::string out;
    out.reserve(clientName.size());
    for (std::size_t pos = 0; pos < clientName.size();) {
        const std::size_t len = sequenceLength(static_cast<unsigned char>(clientName[pos]));
        const std::string_view seq = clientName.substr(pos, len ? len : 1);
        if (len == 0 || seq.size() != len || !isValidUtf8(seq)) {
            out += '_'; // one replacement per stray byte keeps the rest of the name readable
            ++pos;
            continue;
        }
        if (replaced(codePoint(seq)))
            out += '_';
        else
            out += seq;
        pos += len;
    }
    std::string name = capLength(std::string(stripEnds(out)));
    return name.empty() ? "unnamed" : name;
}

std::string_view safeContentType(std::string_view filename) {
    // Types a browser shows or saves but never runs as a page of our origin.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes{{
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"webp", "image/webp"},
        {"pdf", "application/pdf"},
        {"txt", "text/plain"},
        {"log", "text/plain"},
        {"csv", "text/csv"},
        {"zip", "application/zip"},
        {"gz", "application/gzip"},
        {"7z", "application/x-7z-compressed"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    }};
    const auto dot = filename.rfind('.');
    if (dot == std::string_view::npos) return "application/octet-stream";
    const std::string ext = lowerAscii(filename.substr(dot + 1));
    for (const auto& [candidate, type] : kTypes)
        if (candidate == ext) return type;
    return "application/octet-stream";
}

bool canViewAttachment(const Actor& actor, const IssueRef& issue, bool attachmentIsPublic) {
    if (!canViewIssue(actor, issue)) return false;
    return attachmentIsPublic || canViewPrivateNotes(actor, issue.projectId);
}

std::vector<std::string> checkUploads(const std::vector<UploadInfo>& files, const UploadLimits& limits) {
    std::vector<std::string> errors;
    if (files.size() > limits.maxFiles) {
        errors.push_back("Too many files: at most " + std::to_string(limits.maxFiles) + " per change.");
    }
    for (const auto& f : files) {
        const std::string name = sanitizeFilename(f.filename);
        if (f.size == 0) {
            errors.push_back(name + " is empty.");
        } else if (f.size > limits.maxFileBytes) {
            // "10 MB is over the limit of 10 MB" would puzzle: show bytes when both round alike.
            std::string size = formatSize(f.size);
            const std::string limit = formatSize(limits.maxFileBytes);
            if (size == limit) size = std::to_string(f.size) + " bytes";
            errors.push_back(name + " is too large (" + size + "); the limit is " + limit + " per file.");
        }
    }
    return errors;
}

std::string formatSize(std::uint64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " B";
    static constexpr std::array<const char*, 4> kUnits{"KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < kUnits.size()) {
        value /= 1024.0;
        ++unit;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, value < 10.0 ? "%.1f" : "%.0f", value);
    std::string number(buf);
    if (number.size() > 2 && number.ends_with(".0")) number.resize(number.size() - 2);
    return number + " " + kUnits[unit];
}

} // namespace ticketflow::domain
