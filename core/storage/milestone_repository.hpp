// Milestones in MariaDB: the rows, and counts of their issues for the roadmap and load pages.
#pragma once
#include "core/domain/issue_access.hpp"
#include "core/domain/milestone.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::storage {

struct MilestoneRow {
    unsigned id = 0, projectId = 0;
    domain::MilestoneFields fields; ///< dueDate "" when none
};

/// Issues of one milestone with one status.
struct MilestoneCount {
    unsigned milestoneId = 0, statusId = 0;
    long n = 0;
};

/// Reads always see the database, not a worker's catalog snapshot, so a change shows at once.
class MilestoneRepository {
public:
    explicit MilestoneRepository(Connection& db) : _db(db) {}

    std::optional<MilestoneRow> find(unsigned id);
    /// A project's milestones: dated ones by due date, then undated ones, each by name.
    std::vector<MilestoneRow> ofProject(unsigned projectId);
    /// Whether another milestone of the project has this name (the unique key's collation:
    /// case and trailing spaces do not tell names apart).
    bool nameTaken(unsigned projectId, const std::string& name, unsigned exceptId = 0);
    /// Throws StorageError (duplicateKey() when a concurrent insert took the name).
    unsigned insert(unsigned projectId, const domain::MilestoneFields& fields);
    /// The caller checks that the milestone exists (in its transaction). Throws as insert.
    void update(unsigned id, const domain::MilestoneFields& fields);
    /// Deletes it if no issue uses it, in one statement; false otherwise (or when gone).
    bool removeUnused(unsigned id);
    /// Every issue of the milestone, whoever may see it (deleting must not orphan any).
    long issueCount(unsigned id);

    /// Counts per (milestone, status) of the issues `scope` lets the reader list; one
    /// milestone or, with `milestoneId` 0, every milestone of `projectId`. A project outside
    /// scope.projectIds yields nothing.
    std::vector<MilestoneCount> countsByStatus(unsigned projectId, unsigned milestoneId,
                                               const domain::ListScope& scope);
    /// Counts per (assignee, status) of one milestone's issues, scoped as countsByStatus.
    struct AssigneeCount {
        std::optional<unsigned> assigneeId;
        unsigned statusId = 0;
        long n = 0;
    };
    std::vector<AssigneeCount> countsByAssignee(unsigned projectId, unsigned milestoneId,
                                                const domain::ListScope& scope);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
