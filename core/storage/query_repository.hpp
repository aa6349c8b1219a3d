// Saved issue queries (the built-in NewIssues query among them).
#pragma once
#include "core/domain/saved_query.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::storage {

struct SavedQuery {
    unsigned id = 0;
    std::optional<unsigned> projectId, userId;
    std::string name, filters; ///< filters: a query string read through the allowlist parser
    bool isPublic = false;
    bool builtin = false; ///< queries.builtin is set ("new_issues")

    domain::SavedQueryRef ref() const { return {projectId, userId, isPublic, builtin}; }
};

class QueryRepository {
public:
    explicit QueryRepository(Connection& db) : _db(db) {}
    std::optional<SavedQuery> find(unsigned id);
    /// The built-in query `builtin` ("new_issues") of a project.
    std::optional<SavedQuery> findBuiltin(unsigned projectId, const std::string& builtin);
    /// The queries `userId` owns and the public ones, by name: of `projectId` and those for
    /// all projects; with no project, only those for all projects. The caller still applies
    /// domain::canSeeQuery (public queries of projects the user cannot see are among them).
    std::vector<SavedQuery> candidates(unsigned userId, std::optional<unsigned> projectId);
    /// Every query `userId` owns and every public one, of all projects (the REST API's list).
    std::vector<SavedQuery> allCandidates(unsigned userId);
    /// Inserts a user's query; returns its id. `builtin` is ignored (always a user's query).
    unsigned create(const SavedQuery& query);
    /// Deletes a query unless it is built in; false when nothing was deleted.
    bool remove(unsigned id);
    /// Sets the filters of every project's built-in query `builtin` (after a status change).
    void setBuiltinFilters(const std::string& builtin, const std::string& filters);

private:
    std::vector<SavedQuery> readAll(sql::PreparedStatement& ps);
    Connection& _db;
};

} // namespace ticketflow::storage
