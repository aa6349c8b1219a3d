// SearchTerms: what a user typed into a search box, reduced to words MariaDB's FULLTEXT can find.
#include "core/domain/search_terms.hpp"

#include <algorithm>
#include <array>

#include "core/domain/text.hpp"

namespace ticketflow::domain {
namespace {

// INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD; the shorter ones fall below the minimum length.
constexpr std::array<std::string_view, 35> kStopwords{
    "a",    "about", "an",  "are",  "as",   "at",    "be",  "by",   "com",  "de",  "en",   "for",
    "from", "how",   "i",   "in",   "is",   "it",    "la",  "of",   "on",   "or",  "that", "the",
    "this", "to",    "was", "what", "when", "where", "who", "will", "with", "und", "www"};

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1; // bytes
    bool valid = false;
};

CodePoint decode(std::string_view text, std::size_t pos) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) return {b0, 1, true};
    std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
    if (length == 0 || b0 > 0xF4 || pos + length > text.size()) return {};
    char32_t value = b0 & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        const auto b = static_cast<unsigned char>(text[pos + i]);
        if ((b & 0xC0) != 0x80) return {};
        value = (value << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (value < minimum || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return {};
    return {value, length, true};
}

/// Letters and digits of any script, and '_' (part of a word for InnoDB too). Outside ASCII only
/// the blocks of punctuation, symbols, spaces and emoji separate words: a separator that
/// MariaDB reads as a letter would only make a word optional, never an error.
bool isWordCharacter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false; // Latin-1 spaces, punctuation, signs
    if (c >= 0x2000 && c <= 0x2BFF) return false;          // general punctuation .. arrows, symbols
    if (c >= 0x2E00 && c <= 0x2E7F) return false;          // supplemental punctuation
    if (c >= 0x3000 && c <= 0x303F) return false;          // CJK symbols and punctuation
    if (c >= 0xFE00 && c <= 0xFE6F) return false;          // variation selectors, small forms
    if (c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF)) return false;
    if (c >= 0xFF00 && c <= 0xFF0F) return false;   // fullwidth punctuation (digits follow)
    if (c >= 0x1F000 && c <= 0x1FAFF) return false; // emoji and pictographs
    return true;
}

/// The words of `text` (lower-cased ASCII), in order, duplicates included.
std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = std::string_view::npos;
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode(text, pos);
        const bool word = cp.valid && isWordCharacter(cp.value);
        if (word && start == std::string_view::npos) start = pos;
        if (!word && start != std::string_view::npos) {
            words.push_back(asciiLower(text.substr(start, pos - start)));
            start = std::string_view::npos;
        }
        pos += cp.valid ? cp.length : 1;
    }
    if (start != std::string_view::npos) words.push_back(asciiLower(text.substr(start)));
    return words;
}

void addOnce(std::vector<std::string>& list, const std::string& word) {
    if (std::find(list.begin(), list.end(), word) == list.end()) list.push_back(word);
}

} // namespace

bool isFulltextStopword(std::string_view word) {
    return std::find(kStopwords.begin(), kStopwords.end(), word) != kStopwords.end();
}

SearchTerms parseSearchTerms(std::string_view text) {
    SearchTerms terms;
    if (isBlank(text)) {
        terms.error = "Enter a word to search for.";
        return terms;
    }
    if (utf8Length(text) > kMaxSearchLength) {
        terms.error = "The search text is too long: at most " + std::to_string(kMaxSearchLength) + " characters.";
        return terms;
    }
    for (const std::string& word : splitWords(text)) {
        const std::size_t length = utf8Length(word);
        const bool searchable =
            length >= kMinSearchWordLength && length <= kMaxSearchWordLength && !isFulltextStopword(word);
        addOnce(searchable ? terms.words : terms.ignored, word);
    }
    if (terms.words.empty()) {
        terms.error =
            "Nothing to search for: enter words of at least 3 letters or digits. Operators and punctuation "
            "are ignored, and so are very common words such as \"the\" or \"with\".";
    } else if (terms.words.size() > kMaxSearchWords) {
        terms.error = "Too many words: search for at most " + std::to_string(kMaxSearchWords) + " at once.";
    }
    if (!terms.ok()) terms.words.clear();
    return terms;
}

} // namespace ticketflow::domain
