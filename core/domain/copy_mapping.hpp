// Copy to Internal (DESIGN §2): which tracker a copied issue gets in the target project.
#pragma once
#include "core/domain/catalog.hpp"

#include <optional>

namespace ticketflow::domain {

/// The suggested tracker in `targetProjectId` for an issue of `sourceTrackerId`: Support ->
/// Bug, FeatureRequests -> Feature (by name, so an admin's own trackers map by renaming),
/// a tracker of the same name, else the target project's first tracker. nullopt when the
/// target project has no trackers or does not exist.
std::optional<unsigned> suggestedCopyTracker(const Catalog& catalog, unsigned sourceTrackerId,
                                             unsigned targetProjectId);

} // namespace ticketflow::domain
