// A worker thread's copy of the reference data, reloaded when older than a few seconds.
#pragma once
#include "core/domain/catalog.hpp"
#include "core/storage/connection.hpp"

#include <chrono>
#include <cstdint>
#include <memory>

namespace ticketflow::app {

/// Reference data changes rarely (admin edits) but is read by every page; each worker keeps
/// a snapshot for `maxAgeSeconds`, so an admin change shows everywhere within that time.
class CatalogCache {
public:
    explicit CatalogCache(int maxAgeSeconds) : _maxAge(maxAgeSeconds) {}
    /// The snapshot, reloaded through `db` when stale. Throws StorageError.
    const domain::Catalog& get(storage::Connection& db, std::chrono::steady_clock::time_point now);
    void invalidate() { _catalog.reset(); }
    /// After an admin change to the reference data: every cache of this process reloads on its
    /// next get(), so the change shows on the very next page (other processes: within maxAge).
    static void changedEverywhere();

private:
    std::chrono::seconds _maxAge;
    std::unique_ptr<domain::Catalog> _catalog;
    std::chrono::steady_clock::time_point _loadedAt{};
    std::uint64_t _generation = 0;
};

} // namespace ticketflow::app
