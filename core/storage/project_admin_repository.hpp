// Writes and reads of projects for the administration pages (the catalog reads them for
// everyone else).
#pragma once
#include "core/domain/reference_data_rules.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <vector>

namespace ticketflow::storage {

struct ProjectRecord {
    unsigned id = 0;
    domain::ProjectFields fields;
};

class ProjectAdminRepository {
public:
    explicit ProjectAdminRepository(Connection& db) : _db(db) {}

    std::vector<ProjectRecord> list();
    std::optional<ProjectRecord> find(unsigned id);
    /// Inserts the project with its trackers, its built-in NewIssues query (`newIssuesFilter`,
    /// e.g. "status_id=1") and zero issue counts. Run inside a transaction. Throws StorageError
    /// (duplicateKey() for a taken identifier).
    unsigned create(const domain::ProjectFields& fields, const std::string& newIssuesFilter);
    /// Updates everything but the identifier and makes the tracker list exactly fields.trackerIds.
    /// Run inside a transaction.
    void update(unsigned id, const domain::ProjectFields& fields);
    /// Trackers of the project that still have issues in it (they cannot be taken away).
    std::vector<unsigned> trackersWithIssues(unsigned projectId);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
