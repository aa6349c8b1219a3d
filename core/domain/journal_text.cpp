// How an issue's history reads: one sentence per changed field, in Redmine's phrasing.
#include "core/domain/journal_text.hpp"

#include <array>
#include <utility>

namespace ticketflow::domain {
namespace {

using Label = std::pair<std::string_view, std::string_view>;

// Both the Redmine key (fixed_version_id) and our column (milestone_id) read "Milestone".
constexpr std::array<Label, 20> kFieldLabels{{
    {"status_id", "Status"},
    {"assigned_to_id", "Assignee"},
    {"priority_id", "Priority"},
    {"tracker_id", "Tracker"},
    {"fixed_version_id", "Milestone"},
    {"milestone_id", "Milestone"},
    {"project_id", "Project"},
    {"subject", "Subject"},
    {"description", "Description"},
    {"author_id", "Author"},
    {"customer_id", "Customer"},
    {"source", "Source"},
    {"hint_priority_id", "Requested priority"},
    {"hint_assigned_to_id", "Requested assignee"},
    {"triage_checklist", "Triage checklist"},
    {"customer_replied", "Customer replied"},
    {"private_notes", "Private notes"},
    {"parent_id", "Parent task"},
    {"due_date", "Due date"},
    {"closed_on", "Closed"},
}};

constexpr std::array<Label, 9> kRelationLabels{{
    {"relates", "Related to"},
    {"duplicates", "Is duplicate of"},
    {"duplicated", "Has duplicate"},
    {"blocks", "Blocks"},
    {"blocked", "Blocked by"},
    {"precedes", "Precedes"},
    {"follows", "Follows"},
    {"copied_to", "Copied to"},
    {"copied_from", "Copied from"},
}};

template <std::size_t N>
std::string_view lookup(const std::array<Label, N>& labels, std::string_view key) {
    for (const auto& [candidate, label] : labels)
        if (candidate == key) return label;
    return {};
}

/// "due_date" -> "Due date", "foo_id" -> "Foo": Redmine's humanize for keys we do not know.
std::string humanize(std::string_view key) {
    if (key.size() > 3 && key.ends_with("_id")) key.remove_suffix(3);
    std::string out(key);
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string labelFor(const DetailText& detail) {
    std::string_view label;
    if (detail.property == "attachment")
        label = "File";
    else if (detail.property == "checklist")
        label = "Triage checklist";
    else if (detail.property == "relation")
        label = relationLabel(detail.key);
    else
        label = fieldLabel(detail.key);
    return label.empty() ? humanize(detail.key) : std::string(label);
}

const std::string* present(const std::optional<std::string>& value) {
    return value && !value->empty() ? &*value : nullptr;
}

} // namespace

std::string_view fieldLabel(std::string_view key) {
    return lookup(kFieldLabels, key);
}

std::string_view relationLabel(std::string_view relationType) {
    return lookup(kRelationLabels, relationType);
}

std::string describeDetail(const DetailText& detail) {
    const std::string label = labelFor(detail);
    const std::string* oldName = present(detail.oldName);
    const std::string* newName = present(detail.newName);
    // A description can be pages long; history says that it changed, the diff is elsewhere.
    if (detail.property == "attr" && detail.key == "description") return label + " updated";
    if (newName) {
        // Attachments and relations are things added to the issue, not a field taking a value.
        if (detail.property == "attachment" || detail.property == "relation") return label + " " + *newName + " added";
        if (oldName) return label + " changed from " + *oldName + " to " + *newName;
        return label + " set to " + *newName;
    }
    if (oldName) return label + " deleted (" + *oldName + ")";
    return label + " deleted";
}

} // namespace ticketflow::domain
