// Use cases on saved issue queries: list the visible ones, save the current filters, delete.
#include "core/app/query_service.hpp"

#include "core/domain/issue_query.hpp"
#include "core/domain/saved_query.hpp"
#include "core/domain/text.hpp"

#include <algorithm>

namespace ticketflow::app {

namespace {

constexpr std::size_t kMaxFiltersLength = 2048; // queries.filters

std::vector<storage::SavedQuery> onlyVisible(const domain::Actor& actor, std::vector<storage::SavedQuery> queries) {
    std::erase_if(queries, [&](const storage::SavedQuery& q) { return !domain::canSeeQuery(actor, q.ref()); });
    return queries;
}

} // namespace

SaveQueryResult QueryService::save(const domain::Actor& actor, const NewQuery& query) {
    SaveQueryResult result;
    if (!domain::canSaveQuery(actor, query.projectId)) {
        result.outcome = Outcome::Forbidden;
        result.errors.push_back("You may not save queries here.");
        return result;
    }
    if (query.isPublic && !domain::canPublishQuery(actor, query.projectId)) {
        result.outcome = Outcome::Forbidden;
        result.errors.push_back(query.projectId ? "You may not make queries of this project public; save it as private."
                                                : "Only administrators may make queries for all projects public.");
        return result;
    }
    const std::string name(domain::trim(query.name));
    result.errors = domain::queryNameErrors(name);
    auto parsed = domain::parseIssueQuery(query.filters, actor.userId);
    result.errors.insert(result.errors.end(), parsed.errors.begin(), parsed.errors.end());
    const std::string filters = domain::toQueryString(parsed.query);
    if (parsed.ok() && filters.size() > kMaxFiltersLength)
        result.errors.push_back("These filters list too many values to be saved; choose fewer.");
    if (!result.errors.empty()) {
        result.outcome = Outcome::Invalid;
        return result;
    }
    storage::SavedQuery row;
    row.projectId = query.projectId;
    row.userId = actor.userId;
    row.name = name;
    row.isPublic = query.isPublic;
    row.filters = filters;
    result.queryId = storage::QueryRepository(_db).create(row);
    return result;
}

Outcome QueryService::remove(const domain::Actor& actor, unsigned queryId) {
    storage::QueryRepository queries(_db);
    const auto query = queries.find(queryId);
    if (!query || !domain::canSeeQuery(actor, query->ref())) return Outcome::NotFound;
    if (!domain::canDeleteQuery(actor, query->ref())) return Outcome::Forbidden;
    // Gone meanwhile (a second click): the user's wish holds all the same.
    queries.remove(queryId);
    return Outcome::Ok;
}

std::optional<storage::SavedQuery> QueryService::findVisible(const domain::Actor& actor, unsigned queryId) {
    auto query = storage::QueryRepository(_db).find(queryId);
    if (!query || !domain::canSeeQuery(actor, query->ref())) return std::nullopt;
    return query;
}

std::vector<storage::SavedQuery> QueryService::visible(const domain::Actor& actor, std::optional<unsigned> projectId) {
    if (!actor.isActive()) return {};
    return onlyVisible(actor, storage::QueryRepository(_db).candidates(actor.userId, projectId));
}

std::vector<storage::SavedQuery> QueryService::allVisible(const domain::Actor& actor) {
    if (!actor.isActive()) return {};
    return onlyVisible(actor, storage::QueryRepository(_db).allCandidates(actor.userId));
}

} // namespace ticketflow::app
