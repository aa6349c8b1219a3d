// The gatekeeper's completeness checklist.
#include "core/domain/triage.hpp"

#include <algorithm>

namespace ticketflow::domain {

const std::vector<ChecklistItem>& triageChecklistItems() {
    static const std::vector<ChecklistItem> items{
        {"problem", "What went wrong"},
        {"reproduction", "How to reproduce"},
        {"client_log", "Client log files"},
        {"backend_log", "Backend log files"},
        {"workflow", "Workflow file (if a workflow was involved)"},
        {"screenshot", "Screenshot"},
        {"sample_data", "Sample data"},
    };
    return items;
}

std::string normalizeChecklist(const std::vector<std::string>& keys) {
    std::string out;
    for (const auto& item : triageChecklistItems()) {
        if (std::find(keys.begin(), keys.end(), item.key) == keys.end()) continue;
        if (!out.empty()) out += ' ';
        out += item.key;
    }
    return out;
}

std::vector<std::string> parseChecklist(std::string_view stored) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < stored.size()) {
        const std::size_t end = std::min(stored.find(' ', start), stored.size());
        if (end > start) words.emplace_back(stored.substr(start, end - start));
        start = end + 1;
    }
    std::vector<std::string> keys;
    for (const auto& item : triageChecklistItems()) {
        if (std::find(words.begin(), words.end(), item.key) != words.end()) keys.emplace_back(item.key);
    }
    return keys;
}

std::string describeChecklist(std::string_view stored) {
    std::string out;
    const auto keys = parseChecklist(stored);
    for (const auto& item : triageChecklistItems()) {
        if (std::find(keys.begin(), keys.end(), item.key) == keys.end()) continue;
        if (!out.empty()) out += ", ";
        out += item.label;
    }
    return out.empty() ? "none" : out;
}

} // namespace ticketflow::domain
