// Watchers on the issue page: POST /issues/:id/watchers (user_id, default: the reader) and
// POST /issues/:id/watchers/:user_id/delete.
#include "fcgi/handlers/issue_watchers.hpp"

#include "core/app/watcher_service.hpp"
#include "core/domain/permissions.hpp"
#include "fcgi/handlers/handlers.hpp"
#include "fcgi/handlers/issue_views.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

void addWatchers(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue) {
    const auto& actor = ctx.actor();
    if (!actor.staff) return;
    const bool canEdit = actor.allowedTo(domain::Permission::EditIssues, issue.projectId);
    auto* box = dict.AddSectionDictionary("WATCHERS");
    box->SetIntValue("WATCHER_COUNT", static_cast<long>(issue.watcherIds.size()));
    box->SetValue("CSRF_TOKEN", ctx.csrfToken());
    box->SetIntValue("SELF_ID", actor.userId);
    for (unsigned id : issue.watcherIds) {
        auto* row = box->AddSectionDictionary("WATCHER");
        row->SetIntValue("USER_ID", id);
        row->SetValue("NAME", personName(ctx.catalog, id, ""));
        if (canEdit || id == actor.userId) row->ShowSection("CAN_REMOVE_WATCHER");
    }
    const bool watching = std::find(issue.watcherIds.begin(), issue.watcherIds.end(), actor.userId) !=
                          issue.watcherIds.end();
    box->ShowSection(watching ? "UNWATCH" : "WATCH");
    if (!canEdit) return;
    ctemplate::TemplateDictionary* add = nullptr;
    for (const auto& u : ctx.catalog.staff) {
        const bool candidate = u.active && ctx.catalog.rolesOf(u.id).count(issue.projectId) &&
                               std::find(issue.watcherIds.begin(), issue.watcherIds.end(), u.id) ==
                                   issue.watcherIds.end();
        if (!candidate) continue;
        if (!add) add = box->AddSectionDictionary("ADD_WATCHER");
        auto* option = add->AddSectionDictionary("CANDIDATE");
        option->SetIntValue("USER_ID", u.id);
        option->SetValue("NAME", u.name);
    }
}

namespace {

void respond(RequestContext& ctx, unsigned issueId, app::Outcome outcome, const std::string& error,
             const char* flash) {
    switch (outcome) {
        case app::Outcome::Ok:
            return ctx.redirectWithFlash("/issues/" + std::to_string(issueId), flash);
        case app::Outcome::NotFound:
            return ctx.renderError(404, "The issue you were looking for doesn't exist or you may not see it.");
        case app::Outcome::Forbidden:
            return ctx.renderError(403, error);
        default:
            return ctx.renderError(422, error);
    }
}

} // namespace

void watcherAdd(RequestContext& ctx) {
    const auto issueId = parseId(ctx.req.params["id"]).value_or(0);
    const std::string* given = ctx.req.formValue("user_id");
    const auto userId = given && !given->empty() ? parseId(*given) : std::optional(ctx.actor().userId);
    std::string error = "Choose someone to add as a watcher.";
    const auto outcome = userId ? app::WatcherService(ctx.db, ctx.catalog).add(ctx.actor(), issueId, *userId, error)
                                : app::Outcome::Invalid;
    respond(ctx, issueId, outcome, error, "watchers_changed");
}

void watcherRemove(RequestContext& ctx) {
    const auto issueId = parseId(ctx.req.params["id"]).value_or(0);
    const auto userId = parseId(ctx.req.params["user_id"]).value_or(0);
    std::string error;
    respond(ctx, issueId, app::WatcherService(ctx.db, ctx.catalog).remove(ctx.actor(), issueId, userId, error), error,
            "watchers_changed");
}

} // namespace ticketflow::web::handlers
