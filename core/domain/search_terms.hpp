// SearchTerms: what a user typed into a search box, reduced to words MariaDB's FULLTEXT can find.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// InnoDB indexes tokens of innodb_ft_min_token_size (3) to innodb_ft_max_token_size (84)
/// characters; the search index stores each word with "_" and its window number appended (up
/// to 7 characters: search_windows.hpp), so words longer than 77 cannot be in it. InnoDB's
/// default stopwords ("the", "with") are in nearly every text and are not searched either. A
/// required word the index cannot hold would make the search find nothing, so such words are
/// left out rather than searched.
constexpr std::size_t kMinSearchWordLength = 3;
constexpr std::size_t kMaxSearchWordLength = 77;
constexpr std::size_t kMaxSearchWords = 8;
constexpr std::size_t kMaxSearchLength = 255; ///< characters of the whole search text

struct SearchTerms {
    std::vector<std::string> words;   ///< what is searched: distinct, in the order typed
    std::vector<std::string> ignored; ///< too short, too long or too common (shown to the user)
    std::string error;                ///< set when there is nothing to search for, or too much
    bool ok() const { return error.empty(); }
};

/// Splits `text` into words: runs of letters, digits and '_' (any character outside ASCII
/// counts as a letter, except punctuation, symbols and spaces of the common Unicode blocks).
/// Everything else -- MariaDB's boolean operators + - < > ( ) ~ * " @ among it -- separates
/// words and is never passed on, so no input can make the search statement fail. Words are
/// lower-cased (ASCII) and de-duplicated. Sets `error` (and no words) when `text` is blank, longer
/// than kMaxSearchLength characters, has no word that can be searched, or has more than
/// kMaxSearchWords of them. Bytes that are not UTF-8 separate words. Never throws except bad_alloc.
SearchTerms parseSearchTerms(std::string_view text);

/// True for InnoDB's default full-text stopwords ("the", "with", ...); `word` lower-case.
bool isFulltextStopword(std::string_view word);

} // namespace ticketflow::domain
