// IssueQuery: issue list filters and sort parsed from Redmine-style request parameters.
#include "core/domain/issue_query.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/domain/text.hpp"

namespace ticketflow::domain {
namespace {

using Params = std::multimap<std::string, std::string>;
using Errors = std::vector<std::string>;

constexpr std::array<std::pair<SortKey, std::string_view>, 8> kSortNames{{
    {SortKey::Id, "id"},
    {SortKey::Updated, "updated_on"},
    {SortKey::Created, "created_on"},
    {SortKey::Priority, "priority"},
    {SortKey::Status, "status"},
    {SortKey::Tracker, "tracker"},
    {SortKey::Subject, "subject"},
    {SortKey::Assignee, "assigned_to"},
}};

/// All non-blank values of a list parameter joined with '|'; nullopt when none was given.
std::optional<std::string> listValue(const Params& params, const std::string& name) {
    std::string joined;
    const auto [first, last] = params.equal_range(name);
    for (auto it = first; it != last; ++it) {
        const std::string_view value = trim(it->second);
        if (value.empty()) continue;
        if (!joined.empty()) joined += '|';
        joined += value;
    }
    if (joined.empty()) return std::nullopt;
    return joined;
}

/// The one non-blank value of a scalar parameter; an error when given more than once.
std::optional<std::string> scalarValue(const Params& params, const std::string& name, Errors& errors) {
    std::optional<std::string> found;
    const auto [first, last] = params.equal_range(name);
    for (auto it = first; it != last; ++it) {
        const std::string_view value = trim(it->second);
        if (value.empty()) continue;
        if (found) {
            errors.push_back(name + " was given more than once.");
            return std::nullopt;
        }
        found = std::string(value);
    }
    return found;
}

void sortUnique(std::vector<unsigned>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

enum class IdListProblem { None, Malformed, TooMany };

/// "1|3" -> {1, 3} (ascending, no duplicates) in `ids`, or what is wrong with the text.
IdListProblem parseIdList(std::string_view text, std::vector<unsigned>& ids) {
    std::vector<unsigned> parsed;
    for (const std::string_view piece : split(text, '|')) {
        const std::optional<unsigned> id = parseId(trim(piece));
        if (!id) return IdListProblem::Malformed;
        parsed.push_back(*id);
    }
    sortUnique(parsed);
    if (parsed.size() > kMaxListedIds) return IdListProblem::TooMany;
    ids = std::move(parsed);
    return IdListProblem::None;
}

std::string tooManyIds(const std::string& name) {
    return name + " lists more than " + std::to_string(kMaxListedIds) + " values.";
}

/// parseIdList, adding an error naming the parameter when the text is not an id list.
std::optional<std::vector<unsigned>> parseIds(std::string_view text, const std::string& name, std::string_view what,
                                              Errors& errors) {
    std::vector<unsigned> ids;
    switch (parseIdList(text, ids)) {
        case IdListProblem::None:
            return ids;
        case IdListProblem::Malformed:
            errors.push_back(name + " must be " + std::string(what) + " ids separated by |.");
            break;
        case IdListProblem::TooMany:
            errors.push_back(tooManyIds(name));
            break;
    }
    return std::nullopt;
}

void parseIdFilter(const Params& params, const std::string& name, std::string_view what, std::vector<unsigned>& target,
                   Errors& errors) {
    if (const auto value = listValue(params, name))
        if (auto ids = parseIds(*value, name, what, errors)) target = std::move(*ids);
}

void parseStatus(const Params& params, IssueQuery& query, Errors& errors) {
    const auto value = listValue(params, "status_id");
    if (!value) return;
    if (*value == "open") {
        query.statusScope = StatusScope::Open;
        return;
    }
    if (*value == "closed") {
        query.statusScope = StatusScope::Closed;
        return;
    }
    if (*value == "*") {
        query.statusScope = StatusScope::All;
        return;
    }
    switch (parseIdList(*value, query.statusIds)) {
        case IdListProblem::None:
            query.statusScope = StatusScope::Listed;
            break;
        case IdListProblem::Malformed:
            errors.push_back("status_id must be open, closed, * or status ids separated by |.");
            break;
        case IdListProblem::TooMany:
            errors.push_back(tooManyIds("status_id"));
            break;
    }
}

void parseAssignee(const Params& params, unsigned actorUserId, IssueQuery& query, Errors& errors) {
    const auto value = listValue(params, "assigned_to_id");
    if (!value) return;
    const std::string name = "assigned_to_id";
    const std::vector<std::string_view> pieces = split(*value, '|');
    if (std::any_of(pieces.begin(), pieces.end(), [](auto p) { return trim(p) == "!*"; })) {
        if (pieces.size() == 1)
            query.assigneeNone = true;
        else
            errors.push_back("assigned_to_id: !* (unassigned) cannot be combined with other values.");
        return;
    }
    std::string numeric; // the pieces other than "me", still '|'-separated
    std::size_t numericPieces = 0;
    std::optional<unsigned> me;
    for (const std::string_view piece : pieces) {
        if (trim(piece) != "me") {
            if (numericPieces++ > 0) numeric += '|';
            numeric += piece;
        } else if (actorUserId == 0) {
            errors.push_back("assigned_to_id: me needs a signed-in user.");
            return;
        } else {
            me = actorUserId;
        }
    }
    std::vector<unsigned> ids;
    if (numericPieces > 0) {
        auto parsed = parseIds(numeric, name, "user", errors);
        if (!parsed) return;
        ids = std::move(*parsed);
    }
    if (me) ids.push_back(*me);
    sortUnique(ids);
    query.assigneeIds = std::move(ids);
    query.assigneeMe = me;
}

/// "priority:desc,id:desc" -> the first key and its direction; nullopt when any part is bad.
std::optional<std::pair<SortKey, bool>> parseSortSpec(std::string_view text) {
    std::optional<std::pair<SortKey, bool>> first;
    for (const std::string_view rawPart : split(text, ',')) {
        const std::string_view part = trim(rawPart);
        if (part.empty()) continue; // "id:desc," from a hand-written link
        const std::size_t colon = part.find(':');
        const std::optional<SortKey> key = sortKeyFromName(trim(part.substr(0, colon)));
        if (!key) return std::nullopt;
        bool descending = false;
        if (colon != std::string_view::npos) {
            const std::string_view direction = trim(part.substr(colon + 1));
            if (direction != "asc" && direction != "desc") return std::nullopt;
            descending = direction == "desc";
        }
        if (!first) first = std::make_pair(*key, descending);
    }
    return first;
}

void parseSort(const Params& params, IssueQuery& query, Errors& errors) {
    const auto value = scalarValue(params, "sort", errors);
    if (!value) return;
    if (const auto spec = parseSortSpec(*value)) {
        std::tie(query.sort, query.descending) = *spec;
        return;
    }
    errors.push_back(
        "sort must be one of id, updated_on, created_on, priority, status, tracker, "
        "subject, assigned_to, optionally followed by :asc or :desc.");
}

void parseLimit(const Params& params, IssueQuery& query, Errors& errors) {
    const auto value = scalarValue(params, "limit", errors);
    if (!value) return;
    const std::optional<unsigned> limit = parseId(*value);
    if (limit && *limit <= kMaxIssueLimit) {
        query.limit = *limit;
        return;
    }
    errors.push_back("limit must be a whole number from 1 to " + std::to_string(kMaxIssueLimit) + ".");
}

void parseCursors(const Params& params, IssueQuery& query, Errors& errors) {
    for (const char* name : {"after", "before"}) {
        const auto value = scalarValue(params, name, errors);
        if (!value) continue;
        if (!decodeCursor(*value)) {
            errors.push_back(std::string(name) + " is not a valid page position; start from the first page.");
            continue;
        }
        (std::string_view(name) == "after" ? query.after : query.before) = *value;
    }
    if (query.after && query.before) {
        errors.push_back("after and before cannot be used together.");
        query.after.reset();
        query.before.reset();
    }
}

/// Percent-encodes everything but unreserved characters and the few that read well in a
/// query value (':', '!', '*', ','); '|' is encoded because RFC 3986 does not allow it raw.
std::string encodeValue(std::string_view value) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : value) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
            std::string_view("-._~:!*,").find(c) != std::string_view::npos) {
            out += c;
        } else {
            out += '%';
            out += kHex[b >> 4];
            out += kHex[b & 0x0F];
        }
    }
    return out;
}

