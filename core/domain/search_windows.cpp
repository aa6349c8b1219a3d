// SearchWindows: the issue-id windows of the search index and the order a search walks them.
#include "core/domain/search_windows.hpp"

#include <algorithm>

namespace ticketflow::domain {

std::optional<WindowStep> SearchWalk::next(std::size_t wanted, std::size_t foundByLastStep) {
    if (_next < 0) return std::nullopt;
    std::size_t width = 1;
    if (_wide)
        width = kMaxWindowsPerStep;
    else if (_width > 0 && foundByLastStep == 0)
        width = std::size_t{_width} * 2;
    else if (_width == 1)
        width = (wanted + foundByLastStep - 1) / foundByLastStep;
    width = std::clamp<std::size_t>(width, 1, kMaxWindowsPerStep);
    WindowStep step;
    step.high = static_cast<unsigned>(_next);
    step.low = static_cast<unsigned>(std::max<std::int64_t>(0, _next - static_cast<std::int64_t>(width) + 1));
    _next = static_cast<std::int64_t>(step.low) - 1;
    _width = step.high - step.low + 1;
    return step;
}

std::vector<std::string> markedWords(std::string_view marked, char prefix, std::string_view suffix) {
    std::vector<std::string> words;
    const std::string end = "_" + std::string(suffix);
    for (auto at = marked.find(prefix); at != std::string_view::npos; at = marked.find(prefix, at + 1)) {
        const auto stop = marked.find(end, at + 1);
        if (stop == std::string_view::npos) break;
        std::string word(marked.substr(at + 1, stop - at - 1));
        // A marked word never holds the prefix itself: that would be two marks, keep the later one.
        if (word.empty() || word.find(prefix) != std::string::npos) continue;
        if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
        at = stop;
    }
    return words;
}

std::string customerTerm(unsigned customerId, unsigned window) {
    return "cust" + std::to_string(customerId) + "w" + std::to_string(window);
}

std::string windowedQuery(const std::vector<std::string>& words, const WindowStep& step,
                          std::optional<unsigned> customerId) {
    std::string out;
    for (std::int64_t w = step.high; w >= static_cast<std::int64_t>(step.low); --w) {
        const auto window = static_cast<unsigned>(w);
        if (!out.empty()) out += ' ';
        out += '(';
        if (customerId) out += '+' + customerTerm(*customerId, window) + ' ';
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i) out += ' ';
            out += '+' + words[i] + '_' + std::to_string(window);
        }
        out += ')';
    }
    return out;
}

} // namespace ticketflow::domain
