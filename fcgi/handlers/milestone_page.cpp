// /versions/:id: a milestone with the issues the reader may list, its progress and its load
// (open issues by status and by assignee), overdue when past due with open issues left.
#include "fcgi/handlers/milestone_handlers.hpp"

#include "core/app/milestone_service.hpp"
#include "core/domain/milestone.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/handlers/issue_views.hpp"

namespace ticketflow::web::handlers {

namespace {

void addLoadRow(ctemplate::TemplateDictionary& dict, const char* section, const std::string& name,
                const app::OpenClosed& counts, long maxOpen) {
    auto* row = dict.AddSectionDictionary(section);
    row->SetValue("NAME", name);
    row->SetIntValue("OPEN", counts.open);
    row->SetIntValue("CLOSED", counts.closed);
    row->SetIntValue("TOTAL", counts.total());
    row->SetIntValue("BAR", domain::barPercent(counts.open, maxOpen));
}

void addLoad(ctemplate::TemplateDictionary& dict, const app::MilestoneLoad& load, const domain::Catalog& catalog) {
    long maxOpen = 0;
    for (const auto& [id, counts] : load.byAssignee) maxOpen = std::max(maxOpen, counts.open);
    for (const auto& [id, counts] : load.byStatus) maxOpen = std::max(maxOpen, counts.open);
    for (const auto& [id, counts] : load.byStatus) {
        const domain::Status* status = catalog.status(id);
        addLoadRow(dict, "BY_STATUS", catalog.statusName(id), counts, status && status->closed ? 0 : maxOpen);
    }
    for (const auto& [id, counts] : load.byAssignee)
        addLoadRow(dict, "BY_ASSIGNEE", id ? personName(catalog, *id, "") : "(unassigned)", counts, maxOpen);
}

void addIssues(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const storage::MilestoneRow& m,
               const domain::ListScope& scope) {
    domain::IssueQuery q;
    q.projectId = m.projectId;
    q.milestoneIds = {m.id};
    q.statusScope = domain::StatusScope::All;
    q.limit = domain::kMaxIssueLimit;
    const auto page = storage::IssueRepository(ctx.db).list(q, statusIdsFor(q, ctx.catalog), scope);
    for (const auto& issue : page.rows) {
        auto* row = dict.AddSectionDictionary("ISSUE");
        row->SetIntValue("ID", issue.id);
        row->SetValue("TRACKER", ctx.catalog.trackerName(issue.trackerId));
        row->SetValue("STATUS", ctx.catalog.statusName(issue.statusId));
        row->SetValue("SUBJECT", issue.subject);
        row->SetValue("ASSIGNEE", issue.assigneeId ? personName(ctx.catalog, issue.assigneeId, "") : "");
        const domain::Status* status = ctx.catalog.status(issue.statusId);
        if (status && status->closed) row->ShowSection("CLOSED_ISSUE");
    }
    if (page.rows.empty()) dict.ShowSection("NO_ISSUES");
    if (page.hasNext) dict.ShowSection("MORE_ISSUES");
}

} // namespace

void milestoneShow(RequestContext& ctx) {
    const auto milestone = routeMilestone(ctx);
    if (!milestone) return;
    const domain::Project* project = ctx.catalog.project(milestone->projectId);
    if (!project) return ctx.renderError(404, "No such milestone.");
    const auto scope = visibilityFor(ctx.actor(), ctx.catalog);
    const auto load = app::MilestoneService(ctx.db, ctx.catalog).load(*milestone, scope);
    const auto& f = milestone->fields;

    ctemplate::TemplateDictionary dict("milestone");
    dict.SetIntValue("ID", milestone->id);
    dict.SetValue("PROJECT_IDENTIFIER", project->identifier);
    dict.SetValue("PROJECT_NAME", project->name);
    dict.SetValue("NAME", f.name);
    dict.SetValue("STATUS", f.status);
    if (!f.description.empty()) dict.SetValueAndShowSection("DESCRIPTION", f.description, "HAS_DESCRIPTION");
    dict.SetValue("DUE_DATE", f.dueDate.empty() ? "none" : f.dueDate);
    if (domain::isOverdue(f.dueDate, todayUtc(), load.all.open)) dict.ShowSection("OVERDUE");
    dict.SetIntValue("OPEN", load.all.open);
    dict.SetIntValue("CLOSED", load.all.closed);
    dict.SetIntValue("TOTAL", load.all.total());
    dict.SetIntValue("PERCENT", domain::percentDone(load.all.open, load.all.closed));
    dict.SetValue("ALL_ISSUES_URL", "/projects/" + project->identifier +
                                        "/issues?status_id=*&fixed_version_id=" + std::to_string(milestone->id));
    if (domain::canManageMilestones(ctx.actor(), project->id)) dict.ShowSection("CAN_MANAGE");
    addLoad(dict, load, ctx.catalog);
    if (load.all.total() == 0)
        dict.ShowSection("NO_LOAD");
    else
        dict.ShowSection("HAS_LOAD");
    addIssues(dict, ctx, *milestone, scope);
    ctx.renderPage("milestone.tpl", dict, f.name + " · " + project->name);
}

} // namespace ticketflow::web::handlers