std::string joinIds(const std::vector<unsigned>& ids, std::optional<unsigned> me = std::nullopt) {
    std::string out = me ? "me" : "";
    for (const unsigned id : ids) {
        if (me && id == *me) continue;
        if (!out.empty()) out += '|';
        out += std::to_string(id);
    }
    return out;
}

std::string statusValue(const IssueQuery& query) {
    switch (query.statusScope) {
        case StatusScope::Open:
            return "open";
        case StatusScope::Closed:
            return "closed";
        case StatusScope::All:
            return "*";
        // An empty list cannot be written as ids; "every status" is the closest honest reading.
        case StatusScope::Listed:
            return query.statusIds.empty() ? "*" : joinIds(query.statusIds);
    }
    return "open";
}

} // namespace

bool QueryParseResult::ok() const {
    return errors.empty();
}

QueryParseResult parseIssueQuery(const Params& params, unsigned actorUserId) {
    QueryParseResult result;
    IssueQuery& query = result.query;
    Errors& errors = result.errors;
    parseStatus(params, query, errors);
    parseIdFilter(params, "tracker_id", "tracker", query.trackerIds, errors);
    parseIdFilter(params, "priority_id", "priority", query.priorityIds, errors);
    parseIdFilter(params, "fixed_version_id", "milestone", query.milestoneIds, errors);
    parseAssignee(params, actorUserId, query, errors);
    parseSort(params, query, errors);
    parseLimit(params, query, errors);
    parseCursors(params, query, errors);
    return result;
}

std::string toQueryString(const IssueQuery& query) {
    std::string out = "status_id=" + encodeValue(statusValue(query));
    const auto addList = [&](std::string_view name, const std::vector<unsigned>& ids) {
        if (!ids.empty()) out += "&" + std::string(name) + "=" + encodeValue(joinIds(ids));
    };
    addList("tracker_id", query.trackerIds);
    addList("priority_id", query.priorityIds);
    addList("fixed_version_id", query.milestoneIds);
    if (query.assigneeNone)
        out += "&assigned_to_id=" + encodeValue("!*");
    else if (!query.assigneeIds.empty())
        out += "&assigned_to_id=" + encodeValue(joinIds(query.assigneeIds, query.assigneeMe));
    out += "&sort=" + std::string(sortKeyName(query.sort)) + (query.descending ? ":desc" : ":asc");
    out += "&limit=" + std::to_string(query.limit);
    return out;
}

std::string_view sortKeyName(SortKey key) {
    for (const auto& [candidate, name] : kSortNames)
        if (candidate == key) return name;
    return "id";
}

std::optional<SortKey> sortKeyFromName(std::string_view name) {
    for (const auto& [key, candidate] : kSortNames)
        if (candidate == name) return key;
    return std::nullopt;
}

} // namespace ticketflow::domain
