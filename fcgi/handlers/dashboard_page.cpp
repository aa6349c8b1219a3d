// /: New issues per project (from the counts table), with links into the lists.
#include "fcgi/handlers/handlers.hpp"

#include "core/domain/permissions.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/handlers/issue_views.hpp"

#include <map>

namespace ticketflow::web::handlers {

void dashboard(RequestContext& ctx) {
    const auto& actor = ctx.actor();
    ctemplate::TemplateDictionary dict("dashboard");
    storage::IssueRepository issues(ctx.db);
    std::map<unsigned, long> newCounts, openCounts;
    for (const auto& c : issues.countsByProjectAndStatus()) {
        const domain::Status* status = ctx.catalog.status(c.statusId);
        if (!status) continue;
        if (status->isNew) newCounts[c.projectId] += c.n;
        if (!status->closed) openCounts[c.projectId] += c.n;
    }

    bool any = false;
    for (const auto& p : ctx.catalog.projects) {
        if (!actor.allowedTo(domain::Permission::ViewIssues, p.id)) continue;
        any = true;
        auto* row = dict.AddSectionDictionary("PROJECT");
        row->SetValue("IDENTIFIER", p.identifier);
        row->SetValue("NAME", p.name);
        row->SetIntValue("NEW_COUNT", newCounts[p.id]);
        row->SetIntValue("OPEN_COUNT", openCounts[p.id]);
        const auto query = ctx.catalog.newIssuesQueryIds.find(p.id);
        const std::string filter = query != ctx.catalog.newIssuesQueryIds.end()
                                       ? "query_id=" + std::to_string(query->second)
                                       : newIssuesQuery(ctx.catalog);
        row->SetValue("NEW_URL", "/projects/" + p.identifier + "/issues?" + filter);
        if (newCounts[p.id] > 0) row->ShowSection("HAS_NEW");
        if (actor.allowedTo(domain::Permission::AddIssues, p.id)) row->ShowSection("CAN_ADD");
    }
    if (!actor.staff && actor.customerId) {
        dict.ShowSection("CUSTOMER");
    } else if (!any) {
        dict.ShowSection("NO_PROJECTS");
    }
    if (any) dict.ShowSection("HAS_PROJECTS");
    ctx.renderPage("dashboard.tpl", dict, "My page");
}

} // namespace ticketflow::web::handlers
