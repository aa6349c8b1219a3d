// The gatekeeper's completeness checklist for internal New issues (DESIGN §2), kept on the
// issue as a list of item keys (issues.triage_checklist).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

struct ChecklistItem {
    std::string_view key, label;
};

/// The items in display order: what went wrong, how to reproduce, client log, backend log,
/// workflow file, screenshot, sample data.
const std::vector<ChecklistItem>& triageChecklistItems();

/// Known keys in display order, without duplicates, joined with spaces (what is stored).
/// Unknown keys are dropped. Never throws except std::bad_alloc.
std::string normalizeChecklist(const std::vector<std::string>& keys);
/// The stored text back as keys (unknown ones dropped).
std::vector<std::string> parseChecklist(std::string_view stored);
/// "Reproduction steps, Screenshot" for the history; "none" when empty.
std::string describeChecklist(std::string_view stored);

} // namespace ticketflow::domain
