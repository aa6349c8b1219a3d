// A journal detail as people read it.
#include "core/domain/journal_names.hpp"

#include "core/domain/text.hpp"
#include "core/domain/triage.hpp"

namespace ticketflow::domain {

namespace {

std::string attrName(const Catalog& catalog, const std::string& key, const std::string& value) {
    const auto id = parseId(value);
    if (!id) return value;
    if (key == "status_id") return catalog.statusName(*id);
    if (key == "priority_id") return catalog.priorityName(*id);
    if (key == "tracker_id") return catalog.trackerName(*id);
    if (key == "fixed_version_id") return catalog.milestoneName(*id);
    if (key == "assigned_to_id") {
        const std::string name = catalog.userName(*id);
        return name.empty() ? "#" + value : name;
    }
    return value;
}

std::optional<std::string> valueName(const Catalog& catalog, const JournalDetail& d,
                                     const std::optional<std::string>& value) {
    if (!value) return std::nullopt;
    if (d.property == "relation") return "#" + *value;
    if (d.property == "checklist") return describeChecklist(*value);
    return attrName(catalog, d.key, *value);
}

} // namespace

DetailText namedDetail(const Catalog& catalog, const JournalDetail& d) {
    return {d.property, d.key, valueName(catalog, d, d.oldValue), valueName(catalog, d, d.value)};
}

bool staffOnlyDetail(const JournalDetail& d) { return d.property == "relation" || d.property == "checklist"; }

} // namespace ticketflow::domain
