// A commit as a version-control hook reports it, its checks, and the journal note it leaves.
#include "core/domain/changeset.hpp"

#include "core/domain/text.hpp"

#include <algorithm>

namespace ticketflow::domain {

namespace {

bool isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Control characters other than tab and line breaks become spaces: a terminal escape in a
/// commit message must not reach a journal, a mail or a CSV cell.
std::string withoutControls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            out += ' ';
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            out += ' '; // a C1 control (U+0080..U+009F)
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

/// At most `maxBytes` of valid UTF-8 `text`, never ending inside a character.
std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

} // namespace

bool isRepositoryName(std::string_view name) {
    return !name.empty() && name.size() <= 64 &&
           std::all_of(name.begin(), name.end(), [](char c) { return isAsciiAlnum(c) || c == '-' || c == '_'; });
}

std::vector<std::string> validateChangeset(const Changeset& c) {
    std::vector<std::string> errors;
    if (!isRepositoryName(c.repository)) errors.emplace_back("Repository must be a configured repository name.");
    const bool revisionChars = std::all_of(c.revision.begin(), c.revision.end(),
                                           [](char r) { return isAsciiAlnum(r) || r == '.' || r == '-' || r == '_'; });
    if (c.revision.empty()) {
        errors.emplace_back("Revision is required.");
    } else if (c.revision.size() > kMaxRevisionLength || !revisionChars) {
        errors.emplace_back(
            "Revision must be 1 to 64 letters, digits, '.', '-' or '_' (a Subversion revision "
            "number or a git commit id).");
    }
    if (c.author.size() > kMaxCommitAuthorBytes || !isValidUtf8(c.author) || hasControlCharacters(c.author)) {
        errors.emplace_back("Author must be one line of UTF-8 text of at most 255 bytes.");
    }
    if (c.message.size() > kMaxCommitMessageBytes) {
        errors.emplace_back("Message is longer than " + std::to_string(kMaxCommitMessageBytes) + " bytes.");
    } else if (!isValidUtf8(c.message)) {
        errors.emplace_back("Message is not valid UTF-8 (git: set i18n.commitEncoding, or the hook's --encoding).");
    } else if (c.message.find('\0') != std::string::npos) {
        errors.emplace_back("Message must not contain NUL bytes.");
    }
    return errors;
}

std::string changesetLabel(std::string_view repository, std::string_view revision) {
    const bool number =
        !revision.empty() && std::all_of(revision.begin(), revision.end(), [](char c) { return c >= '0' && c <= '9'; });
    return std::string(repository) + "|" + (number ? "r" : "") + std::string(revision);
}

CommitAuthor splitCommitAuthor(std::string_view author) {
    const std::string_view text = trim(author);
    const auto open = text.rfind('<');
    if (open != std::string_view::npos && text.back() == '>') {
        const std::string_view mail = trim(text.substr(open + 1, text.size() - open - 2));
        const std::string_view name = trim(text.substr(0, open));
        return {std::string(name.empty() ? mail : name), std::string(mail)};
    }
    if (text.find('@') != std::string_view::npos) return {std::string(text), std::string(text)};
    return {std::string(text), {}};
}

std::string changesetNote(CommitAction action, std::string_view label, std::string_view committer,
                          std::string_view message) {
    std::string note = action == CommitAction::Fix ? "Applied in changeset " : "Referenced in changeset ";
    note += label;
    if (!committer.empty()) note += " (committed by " + withoutControls(committer) + ")";
    note += ":";
    std::string_view body = message;
    while (!body.empty() && (body.back() == ' ' || body.back() == '\t' || body.back() == '\n' || body.back() == '\r'))
        body.remove_suffix(1);
    while (!body.empty() && (body.front() == '\n' || body.front() == '\r')) body.remove_prefix(1);
    if (body.empty()) return note;
    const std::string_view quoted = utf8Prefix(body, kMaxQuotedMessageBytes);
    note += "\n\n" + withoutControls(quoted);
    if (quoted.size() < body.size()) note += "\n\n[The commit message is longer; the rest is in the repository.]";
    return note;
}

} // namespace ticketflow::domain
