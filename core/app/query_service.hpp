// Use cases on saved issue queries: list the visible ones, save the current filters, delete.
#pragma once
#include "core/app/issue_service.hpp"
#include "core/domain/actor.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/query_repository.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ticketflow::app {

/// What the "save query" form sends.
struct NewQuery {
    std::optional<unsigned> projectId; ///< none: for all projects
    std::string name;                  ///< as typed; trimmed here
    bool isPublic = false;
    std::multimap<std::string, std::string> filters; ///< the list's parameters (status_id, sort, ...)
};

struct SaveQueryResult {
    Outcome outcome = Outcome::Ok;
    unsigned queryId = 0;
    std::vector<std::string> errors;
};

class QueryService {
public:
    explicit QueryService(storage::Connection& db) : _db(db) {}

    /// Stores the filters in their canonical form (domain::toQueryString: no page position,
    /// "me" kept as "me"). Forbidden when the actor may not save queries there, or asks for a
    /// public query without domain::canPublishQuery; Invalid for a bad name or filters that
    /// do not parse (the parser's messages) or are too many to store. Throws StorageError.
    SaveQueryResult save(const domain::Actor& actor, const NewQuery& query);

    /// NotFound when there is no such query or the actor may not see it; Forbidden for a
    /// built-in query or another user's one (admins excepted). Throws StorageError.
    Outcome remove(const domain::Actor& actor, unsigned queryId);

    /// The query if the actor may see it (domain::canSeeQuery). Throws StorageError.
    std::optional<storage::SavedQuery> findVisible(const domain::Actor& actor, unsigned queryId);

    /// The queries for the list of `projectId` (with those for all projects), or for the
    /// cross-project list (only those for all projects), that the actor may see; by name.
    std::vector<storage::SavedQuery> visible(const domain::Actor& actor, std::optional<unsigned> projectId);

    /// Every query the actor may see, of any project, by id (the REST API).
    std::vector<storage::SavedQuery> allVisible(const domain::Actor& actor);

private:
    storage::Connection& _db;
};

} // namespace ticketflow::app
