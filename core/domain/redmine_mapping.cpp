// How Redmine's records read in ticketflow's terms (the Redmine import; no I/O).
#include "core/domain/redmine_mapping.hpp"

#include "core/domain/text.hpp"

#include <array>
#include <utility>

namespace ticketflow::domain::redmine {

namespace {

constexpr std::size_t kMaxDetailValue = 255; // journal_details.old_value / value

// Attributes whose values are ids of records the import brings over.
constexpr std::array<std::pair<std::string_view, RefKind>, 9> kIdAttributes{{
    {"status_id", RefKind::Status},
    {"tracker_id", RefKind::Tracker},
    {"priority_id", RefKind::Priority},
    {"assigned_to_id", RefKind::User},
    {"author_id", RefKind::User},
    {"fixed_version_id", RefKind::Version},
    {"project_id", RefKind::Project},
    {"parent_id", RefKind::Issue},
    {"child_id", RefKind::Issue}, // on the parent: a subtask added or removed
}};

// Attributes ticketflow has no column for but whose history still reads as it stands.
constexpr std::array<std::string_view, 8> kTextAttributes{
    "subject", "description", "start_date", "due_date", "done_ratio", "estimated_hours", "is_private", "closed_on",
};

std::optional<RefKind> idAttribute(std::string_view name) {
    for (const auto& [key, kind] : kIdAttributes)
        if (key == name) return kind;
    return std::nullopt;
}

bool textAttribute(std::string_view name) {
    for (const auto key : kTextAttributes)
        if (key == name) return true;
    return false;
}

/// A value that names a record: translated, or empty with the reason noted in `out`.
std::optional<std::string> translate(const std::optional<std::string>& value, RefKind kind, const IdLookup& lookup,
                                     MappedDetail& out, std::optional<unsigned>& pending) {
    if (!value || value->empty()) return std::nullopt;
    const auto remote = parseId(*value);
    if (!remote) {
        out.lostReference = true;
        return std::nullopt;
    }
    if (const auto local = lookup(kind, *remote)) return std::to_string(*local);
    if (kind == RefKind::Issue)
        pending = *remote;
    else
        out.lostReference = true;
    return std::nullopt;
}

std::optional<std::string> fitted(const std::optional<std::string>& value, MappedDetail& out) {
    if (!value) return std::nullopt;
    return fit(*value, kMaxDetailValue, out.cut);
}

} // namespace

std::string fit(std::string_view text, std::size_t maxChars, bool& cut) {
    if (utf8Length(text) <= maxChars) return std::string(text);
    cut = true;
    return truncateUtf8(text, maxChars);
}

DetailResult mapDetail(std::string_view property, std::string_view name, const std::optional<std::string>& oldValue,
                       const std::optional<std::string>& newValue, const IdLookup& lookup) {
    MappedDetail out;
    out.detail.property = std::string(property);
    out.detail.key = std::string(name);
    if (property == "attr") {
        if (const auto kind = idAttribute(name)) {
            out.detail.oldValue = translate(oldValue, *kind, lookup, out, out.pendingOldIssue);
            out.detail.value = translate(newValue, *kind, lookup, out, out.pendingNewIssue);
            return {std::move(out), {}};
        }
        if (!textAttribute(name)) return {std::nullopt, "attribute " + std::string(name)};
        out.detail.oldValue = fitted(oldValue, out);
        out.detail.value = fitted(newValue, out);
        return {std::move(out), {}};
    }
    if (property == "attachment") {
        // prop_key is the file's id; the values are its name (added: new, removed: old).
        const auto remote = parseId(name);
        const auto local = remote ? lookup(RefKind::Attachment, *remote) : std::nullopt;
        // A file deleted in Redmine leaves only its name in the history: keep that.
        out.detail.key = local ? std::to_string(*local) : "0";
        out.detail.oldValue = fitted(oldValue, out);
        out.detail.value = fitted(newValue, out);
        return {std::move(out), {}};
    }
    if (property == "relation") {
        // prop_key is the type as read from this issue (blocked, follows, …), like ours.
        if (!normalizeRelation(1, 2, name)) return {std::nullopt, "relation type " + std::string(name)};
        out.detail.oldValue = translate(oldValue, RefKind::Issue, lookup, out, out.pendingOldIssue);
        out.detail.value = translate(newValue, RefKind::Issue, lookup, out, out.pendingNewIssue);
        return {std::move(out), {}};
    }
    if (property == "cf") return {std::nullopt, "custom field"};
    return {std::nullopt, "detail " + std::string(property)};
}

std::optional<Relation> mapRelation(unsigned fromId, unsigned toId, std::string_view type) {
    return normalizeRelation(fromId, toId, type);
}

std::string userStatus(int redmineStatus) { return redmineStatus == 1 ? "active" : "locked"; }

std::string milestoneStatus(std::string_view status) {
    if (status == "locked" || status == "closed") return std::string(status);
    return "open";
}

} // namespace ticketflow::domain::redmine
