// Loads the reference data (projects, trackers, statuses, workflow, members) in one go.
#pragma once
#include "core/domain/catalog.hpp"
#include "core/storage/connection.hpp"

namespace ticketflow::storage {

class CatalogRepository {
public:
    explicit CatalogRepository(Connection& db) : _db(db) {}
    /// A consistent snapshot (one read-only transaction). Throws StorageError.
    domain::Catalog load();

private:
    Connection& _db;
};

} // namespace ticketflow::storage
