// Commits reported by version-control hooks (changesets) and the issues each acted on.
#pragma once
#include "core/domain/changeset.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::storage {

struct StoredChangeset {
    unsigned id = 0;
    std::string author, message;
    std::optional<unsigned> userId; ///< the account the author was mapped to when first recorded
};

class ChangesetRepository {
public:
    explicit ChangesetRepository(Connection& db) : _db(db) {}

    std::optional<StoredChangeset> find(const std::string& repository, const std::string& revision);
    /// Records a commit; returns its id. Throws StorageError, duplicateKey() when the revision
    /// of that repository is recorded already (by a hook running at the same time).
    unsigned insert(const domain::Changeset& changeset, std::optional<unsigned> userId);
    /// Ids of the issues the changeset has acted on, ascending.
    std::vector<unsigned> issuesOf(unsigned changesetId);
    /// Notes that the changeset acted on the issue with `journalId`. Call inside the
    /// transaction of that journal. Throws StorageError, duplicateKey() when it did so before.
    void recordIssue(unsigned changesetId, unsigned issueId, domain::CommitAction action,
                     std::optional<unsigned> journalId);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
