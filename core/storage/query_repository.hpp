// Saved issue queries (the built-in NewIssues query among them).
#pragma once
#include "core/storage/connection.hpp"

#include <optional>
#include <string>

namespace ticketflow::storage {

struct SavedQuery {
    unsigned id = 0;
    std::optional<unsigned> projectId, userId;
    std::string name, filters; ///< filters: a query string read through the allowlist parser
    bool isPublic = false;
};

class QueryRepository {
public:
    explicit QueryRepository(Connection& db) : _db(db) {}
    std::optional<SavedQuery> find(unsigned id);
    /// The built-in query `builtin` ("new_issues") of a project.
    std::optional<SavedQuery> findBuiltin(unsigned projectId, const std::string& builtin);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
