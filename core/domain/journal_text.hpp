// How an issue's history reads: one sentence per changed field, in Redmine's phrasing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::domain {

/// One journal detail with its values already turned into names by the caller
/// (status id 3 -> "Accepted", user id 7 -> "Bill Support").
struct DetailText {
    std::string property; // "attr", "relation", "attachment", "checklist"
    std::string key;      // status_id, assigned_to_id, priority_id, tracker_id, fixed_version_id,
                          // subject, description, ...; relation: its type; attachment: its id
    std::optional<std::string> oldName, newName; // empty strings count as absent
};

/// The sentence for one detail, plain text (HTML escaping is the view's job):
///   attr:       "Status changed from New to Accepted", "Assignee set to Bill Support",
///               "Milestone deleted (2.1.1)", "Description updated" (never the text itself);
///   attachment: "File report.pdf added", "File deleted (report.pdf)";
///   relation:   "Copied to Bug #12 added", "Related to deleted (Bug #12)";
///   checklist:  as attr, labelled "Triage checklist".
/// Unknown keys are labelled by humanising the key ("due_date" -> "Due date"). Never throws
/// except std::bad_alloc.
std::string describeDetail(const DetailText& detail);

/// The label of an issue field: "status_id" -> "Status", "assigned_to_id" -> "Assignee",
/// "fixed_version_id" and "milestone_id" -> "Milestone", ...; empty for unknown keys.
std::string_view fieldLabel(std::string_view key);

/// The label of a relation type: "relates" -> "Related to", "copied_to" -> "Copied to",
/// "copied_from" -> "Copied from", ...; empty for unknown types.
std::string_view relationLabel(std::string_view relationType);

} // namespace ticketflow::domain
