// Issue relations in MariaDB (issue_relations), stored in their canonical direction.
#pragma once
#include "core/domain/relation.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <vector>

namespace ticketflow::storage {

class RelationRepository {
public:
    explicit RelationRepository(Connection& db) : _db(db) {}
    /// Relations where the issue is on either side, oldest first.
    std::vector<domain::Relation> forIssue(unsigned issueId);
    std::optional<domain::Relation> find(unsigned id);
    /// A relation of this type between the two issues, in either direction.
    bool exists(const domain::Relation& relation);
    /// Call inside a Transaction. Returns the new id.
    unsigned insert(const domain::Relation& relation);
    bool remove(unsigned id);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
