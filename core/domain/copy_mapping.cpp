// Copy to Internal: the default tracker mapping.
#include "core/domain/copy_mapping.hpp"

#include <array>
#include <utility>

namespace ticketflow::domain {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kDefaultMapping{{
    {"Support", "Bug"},
    {"FeatureRequests", "Feature"},
}};

std::optional<unsigned> trackerNamed(const Catalog& catalog, const Project& project, std::string_view name) {
    for (unsigned id : project.trackerIds) {
        if (catalog.trackerName(id) == name) return id;
    }
    return std::nullopt;
}

} // namespace

std::optional<unsigned> suggestedCopyTracker(const Catalog& catalog, unsigned sourceTrackerId,
                                             unsigned targetProjectId) {
    const Project* target = catalog.project(targetProjectId);
    if (!target || target->trackerIds.empty()) return std::nullopt;
    const std::string source = catalog.trackerName(sourceTrackerId);
    for (const auto& [from, to] : kDefaultMapping) {
        if (source == from) {
            if (auto id = trackerNamed(catalog, *target, to)) return id;
        }
    }
    if (auto id = trackerNamed(catalog, *target, source)) return id;
    return target->trackerIds.front();
}

} // namespace ticketflow::domain
