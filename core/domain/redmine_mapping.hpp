// How Redmine's records read in ticketflow's terms: journal details, relations, user and
// version states, text cut to our columns (the Redmine import; no I/O).
#pragma once
#include "core/domain/issue.hpp"
#include "core/domain/relation.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::domain::redmine {

/// What a Redmine id in a journal detail names.
enum class RefKind { Project, Tracker, Status, Priority, User, Version, Issue, Attachment };

/// The ticketflow id of a Redmine id of that kind; nullopt when it was not imported (yet).
using IdLookup = std::function<std::optional<unsigned>(RefKind, unsigned remoteId)>;

/// A detail as ticketflow stores it (journal_details: property, prop_key, old_value, value).
struct MappedDetail {
    JournalDetail detail;
    /// A value naming an issue not imported yet is left empty; these are the Redmine ids to
    /// fill in once that issue is imported.
    std::optional<unsigned> pendingOldIssue, pendingNewIssue;
    /// A value named a record that is not there (a deleted user, a group as assignee) and
    /// was left empty.
    bool lostReference = false;
    /// A value was longer than the column (255 characters) and was cut.
    bool cut = false;
};

/// A detail taken over, or why not ("custom field", "attribute category_id", …) for the
/// summary of what could not be mapped.
struct DetailResult {
    std::optional<MappedDetail> mapped;
    std::string dropped;
};

/// One Redmine journal detail (property attr, cf, attachment or relation; name is its
/// prop_key). Attribute changes keep Redmine's keys (status_id, assigned_to_id,
/// fixed_version_id, …), which ticketflow's history reads, with ids translated by `lookup`;
/// dates, done ratio, estimates and privacy are kept as history text; custom fields,
/// categories and unknown attributes are dropped. Never throws but bad_alloc and what
/// `lookup` throws.
DetailResult mapDetail(std::string_view property, std::string_view name, const std::optional<std::string>& oldValue,
                       const std::optional<std::string>& newValue, const IdLookup& lookup);

/// Redmine's stored relation (from, to, type as stored) in ticketflow's canonical direction;
/// nullopt for a type ticketflow does not know. The ids are whatever the caller passes.
std::optional<Relation> mapRelation(unsigned fromId, unsigned toId, std::string_view type);

/// Redmine's user status (1 active, 2 registered, 3 locked) as users.status: only active
/// users may sign in; a registered user has not confirmed the account yet.
std::string userStatus(int redmineStatus);

/// Redmine's version status (open, locked, closed); anything else reads open.
std::string milestoneStatus(std::string_view status);

/// `text` cut to `maxChars` characters (UTF-8), setting `cut` when it was longer.
std::string fit(std::string_view text, std::size_t maxChars, bool& cut);

} // namespace ticketflow::domain::redmine
