// Saved issue queries: who may see, save, publish and delete them, and what a valid name is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/actor.hpp"

namespace ticketflow::domain {

/// The fields of a saved query the rules look at.
struct SavedQueryRef {
    std::optional<unsigned> projectId; ///< none: a query for all projects
    std::optional<unsigned> userId;    ///< the owner; none for the built-in queries
    bool isPublic = false;
    bool builtin = false; ///< NewIssues and the like: part of the setup, never deleted
};

constexpr std::size_t kMaxQueryNameLength = 255;

/// Private queries: their owner only, admins included (as in Redmine). Public ones: active
/// staff and admins who may view every issue of the query's project (of some project, for a
/// query for all projects). Customer logins see none: query names are the team's words, and
/// the filters are the staff list's. Never throws.
bool canSeeQuery(const Actor& actor, const SavedQueryRef& query);

/// Active staff or admins who may view the project's issues (some project's, for a query
/// for all projects). Never throws.
bool canSaveQuery(const Actor& actor, std::optional<unsigned> projectId);

/// Making a query public puts it into everybody's list, so it takes more than saving one:
/// admins, or in a project staff with EditIssues there (the roles that run the project's
/// work: Support, Gatekeeper, Developer; not Manager). Public queries for all projects:
/// admins only. Never throws.
bool canPublishQuery(const Actor& actor, std::optional<unsigned> projectId);

/// Never a built-in query; otherwise its owner, or an admin for a query they can see.
/// Never throws.
bool canDeleteQuery(const Actor& actor, const SavedQueryRef& query);

/// The filters of the built-in NewIssues query: "status_id=1|4" for the statuses marked new,
/// "status_id=open" when none is. Never throws except bad_alloc.
std::string newIssuesFilter(const std::vector<unsigned>& newStatusIds);

/// What is wrong with `name` (already trimmed) as a query name: empty, longer than
/// kMaxQueryNameLength characters, or holding control characters. Never throws except bad_alloc.
std::vector<std::string> queryNameErrors(std::string_view name);

} // namespace ticketflow::domain
