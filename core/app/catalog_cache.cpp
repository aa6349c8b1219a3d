// A worker thread's copy of the reference data, reloaded when older than a few seconds.
#include "core/app/catalog_cache.hpp"

#include "core/storage/catalog_repository.hpp"

#include <atomic>

namespace ticketflow::app {

namespace {

std::atomic<std::uint64_t> g_generation{0};

} // namespace

void CatalogCache::changedEverywhere() {
    g_generation.fetch_add(1, std::memory_order_release);
}

const domain::Catalog& CatalogCache::get(storage::Connection& db, std::chrono::steady_clock::time_point now) {
    const std::uint64_t generation = g_generation.load(std::memory_order_acquire);
    if (!_catalog || now - _loadedAt >= _maxAge || generation != _generation) {
        _catalog = std::make_unique<domain::Catalog>(storage::CatalogRepository(db).load());
        _loadedAt = now;
        _generation = generation;
    }
    return *_catalog;
}

} // namespace ticketflow::app
