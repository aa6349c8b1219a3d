// IssueQuery: issue list filters and sort parsed from Redmine-style request parameters.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/query_cursor.hpp"

namespace ticketflow::domain {

enum class StatusScope { Open, Closed, All, Listed };
/// The allowlist of sort columns; storage maps each to a fixed ORDER BY, never to request text.
enum class SortKey { Id, Updated, Created, Priority, Status, Tracker, Subject, Assignee };

/// What an issue list shows. Lists are ascending without duplicates when parsed; empty = any.
struct IssueQuery {
    std::optional<unsigned> projectId; // set by the caller from the URL
    StatusScope statusScope = StatusScope::Open;
    std::vector<unsigned> statusIds; // only for StatusScope::Listed
    std::vector<unsigned> trackerIds, priorityIds, milestoneIds;
    std::vector<unsigned> assigneeIds;  // "me" resolved to the actor's id
    bool assigneeNone = false;          // "!*": unassigned only; never with assigneeIds
    std::optional<unsigned> assigneeMe; // the id "me" stood for, so links keep saying "me"
    SortKey sort = SortKey::Id;
    bool descending = true;
    unsigned limit = 25;               // 1..100
    std::optional<std::string> after;  // encoded Cursor of the next page (see decodeCursor)
    std::optional<std::string> before; // encoded Cursor of the previous page

    bool operator==(const IssueQuery&) const = default;
};

constexpr unsigned kDefaultIssueLimit = 25;
constexpr unsigned kMaxIssueLimit = 100;
constexpr std::size_t kMaxListedIds = 100; // per parameter; bounds the SQL IN list

struct QueryParseResult {
    IssueQuery query;
    std::vector<std::string> errors; // user-facing sentences, each naming its parameter
    bool ok() const;
};

/// Parses Redmine-style shorthand parameters (values already URL-decoded):
///   status_id = open | closed | * | ids ("1", "1|3");
///   tracker_id, priority_id, fixed_version_id (milestone) = ids;
///   assigned_to_id = ids, "me" (the actor; an error when anonymous), "!*" (unassigned, alone);
///   sort = "key[:asc|:desc][,...]" from id, updated_on, created_on, priority, status, tracker,
///          subject, assigned_to -- the first key is used, direction ascending unless ":desc",
///          as in Redmine; without a sort parameter: id descending;
///   limit = 1..100; after / before = cursors from encodeCursor (not both).
/// Repeated list parameters (multi-selects) are merged; repeating a scalar is an error. Blank
/// values mean "not given". Unknown parameters are ignored (pages carry others). A bad value
/// adds an error naming the parameter and leaves that part of the query at its default.
/// Never throws except std::bad_alloc.
QueryParseResult parseIssueQuery(const std::multimap<std::string, std::string>& params, unsigned actorUserId);

/// Canonical parameters without cursors and project, e.g.
/// "status_id=open&tracker_id=1%7C2&sort=id:desc&limit=25"; parseIssueQuery reads it back to
/// the same query (with the same actor for "me"). Values are percent-encoded where needed.
std::string toQueryString(const IssueQuery& query);

/// "id", "updated_on", "created_on", "priority", "status", "tracker", "subject", "assigned_to".
std::string_view sortKeyName(SortKey key);

/// The inverse of sortKeyName; nullopt for anything outside the allowlist.
std::optional<SortKey> sortKeyFromName(std::string_view name);

} // namespace ticketflow::domain
