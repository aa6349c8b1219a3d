// Use case: full-text search over the issues an actor may see (subject, description, notes).
#include "core/app/issue_search.hpp"

#include "core/domain/issue_access.hpp"

#include <algorithm>

namespace ticketflow::app {

SearchResult searchIssues(storage::Connection& db, const domain::Catalog& catalog, const domain::Actor& actor,
                          std::string_view text, std::optional<unsigned> projectId, unsigned limit) {
    SearchResult result;
    result.terms = domain::parseSearchTerms(text);
    if (!result.terms.ok()) return result;
    std::vector<unsigned> projectIds;
    for (const auto& p : catalog.projects)
        if (!projectId || p.id == *projectId) projectIds.push_back(p.id);
    const domain::ListScope scope = domain::listScope(actor, projectIds);
    std::vector<unsigned> privateNoteProjects;
    for (unsigned id : scope.projectIds)
        if (domain::canViewPrivateNotes(actor, id)) privateNoteProjects.push_back(id);
    result.page = storage::SearchRepository(db).search(result.terms.words, scope, privateNoteProjects, limit);
    return result;
}

} // namespace ticketflow::app
