// The workflow table for the editor: one tracker and role at a time.
#pragma once
#include "core/domain/workflow.hpp"
#include "core/storage/connection.hpp"

#include <vector>

namespace ticketflow::storage {

/// One row of workflow_transitions (all its columns selected by name).
domain::TransitionRule readTransitionRule(sql::ResultSet& rs);

class WorkflowRepository {
public:
    explicit WorkflowRepository(Connection& db) : _db(db) {}
    std::vector<domain::TransitionRule> rules(unsigned trackerId, unsigned roleId);
    /// Makes the transitions of `trackerId` x `roleId` exactly `rules` (whose tracker and role
    /// must be those). Run inside a transaction. Throws StorageError.
    void replace(unsigned trackerId, unsigned roleId, const std::vector<domain::TransitionRule>& rules);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
