// Shared pieces of the issue pages: visibility, option lists, names of ids.
#include "fcgi/handlers/issue_views.hpp"

#include "core/domain/permissions.hpp"
#include "core/domain/saved_query.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

std::vector<unsigned> statusIdsFor(const domain::IssueQuery& q, const domain::Catalog& catalog) {
    switch (q.statusScope) {
        case domain::StatusScope::Open:
            return catalog.openStatusIds();
        case domain::StatusScope::Closed:
            return catalog.closedStatusIds();
        case domain::StatusScope::All:
            return {};
        case domain::StatusScope::Listed:
            return q.statusIds;
    }
    return {};
}

std::string newIssuesQuery(const domain::Catalog& catalog) {
    return domain::newIssuesFilter(catalog.newStatusIds());
}

storage::Visibility visibilityFor(const domain::Actor& actor, const domain::Catalog& catalog) {
    std::vector<unsigned> projectIds;
    for (const auto& p : catalog.projects) projectIds.push_back(p.id);
    return domain::listScope(actor, projectIds);
}

void addOptions(ctemplate::TemplateDictionary& dict, const std::string& section, const std::vector<Option>& options,
                const std::vector<unsigned>& selected) {
    for (const auto& o : options) {
        auto* row = dict.AddSectionDictionary(section);
        row->SetIntValue("ID", o.id);
        row->SetValue("NAME", o.name);
        const bool on = std::find(selected.begin(), selected.end(), o.id) != selected.end();
        row->SetValue("SELECTED", on ? "selected" : "");
    }
}

std::vector<Option> statusOptions(const domain::Catalog& catalog, const std::vector<unsigned>& ids) {
    std::vector<Option> out;
    for (const auto& s : catalog.statuses) {
        if (ids.empty() || std::find(ids.begin(), ids.end(), s.id) != ids.end()) out.push_back({s.id, s.name});
    }
    return out;
}

std::vector<Option> trackerOptions(const domain::Catalog& catalog, const std::vector<unsigned>& ids) {
    std::vector<Option> out;
    for (const auto& t : catalog.trackers) {
        if (ids.empty() || std::find(ids.begin(), ids.end(), t.id) != ids.end()) out.push_back({t.id, t.name});
    }
    return out;
}

std::vector<Option> priorityOptions(const domain::Catalog& catalog) {
    std::vector<Option> out;
    for (const auto& p : catalog.priorities) out.push_back({p.id, p.name});
    return out;
}

std::vector<Option> milestoneOptions(const domain::Catalog& catalog, unsigned projectId) {
    std::vector<Option> out;
    for (const auto& m : catalog.openMilestones(projectId)) out.push_back({m.id, m.name});
    return out;
}

std::vector<Option> assigneeOptions(const domain::Catalog& catalog, unsigned projectId, unsigned trackerId) {
    std::vector<Option> out;
    for (const auto& u : catalog.assignableUsers(projectId, trackerId)) out.push_back({u.id, u.name});
    return out;
}

std::string personName(const domain::Catalog& catalog, std::optional<unsigned> userId, const std::string& fallback) {
    if (userId) {
        if (const domain::StaffUser* u = catalog.staffUser(*userId)) return u->name;
    }
    return fallback.empty() ? "Anonymous" : fallback;
}

std::optional<unsigned> formId(const http::Request& req, const char* name, const char* label,
                               std::vector<std::string>& errors) {
    const std::string* v = req.formValue(name);
    if (!v || v->empty()) return std::nullopt;
    const auto id = parseId(*v);
    if (!id) errors.push_back(std::string(label) + " is not valid.");
    return id;
}

std::string shortTime(const std::string& datetime) {
    return datetime.size() >= 16 ? datetime.substr(0, 16) : datetime;
}

} // namespace ticketflow::web::handlers
