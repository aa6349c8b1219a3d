// A worker thread's copy of the reference data, reloaded when older than a few seconds.
#include "core/app/catalog_cache.hpp"

#include "core/storage/catalog_repository.hpp"

namespace ticketflow::app {

const domain::Catalog& CatalogCache::get(storage::Connection& db, std::chrono::steady_clock::time_point now) {
    if (!_catalog || now - _loadedAt >= _maxAge) {
        _catalog = std::make_unique<domain::Catalog>(storage::CatalogRepository(db).load());
        _loadedAt = now;
    }
    return *_catalog;
}

} // namespace ticketflow::app
