// Use case: full-text search over the issues an actor may see (subject, description, notes).
#pragma once
#include "core/domain/actor.hpp"
#include "core/domain/catalog.hpp"
#include "core/domain/search_terms.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/search_repository.hpp"

#include <optional>
#include <string_view>

namespace ticketflow::app {

constexpr unsigned kSearchPageLimit = 100;

struct SearchResult {
    domain::SearchTerms terms; ///< terms.ok() false: nothing was searched (terms.error says why)
    storage::SearchPage page;
};

/// Searches `text` (domain::parseSearchTerms: every word required) in the issues the actor may
/// list (domain::listScope: customers only their own), in `projectId` or in all projects.
/// Private notes make an issue match only where the actor may view private notes.
/// Newest issues first, at most `limit`; a search past storage::kSearchTimeLimitSeconds stops
/// with the newest matches it found (SearchPage::timedOut). Throws StorageError.
SearchResult searchIssues(storage::Connection& db, const domain::Catalog& catalog, const domain::Actor& actor,
                          std::string_view text, std::optional<unsigned> projectId, unsigned limit);

} // namespace ticketflow::app
