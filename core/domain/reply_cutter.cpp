// Cutting a mail reply down to what the sender wrote: quoted text and the signature go.
#include "core/domain/reply_cutter.hpp"

#include "core/domain/text.hpp"

#include <array>
#include <optional>
#include <stdexcept>

namespace ticketflow::domain {
namespace {

/// An attribution or header line is short; longer lines are never delimiters.
constexpr std::size_t kMaxDelimiterLine = 400;

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// The line, trimmed and lower-cased (ASCII), or nothing for a line too long to be a delimiter.
std::optional<std::string> normalized(std::string_view line) {
    if (line.size() > kMaxDelimiterLine) return std::nullopt;
    return asciiLower(trim(line));
}

bool isQuote(std::string_view line) {
    if (!line.empty() && line[0] == ' ') line.remove_prefix(1);
    return !line.empty() && line[0] == '>';
}

/// "-----Original Message-----", "-------- Ursprüngliche Nachricht --------", ...
bool isOriginalMessage(const std::string& l) {
    static constexpr std::array<std::string_view, 11> kPhrases{
        "original message",     "ursprüngliche nachricht", "message d'origine",   "mensaje original",
        "messaggio originale",  "oorspronkelijk bericht",  "original meddelelse", "originalmeddelande",
        "mensagem original",    "alkuperäinen viesti",     "originalnachricht"};
    std::string_view s = l;
    std::size_t dashes = 0;
    while (!s.empty() && (s.front() == '-' || s.front() == ' ')) dashes += s.front() == '-', s.remove_prefix(1);
    if (dashes < 2) return false;
    while (!s.empty() && (s.back() == '-' || s.back() == ' ')) s.remove_suffix(1);
    for (auto p : kPhrases)
        if (s == p) return true;
    return false;
}

/// "From: x" / "*From:* x" / "De : x": a header field of a quoted Outlook header block.
bool isField(std::string_view l, std::initializer_list<std::string_view> names) {
    while (!l.empty() && l.front() == '*') l.remove_prefix(1);
    for (auto n : names) {
        if (!startsWith(l, n)) continue;
        std::string_view rest = l.substr(n.size());
        if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1); // French "De :"
        if (!rest.empty() && rest.front() == ':') return true;
    }
    return false;
}

bool isOutlookHeaderBlock(const std::vector<std::string_view>& lines, std::size_t i) {
    const auto first = normalized(lines[i]);
    if (!first || !isField(*first, {"from", "von", "de", "van", "da", "från", "od"})) return false;
    bool sent = false, to = false;
    for (std::size_t j = i + 1; j < lines.size() && j <= i + 5; ++j) {
        const auto l = normalized(lines[j]);
        if (!l) break;
        sent = sent || isField(*l, {"sent", "date", "gesendet", "datum", "envoyé", "enviado", "verzonden", "inviato",
                                    "skickat", "data"});
        to = to || isField(*l, {"to", "subject", "an", "betreff", "à", "objet", "para", "asunto", "aan", "onderwerp",
                                "a", "oggetto", "till", "ämne", "cc"});
    }
    return sent && to;
}

/// "---------- Forwarded message ---------", "Begin forwarded message:", ... just above line i:
/// the header block that follows belongs to a forwarded mail, which is content, not a quote.
bool followsForwardMarker(const std::vector<std::string_view>& lines, std::size_t i) {
    std::size_t j = i;
    while (j > 0 && isBlank(lines[j - 1])) --j;
    if (j == 0) return false;
    const auto l = normalized(lines[j - 1]);
    if (!l) return false;
    for (auto marker : {"forwarded message", "weitergeleitete nachricht", "message transféré", "mensaje reenviado",
                        "messaggio inoltrato", "doorgestuurd bericht", "videresendt meddelelse"})
        if (l->find(marker) != std::string::npos) return true;
    return false;
}

/// The opening words of an attribution line ("On …", "Am …", "Le …", ...).
bool hasAttributionStart(std::string_view l) {
    for (auto p : {"on ", "am ", "le ", "el ", "il ", "op ", "em ", "den ", "w dniu "})
        if (startsWith(l, p)) return true;
    return false;
}

/// The closing words of an attribution ("… wrote:", "… schrieb Max <max@x>:", ...).
bool hasAttributionEnd(std::string_view l) {
    for (auto s : {"wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "ha scritto:", "escreveu:", "schreef:",
                   "skrev:", "napisał:", "kirjoitti:"})
        if (endsWith(l, s)) return true;
    if (!endsWith(l, ":")) return false;
    for (auto verb : {" schrieb ", " schreef ", " skrev ", " wrote "})
        if (l.find(verb) != std::string_view::npos) return true;
    return false;
}

struct Attribution {
    std::size_t lines = 0; // 1 or 2
    bool strong = false;   // starts like "On …": ends the reply even without a quote after it
};

/// An attribution at line i (Gmail wraps long ones onto a second line).
std::optional<Attribution> attributionAt(const std::vector<std::string_view>& lines, std::size_t i) {
    const auto l = normalized(lines[i]);
    if (!l || l->empty()) return std::nullopt;
    if (hasAttributionEnd(*l)) return Attribution{1, hasAttributionStart(*l)};
    if (!hasAttributionStart(*l) || i + 1 >= lines.size()) return std::nullopt;
    const auto next = normalized(lines[i + 1]);
    if (!next || next->empty() || isQuote(lines[i + 1]) || !hasAttributionEnd(*l + " " + *next)) return std::nullopt;
    return Attribution{2, true};
}

bool matchesConfigured(std::string_view line, const ReplyDelimiters& extra) {
    if (extra.lines.empty() && extra.patterns.empty()) return false;
    if (const auto l = normalized(line)) {
        for (const auto& d : extra.lines) {
            const std::string want = asciiLower(trim(d));
            if (!want.empty() && startsWith(*l, want)) return true;
        }
    }
    if (line.size() > kMaxPatternLine) return false;
    const std::string copy(line);
    for (const auto& re : extra.patterns)
        if (std::regex_search(copy, re)) return true;
    return false;
}

/// A line that ends the reply by itself.
bool isHardDelimiter(const std::vector<std::string_view>& lines, std::size_t i, const ReplyDelimiters& extra) {
    const std::string_view line = lines[i];
    if (line == "-- " || line == "--") return true;
    if (matchesConfigured(line, extra)) return true;
    const auto l = normalized(line);
    if (!l) return false;
    return isOriginalMessage(*l) || (isOutlookHeaderBlock(lines, i) && !followsForwardMarker(lines, i));
}

bool isSeparator(std::string_view line) {
    const std::string_view t = trim(line);
    return t.size() >= 3 && t.find_first_not_of("_-=*") == std::string_view::npos;
}

} // namespace

