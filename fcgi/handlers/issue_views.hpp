// Shared pieces of the issue pages: visibility, option lists, names of ids.
#pragma once
#include "core/domain/catalog.hpp"
#include "core/domain/issue.hpp"
#include "core/domain/issue_query.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/request_context.hpp"

#include <ctemplate/template.h>
#include <optional>
#include <string>
#include <vector>

namespace ticketflow::web::handlers {

/// Query string of the built-in NewIssues list ("status_id=1").
std::string newIssuesQuery(const domain::Catalog& catalog);

/// Which issues the actor may list (domain::listScope over the catalog's projects).
storage::Visibility visibilityFor(const domain::Actor& actor, const domain::Catalog& catalog);

/// The status ids a query's status scope stands for (open/closed from the catalog; empty = any).
std::vector<unsigned> statusIdsFor(const domain::IssueQuery& q, const domain::Catalog& catalog);
/// Adds one `section` row per option with ID, NAME and SELECTED ("selected" or "").
struct Option {
    unsigned id = 0;
    std::string name;
};
void addOptions(ctemplate::TemplateDictionary& dict, const std::string& section, const std::vector<Option>& options,
                const std::vector<unsigned>& selected);

std::vector<Option> statusOptions(const domain::Catalog& catalog, const std::vector<unsigned>& ids);
std::vector<Option> trackerOptions(const domain::Catalog& catalog, const std::vector<unsigned>& ids);
std::vector<Option> priorityOptions(const domain::Catalog& catalog);
std::vector<Option> milestoneOptions(const domain::Catalog& catalog, unsigned projectId);
std::vector<Option> assigneeOptions(const domain::Catalog& catalog, unsigned projectId, unsigned trackerId);

/// Display name of a person: a staff user's name from the catalog, else `fallback` (a
/// customer's name), else "Anonymous".
std::string personName(const domain::Catalog& catalog, std::optional<unsigned> userId, const std::string& fallback);

/// A posted id field: absent or empty -> nullopt; anything but an id adds "LABEL is not valid."
std::optional<unsigned> formId(const http::Request& req, const char* name, const char* label,
                               std::vector<std::string>& errors);

/// "2026-11-26 19:41" from a DATETIME string.
std::string shortTime(const std::string& datetime);

} // namespace ticketflow::web::handlers
