// Saved issue queries: who may see, save, publish and delete them, and what a valid name is.
#include "core/domain/saved_query.hpp"

#include "core/domain/text.hpp"

namespace ticketflow::domain {
namespace {

bool isStaff(const Actor& actor) {
    return actor.isActive() && (actor.staff || actor.admin);
}

bool mayViewIssuesOf(const Actor& actor, std::optional<unsigned> projectId) {
    return projectId ? actor.allowedTo(Permission::ViewIssues, *projectId)
                     : actor.allowedAnywhere(Permission::ViewIssues);
}

} // namespace

bool canSeeQuery(const Actor& actor, const SavedQueryRef& query) {
    if (!isStaff(actor)) return false;
    if (!query.isPublic) return query.userId.has_value() && *query.userId == actor.userId;
    return mayViewIssuesOf(actor, query.projectId);
}

bool canSaveQuery(const Actor& actor, std::optional<unsigned> projectId) {
    return isStaff(actor) && mayViewIssuesOf(actor, projectId);
}

bool canPublishQuery(const Actor& actor, std::optional<unsigned> projectId) {
    if (!canSaveQuery(actor, projectId)) return false;
    if (actor.admin) return true;
    return projectId.has_value() && actor.allowedTo(Permission::EditIssues, *projectId);
}

bool canDeleteQuery(const Actor& actor, const SavedQueryRef& query) {
    if (query.builtin || !canSeeQuery(actor, query)) return false;
    return actor.admin || (query.userId.has_value() && *query.userId == actor.userId);
}

std::vector<std::string> queryNameErrors(std::string_view name) {
    std::vector<std::string> errors;
    if (name.empty()) errors.push_back("Name cannot be blank.");
    if (utf8Length(name) > kMaxQueryNameLength)
        errors.push_back("Name is too long (at most " + std::to_string(kMaxQueryNameLength) + " characters).");
    if (hasControlCharacters(name)) errors.push_back("Name cannot contain control characters.");
    return errors;
}

std::string newIssuesFilter(const std::vector<unsigned>& newStatusIds) {
    std::string ids;
    for (unsigned id : newStatusIds) ids += (ids.empty() ? "" : "|") + std::to_string(id);
    return "status_id=" + (ids.empty() ? std::string("open") : ids);
}

} // namespace ticketflow::domain