std::regex compileReplyPattern(const std::string& pattern) {
    try {
        return std::regex(pattern, std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& e) {
        throw std::invalid_argument("invalid reply delimiter pattern '" + pattern + "': " + e.what());
    }
}

std::string cutReply(std::string_view text, const ReplyDelimiters& extra) {
    const std::vector<std::string_view> lines = split(text, '\n');
    std::vector<std::string_view> kept;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (isQuote(lines[i])) continue;
        if (isHardDelimiter(lines, i, extra)) break;
        if (const auto a = attributionAt(lines, i)) {
            std::size_t j = i + a->lines;
            while (j < lines.size() && isBlank(lines[j])) ++j;
            if (j < lines.size() && isQuote(lines[j])) {
                i = j - 1; // drop the attribution; the quote lines follow
                continue;
            }
            if (a->strong) break;
        }
        kept.push_back(lines[i]);
    }
    while (!kept.empty() && (isBlank(kept.back()) || isSeparator(kept.back()))) kept.pop_back();
    std::string out;
    bool blankBefore = true; // also drops leading blank lines
    for (auto line : kept) {
        const bool blank = isBlank(line);
        if (blank && blankBefore) continue;
        if (!out.empty()) out += '\n';
        out += blank ? std::string_view() : line;
        blankBefore = blank;
    }
    return out;
}

} // namespace ticketflow::domain
