// SearchWindows: the issue-id windows of the search index and the order a search walks them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// The search index (sql/007_search_documents.sql) stores every word of an issue's text and
/// notes as word + "_" + window, the window being the issue id >> kSearchWindowBits
/// (search_window() in SQL says the same). A search for "citrix" asks window by window, newest
/// first, so that it can stop as soon as a page is full and never reads the rest.
constexpr unsigned kSearchWindowBits = 14;
/// Windows searched by one statement at most: one statement reads every match of its windows,
/// so this bounds what a window full of matches costs after a run of empty ones.
constexpr unsigned kMaxWindowsPerStep = 8;

constexpr unsigned searchWindowOf(unsigned issueId) {
    return issueId >> kSearchWindowBits;
}
constexpr unsigned firstIssueOfWindow(unsigned window) {
    return window << kSearchWindowBits;
}
constexpr unsigned lastIssueOfWindow(unsigned window) {
    return static_cast<unsigned>((static_cast<std::uint64_t>(window + 1) << kSearchWindowBits) - 1);
}

/// Windows `high` down to `low` (inclusive), searched together.
struct WindowStep {
    unsigned high = 0;
    unsigned low = 0;
    unsigned firstIssue() const { return firstIssueOfWindow(low); }
    unsigned lastIssue() const { return lastIssueOfWindow(high); }
};

/// Walks the windows from that of the newest issue down to window 0, each exactly once. Each
/// step costs what its windows match, so: the first step is one window; after a step that
/// found nothing the next is twice as wide (a rare word, or a stretch of text without it: cheap);
/// after a wide step that found issues, one window, to count how many a window of this text
/// holds; after a one-window step that found some, as many windows as that count says the
/// `wanted` rest needs (a word in every tenth issue needs one window, not eight). A `wide` walk
/// (a customer's: InnoDB reads only the postings among their few documents) takes the widest
/// step every time. Never wider than kMaxWindowsPerStep. Never throws.
class SearchWalk {
public:
    explicit SearchWalk(unsigned newestIssueId, bool wide = false)
        : _next(searchWindowOf(newestIssueId)), _wide(wide) {}
    /// The next step, or nothing when window 0 has been searched. `foundByLastStep` is what the
    /// previous step found (0 before the first), `wanted` how many more issues are needed.
    std::optional<WindowStep> next(std::size_t wanted, std::size_t foundByLastStep = 0);

private:
    std::int64_t _next; // highest window not searched yet; -1 when done
    bool _wide;
    unsigned _width = 0; // windows of the previous step; 0 before the first
};

/// The words of `marked` written as `prefix` + word + "_" + `suffix` (what SQL's search_terms()
/// makes of a search text), distinct, in order. Text between them (characters that separate
/// words for the index) is dropped. Never throws except bad_alloc.
std::vector<std::string> markedWords(std::string_view marked, char prefix, std::string_view suffix);

/// The term that marks documents of a customer's issues in `window`: "cust17w61" (SQL's
/// search_customer_terms() says the same). No word of the text is indexed without a trailing
/// "_" and digits, so none looks like it.
std::string customerTerm(unsigned customerId, unsigned window);

/// The boolean-mode query for `words` (from markedWords) in the windows of `step`: every word
/// required within one window, any window: "(+crash_3 +pdf_3) (+crash_2 +pdf_2)". With a
/// customer, their term comes first in each window, "(+cust17w3 +crash_3 +pdf_3)": InnoDB then
/// reads only the postings of the words that lie among that customer's documents.
/// Never throws except bad_alloc.
std::string windowedQuery(const std::vector<std::string>& words, const WindowStep& step,
                          std::optional<unsigned> customerId = std::nullopt);

} // namespace ticketflow::domain
