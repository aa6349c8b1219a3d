// Commit message keywords: which issues a commit fixes and which it refers to.
// A hand-written scanner rather than std::regex: linear in the message and no recursion a
// hostile message could drive deep.
#include "core/domain/commit_keywords.hpp"

#include "core/domain/text.hpp"

#include <algorithm>
#include <limits>
#include <optional>

namespace ticketflow::domain {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// Where a keyword may start (Redmine: start, whitespace, "(", "[", ",", "-").
bool keywordMayFollow(std::string_view text, std::size_t at) {
    if (at == 0) return true;
    const char c = text[at - 1];
    return isSpace(c) || c == '(' || c == '[' || c == ',' || c == '-';
}

/// An issue number ends at the end, whitespace or ASCII punctuation other than '_': so
/// "#12abc", "#12_x" and "#12é" are not issue 12.
bool idMayEndBefore(std::string_view text, std::size_t at) {
    if (at == text.size()) return true;
    const char c = text[at];
    if (isSpace(c)) return true;
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && !isLetter(c) && !isDigit(c) && c != '_' && u > 0x20 && u != 0x7F;
}

std::optional<CommitAction> keywordAction(std::string_view word, const CommitKeywords& keywords) {
    // Fix keywords first: a word configured in both lists closes.
    for (const auto& k : keywords.fix)
        if (equalsIgnoreCase(word, k)) return CommitAction::Fix;
    for (const auto& k : keywords.ref)
        if (equalsIgnoreCase(word, k)) return CommitAction::Ref;
    return std::nullopt;
}

/// Reads "#N" at `at`. Sets `end` past the digits and returns the id (nullopt for #0 or an
/// overlong number, which still ends where its digits end); returns false when no "#N" is there.
bool readIssueId(std::string_view text, std::size_t at, std::size_t& end, std::optional<unsigned>& id) {
    if (at + 1 >= text.size() || text[at] != '#' || !isDigit(text[at + 1])) return false;
    std::size_t p = at + 1;
    while (p < text.size() && isDigit(text[p])) ++p;
    if (!idMayEndBefore(text, p)) return false;
    end = p;
    id = p - (at + 1) <= 10 ? parseId(text.substr(at + 1, p - (at + 1))) : std::nullopt;
    return true;
}

/// Past a list separator: spaces, ",", ";", "&", and the word "and" between spaces. Returns
/// `at` itself when what follows is no separator and a "#".
std::size_t skipSeparator(std::string_view text, std::size_t at) {
    std::size_t p = at;
    bool spaceBefore = false;
    while (p < text.size() && (isSpace(text[p]) || text[p] == ',' || text[p] == ';' || text[p] == '&')) {
        spaceBefore = spaceBefore || isSpace(text[p]);
        ++p;
    }
    if (spaceBefore && p + 3 < text.size() && equalsIgnoreCase(text.substr(p, 3), "and") && isSpace(text[p + 3])) {
        p += 3;
        while (p < text.size() && isSpace(text[p])) ++p;
    }
    return p < text.size() && text[p] == '#' && p > at ? p : at;
}

class MentionList {
public:
    explicit MentionList(CommitMentions& out) : _out(out) {}
    void add(unsigned id, CommitAction action) {
        const auto it = std::find_if(_out.issues.begin(), _out.issues.end(),
                                     [id](const IssueMention& m) { return m.issueId == id; });
        if (it != _out.issues.end()) {
            if (action == CommitAction::Fix) it->action = CommitAction::Fix;
        } else if (_out.issues.size() < kMaxIssuesPerCommit) {
            _out.issues.push_back({id, action});
        } else {
            _out.tooManyIssues = true;
        }
    }

private:
    CommitMentions& _out;
};

} // namespace

bool isCommitKeyword(std::string_view word) {
    return !word.empty() && word.size() <= 32 && std::all_of(word.begin(), word.end(), isLetter);
}

CommitMentions scanCommitMessage(std::string_view message, const CommitKeywords& keywords) {
    CommitMentions result;
    std::string_view text = message;
    if (text.size() > kMaxScannedMessageBytes) {
        // Cut at whitespace so that a "#1234" across the limit is not read as "#12".
        std::size_t cut = kMaxScannedMessageBytes;
        while (cut > 0 && !isSpace(text[cut])) --cut;
        text = text.substr(0, cut);
        result.messageCut = true;
    }
    MentionList mentions(result);
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (!isLetter(text[pos]) || !keywordMayFollow(text, pos)) {
            ++pos;
            continue;
        }
        std::size_t wordEnd = pos;
        while (wordEnd < text.size() && isLetter(text[wordEnd])) ++wordEnd;
        const auto action = keywordAction(text.substr(pos, wordEnd - pos), keywords);
        std::size_t p = wordEnd;
        while (p < text.size() && (isSpace(text[p]) || text[p] == ':')) ++p;
        std::size_t idEnd = 0;
        std::optional<unsigned> id;
        if (!action || p == wordEnd || !readIssueId(text, p, idEnd, id)) {
            pos = wordEnd;
            continue;
        }
        for (;;) {
            if (id) mentions.add(*id, *action);
            p = idEnd;
            const std::size_t next = skipSeparator(text, p);
            if (next == p || !readIssueId(text, next, idEnd, id)) break;
        }
        pos = p;
    }
    return result;
}

} // namespace ticketflow::domain
