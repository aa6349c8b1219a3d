// Related issues and Copy to on the issue page, and the posts that change them.
#include "fcgi/handlers/issue_links.hpp"

#include "core/app/copy_service.hpp"
#include "core/app/relation_service.hpp"
#include "core/domain/copy_mapping.hpp"
#include "core/domain/issue_access.hpp"
#include "core/domain/journal_text.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/relation_repository.hpp"
#include "fcgi/handlers/handlers.hpp"
#include "fcgi/outcome_status.hpp"
#include "fcgi/handlers/issue_form.hpp"

namespace ticketflow::web::handlers {

namespace {

const char* const kNoIssue = "The issue you were looking for doesn't exist or you may not see it.";

/// "Close with release note" (DESIGN §2): once the internal copy is fixed, support closes the
/// issue with a public note naming the release, which mails the customer. The form posts to
/// the ordinary edit (POST /issues/:id), so the workflow decides as for any other close.
void addReleaseNoteForm(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue,
                        const std::string& release) {
    const domain::Status* current = ctx.catalog.status(issue.statusId);
    if (!current || current->closed) return;
    for (const unsigned target : ctx.catalog.workflow.allowedTargets(ctx.actor(), issue.ref())) {
        const domain::Status* status = ctx.catalog.status(target);
        if (!status || !status->closed || status->name == "Rejected") continue;
        auto* form = dict.AddSectionDictionary("RELEASE_NOTE");
        form->SetIntValue("ID", issue.id);
        form->SetIntValue("STATUS_ID", status->id);
        form->SetIntValue("LOCK_VERSION", issue.lockVersion);
        form->SetValue("CSRF_TOKEN", ctx.csrfToken());
        form->SetValue("NOTE", "The fix is in release " + release +
                                   ". Please update to it; if the problem is still there, just reply to this mail.");
        return;
    }
}

void addRelations(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue) {
    if (issue.relationCount == 0) return;
    const auto& catalog = ctx.catalog;
    const bool canEdit = ctx.actor().allowedTo(domain::Permission::EditIssues, issue.projectId);
    storage::IssueRepository issues(ctx.db);
    ctemplate::TemplateDictionary* list = nullptr;
    std::string release; // the newest milestone a closed copy was fixed in: offered for the release note
    for (const auto& r : storage::RelationRepository(ctx.db).forIssue(issue.id)) {
        const auto other = issues.find(domain::otherIssue(r, issue.id));
        if (!other || !domain::canViewIssue(ctx.actor(), other->ref())) continue;
        if (!list) list = dict.AddSectionDictionary("RELATIONS");
        auto* row = list->AddSectionDictionary("RELATION");
        const std::string type = domain::relationTypeFrom(r, issue.id);
        row->SetIntValue("RELATION_ID", r.id);
        row->SetValue("LABEL", std::string(domain::relationLabel(type)));
        row->SetIntValue("OTHER_ID", other->id);
        row->SetValue("OTHER_TRACKER", catalog.trackerName(other->trackerId));
        row->SetValue("OTHER_SUBJECT", other->subject);
        row->SetValue("OTHER_STATUS", catalog.statusName(other->statusId));
        const std::string milestone = other->milestoneId ? catalog.milestoneName(*other->milestoneId) : "";
        if (!milestone.empty()) row->SetValueAndShowSection("OTHER_MILESTONE", milestone, "HAS_MILESTONE");
        // Closing the loop (DESIGN §2): support sees that its copy is done, and in which release.
        const domain::Status* status = catalog.status(other->statusId);
        if (type == "copied_to" && status && status->closed) {
            const domain::Project* project = catalog.project(other->projectId);
            std::string text = (project ? project->name : std::string("Internal")) + " #" + std::to_string(other->id) +
                               " " + (status->name == "Rejected" ? "rejected" : "fixed");
            if (!milestone.empty() && status->name != "Rejected") text += " in " + milestone;
            row->SetValueAndShowSection("OUTCOME", text, "HAS_OUTCOME");
            if (status->name != "Rejected") release = milestone.empty() ? std::string("the next release") : milestone;
        }
        if (canEdit) {
            auto* remove = row->AddSectionDictionary("CAN_REMOVE");
            remove->SetValue("CSRF_TOKEN", ctx.csrfToken());
        }
    }
    if (!release.empty()) addReleaseNoteForm(dict, ctx, issue, release);
}

void addRelationForm(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue) {
    if (!ctx.actor().allowedTo(domain::Permission::EditIssues, issue.projectId)) return;
    auto* form = dict.AddSectionDictionary("ADD_RELATION");
    form->SetIntValue("ID", issue.id);
    form->SetValue("CSRF_TOKEN", ctx.csrfToken());
    for (const auto& type : domain::relationTypes()) {
        auto* option = form->AddSectionDictionary("TYPE_OPTION");
        option->SetValue("VALUE", type);
        option->SetValue("NAME", std::string(domain::relationLabel(type)));
    }
}

void addCopyForm(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue) {
    const auto& actor = ctx.actor();
    if (!actor.allowedTo(domain::Permission::CopyIssues, issue.projectId)) return;
    ctemplate::TemplateDictionary* form = nullptr;
    bool selected = false;
    for (const auto& p : ctx.catalog.projects) {
        if (p.id == issue.projectId || !actor.allowedTo(domain::Permission::AddIssues, p.id)) continue;
        if (!form) {
            form = dict.AddSectionDictionary("COPY_FORM");
            form->SetIntValue("ID", issue.id);
            form->SetValue("CSRF_TOKEN", ctx.csrfToken());
        }
        const auto suggested = domain::suggestedCopyTracker(ctx.catalog, issue.trackerId, p.id);
        for (unsigned trackerId : p.trackerIds) {
            auto* option = form->AddSectionDictionary("TARGET_OPTION");
            option->SetValue("VALUE", std::to_string(p.id) + ":" + std::to_string(trackerId));
            option->SetValue("NAME", p.name + " / " + ctx.catalog.trackerName(trackerId));
            const bool pick = !selected && suggested == trackerId;
            option->SetValue("SELECTED", pick ? "selected" : "");
            selected = selected || pick;
        }
    }
}

/// The issue of the URL if the actor may see it; answers 404 otherwise.
std::optional<domain::Issue> visibleIssue(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    auto issue = id ? storage::IssueRepository(ctx.db).find(*id) : std::nullopt;
    if (!issue || !domain::canViewIssue(ctx.actor(), issue->ref())) {
        ctx.renderError(404, kNoIssue);
        return std::nullopt;
    }
    return issue;
}

/// "12" or "#12".
std::optional<unsigned> issueNumber(const std::string* text) {
    if (!text) return std::nullopt;
    std::string_view v = domain::trim(*text);
    if (!v.empty() && v.front() == '#') v.remove_prefix(1);
    return parseId(std::string(v));
}

} // namespace

void addIssueLinks(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue) {
    addRelations(dict, ctx, issue);
    addRelationForm(dict, ctx, issue);
    addCopyForm(dict, ctx, issue);
}

void issueCopy(RequestContext& ctx) {
    const auto issue = visibleIssue(ctx);
    if (!issue) return;
    const std::string target = ctx.req.param("target");
    const auto colon = target.find(':');
    const auto projectId = colon == std::string::npos ? std::nullopt : parseId(target.substr(0, colon));
    const auto trackerId = colon == std::string::npos ? std::nullopt : parseId(target.substr(colon + 1));
    if (!projectId || !trackerId) {
        return renderIssuePage(ctx, *issue, FormState::from(*issue), {"Choose the project and tracker to copy to."}, 422);
    }
    const auto result = app::CopyService(ctx.db, ctx.catalog, ctx.notifier).copy(ctx.actor(), issue->id, *projectId, *trackerId);
    if (result.outcome == app::Outcome::Ok) {
        return ctx.redirectWithFlash("/issues/" + std::to_string(result.issueId), "copied");
    }
    renderIssuePage(ctx, *issue, FormState::from(*issue), result.errors, httpStatus(result.outcome));
}

void relationAdd(RequestContext& ctx) {
    const auto issue = visibleIssue(ctx);
    if (!issue) return;
    const auto other = issueNumber(ctx.req.formValue("issue_to_id"));
    const auto result = app::RelationService(ctx.db, ctx.catalog)
                            .add(ctx.actor(), issue->id, other.value_or(0), ctx.req.param("relation_type", "relates"));
    if (result.outcome == app::Outcome::Ok) {
        return ctx.redirectWithFlash("/issues/" + std::to_string(issue->id), "relation_added");
    }
    renderIssuePage(ctx, *issue, FormState::from(*issue), result.errors, httpStatus(result.outcome));
}

void relationRemove(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    const auto relation = id ? app::RelationService(ctx.db, ctx.catalog).find(ctx.actor(), *id) : std::nullopt;
    if (!relation) return ctx.renderError(404, "No such relation.");
    // Back to the issue the form was on, if it is one of the two.
    const auto back = parseId(ctx.req.param("issue_id"));
    const unsigned issueId = back && (*back == relation->toId) ? relation->toId : relation->fromId;
    switch (app::RelationService(ctx.db, ctx.catalog).remove(ctx.actor(), *id)) {
        case app::Outcome::Ok:
            return ctx.redirectWithFlash("/issues/" + std::to_string(issueId), "relation_removed");
        case app::Outcome::Forbidden:
            return ctx.renderError(403, "You may not change relations of these issues.");
        default:
            return ctx.renderError(404, "No such relation.");
    }
}

} // namespace ticketflow::web::handlers
