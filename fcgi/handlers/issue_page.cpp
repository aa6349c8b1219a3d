// /issues/:id: the issue, its history, and the edit form offering only allowed transitions.
#include "fcgi/handlers/handlers.hpp"

#include "core/domain/issue_access.hpp"
#include "core/domain/journal_names.hpp"
#include "core/domain/permissions.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/handlers/attachment_views.hpp"
#include "core/domain/triage.hpp"
#include "fcgi/handlers/issue_form.hpp"
#include "fcgi/handlers/issue_links.hpp"
#include "fcgi/handlers/issue_watchers.hpp"
#include "fcgi/handlers/issue_views.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

void addHistory(ctemplate::TemplateDictionary& dict, const std::vector<domain::Journal>& journals,
                const domain::Catalog& catalog, bool staff, std::optional<unsigned> conflictSince) {
    int n = 0;
    for (const auto& j : journals) {
        const bool visible = !j.notes.empty() || std::any_of(j.details.begin(), j.details.end(), [&](const auto& d) {
                                 return staff || !domain::staffOnlyDetail(d);
                             });
        ++n; // numbering stays the same for every reader, so "#3" links agree
        if (!visible) continue;
        auto* jd = dict.AddSectionDictionary("JOURNAL");
        jd->SetIntValue("INDEX", n);
        jd->SetIntValue("JOURNAL_ID", j.id);
        jd->SetValue("AUTHOR", personName(catalog, j.userId, j.userName));
        jd->SetValue("CREATED", shortTime(j.createdAt));
        // After a conflict, what the others changed is repeated above the form.
        ctemplate::TemplateDictionary* meanwhile = nullptr;
        if (conflictSince && j.id > *conflictSince) {
            jd->ShowSection("MEANWHILE");
            meanwhile = dict.AddSectionDictionary("CHANGED_MEANWHILE");
            meanwhile->SetValue("AUTHOR", personName(catalog, j.userId, j.userName));
            meanwhile->SetValue("CREATED", shortTime(j.createdAt));
            if (!j.notes.empty()) meanwhile->SetValueAndShowSection("NOTES", j.notes, "HAS_NOTES");
        }
        for (const auto& d : j.details) {
            if (!staff && domain::staffOnlyDetail(d)) continue;
            const domain::DetailText text = domain::namedDetail(catalog, d);
            jd->SetValueAndShowSection("TEXT", domain::describeDetail(text), "DETAIL");
            if (meanwhile) meanwhile->SetValueAndShowSection("TEXT", domain::describeDetail(text), "DETAIL");
        }
        if (!j.notes.empty()) jd->SetValueAndShowSection("NOTES", j.notes, "HAS_NOTES");
        if (j.privateNotes) jd->ShowSection("PRIVATE");
    }
    if (journals.empty()) dict.ShowSection("NO_HISTORY");
}

} // namespace

void renderIssuePage(RequestContext& ctx, const domain::Issue& issue, const FormState& form,
                     const std::vector<std::string>& errors, int status) {
    // One read for the issue as it is now, its history and what the page shows beside it.
    auto found = storage::IssueRepository(ctx.db).findWithHistory(issue.id);
    if (!found) return ctx.renderError(404, "The issue you were looking for doesn't exist or you may not see it.");
    renderIssuePage(ctx, found->issue, std::move(found->journals), form, errors, status);
}

