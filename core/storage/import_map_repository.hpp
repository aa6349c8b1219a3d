// The import's memory (import_sources, import_map, import_pending_details; sql/013): which
// Redmine record became which ticketflow row, and history waiting for an issue to arrive.
#pragma once
#include "core/storage/connection.hpp"

#include <string>
#include <vector>

namespace ticketflow::storage {

struct ImportMapRow {
    std::string kind;
    unsigned remoteId = 0, scope = 0, localId = 0;
    bool created = true;
    std::string digest;
};

/// Every write throws StorageError; run the writes of one record in the caller's transaction.
class ImportMapRepository {
public:
    explicit ImportMapRepository(Connection& db) : _db(db) {}

    /// The id of the source named `url`, made on first use (its own statement, no transaction
    /// needed: a unique key keeps two runs from making two).
    unsigned sourceId(const std::string& url);
    /// Every mapping of the source (a few rows per issue: read once per run).
    std::vector<ImportMapRow> all(unsigned sourceId);
    /// Records or replaces the mapping of (kind, remoteId, scope).
    void put(unsigned sourceId, const ImportMapRow& row);

    /// Notes that journal detail `detailId` waits for Redmine issue `remoteIssueId` (its old
    /// or new value).
    void addPending(unsigned sourceId, unsigned detailId, bool oldValue, unsigned remoteIssueId);
    /// Fills in the details waiting for `remoteIssueId` with `localIssueId` and forgets them.
    void resolvePending(unsigned sourceId, unsigned remoteIssueId, unsigned localIssueId);
    /// How many details still wait (issues never imported: deleted, or in projects left out).
    unsigned pendingCount(unsigned sourceId);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