void renderIssuePage(RequestContext& ctx, const domain::Issue& issue, std::vector<domain::Journal> journals,
                     const FormState& form, const std::vector<std::string>& errors, int status) {
    const auto& actor = ctx.actor();
    const auto& catalog = ctx.catalog;
    const domain::Project* project = catalog.project(issue.projectId);
    ctemplate::TemplateDictionary dict("issue");
    dict.SetIntValue("ID", issue.id);
    dict.SetValue("TRACKER", catalog.trackerName(issue.trackerId));
    dict.SetValue("SUBJECT", issue.subject);
    dict.SetValue("PROJECT_NAME", project ? project->name : "");
    dict.SetValue("PROJECT_IDENTIFIER", project ? project->identifier : "");
    dict.SetValue("STATUS", catalog.statusName(issue.statusId));
    dict.SetValue("PRIORITY", catalog.priorityName(issue.priorityId));
    dict.SetValue("ASSIGNEE", issue.assigneeId ? personName(catalog, issue.assigneeId, "") : "-");
    dict.SetValue("MILESTONE", issue.milestoneId ? catalog.milestoneName(*issue.milestoneId) : "-");
    // Issues from customers (mail, secret link, customer logins) have the customer as author.
    dict.SetValue("AUTHOR", personName(catalog, issue.authorId, issue.customerName));
    dict.SetValue("CREATED", shortTime(issue.createdAt));
    dict.SetValue("UPDATED", shortTime(issue.updatedAt));
    dict.SetValue("SOURCE", issue.source);
    if (issue.closedAt) dict.SetValue("CLOSED", shortTime(*issue.closedAt));
    if (!issue.description.empty()) dict.SetValueAndShowSection("DESCRIPTION", issue.description, "HAS_DESCRIPTION");
    if (actor.staff && issue.customerId) {
        auto* c = dict.AddSectionDictionary("CUSTOMER");
        c->SetValue("CUSTOMER_NAME", issue.customerName);
        c->SetValue("CUSTOMER_EMAIL", issue.customerEmail);
    }
    // What the customer asked for is shown to support and never applied.
    if (actor.staff && (issue.hintPriorityId || issue.hintAssigneeId)) {
        auto* h = dict.AddSectionDictionary("HINTS");
        if (issue.hintPriorityId) h->SetValueAndShowSection("HINT_PRIORITY", catalog.priorityName(*issue.hintPriorityId), "HAS_HINT_PRIORITY");
        if (issue.hintAssigneeId) h->SetValueAndShowSection("HINT_ASSIGNEE", personName(catalog, issue.hintAssigneeId, ""), "HAS_HINT_ASSIGNEE");
    }
    if (actor.staff && !issue.triageChecklist.empty()) {
        dict.SetValueAndShowSection("CHECKLIST", domain::describeChecklist(issue.triageChecklist), "HAS_CHECKLIST");
    }
    if (catalog.status(issue.statusId) && catalog.status(issue.statusId)->closed) dict.ShowSection("IS_CLOSED");
    for (const auto& e : errors) dict.SetValueAndShowSection("MESSAGE", e, "ERROR");

    if (!domain::canViewPrivateNotes(actor, issue.projectId)) {
        std::erase_if(journals, [](const domain::Journal& j) { return j.privateNotes; });
    }
    addHistory(dict, journals, catalog, actor.staff, form.conflictSince);
    unsigned newestJournal = 0;
    for (const auto& j : journals) newestJournal = std::max(newestJournal, j.id);
    dict.SetIntValue("SEEN_JOURNAL_ID", newestJournal);
    addIssueLinks(dict, ctx, issue);
    addSecretLinkForm(dict, ctx, issue);
    addWatchers(dict, ctx, issue);
    addAttachments(dict, ctx, issue);
    addEditForm(dict, ctx, issue, form);
    ctx.renderPage("issue.tpl", dict,
                   catalog.trackerName(issue.trackerId) + " #" + std::to_string(issue.id) + ": " + issue.subject,
                   status);
}

void issueShow(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    auto found = id ? storage::IssueRepository(ctx.db).findWithHistory(*id) : std::nullopt;
    // Issues the actor may not see answer 404 like missing ones: their existence is not told.
    if (!found || !domain::canViewIssue(ctx.actor(), found->issue.ref())) {
        return ctx.renderError(404, "The issue you were looking for doesn't exist or you may not see it.");
    }
    renderIssuePage(ctx, found->issue, std::move(found->journals), FormState::from(found->issue), {}, 200);
}

} // namespace ticketflow::web::handlers
