// POST /issues/:id: apply the edit form (status through the workflow, fields, a note).
#include "fcgi/handlers/handlers.hpp"

#include "core/app/issue_service.hpp"
#include "core/domain/issue_access.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/handlers/attachment_views.hpp"
#include "fcgi/handlers/issue_form.hpp"

namespace ticketflow::web::handlers {

void issueUpdate(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    const auto issue = id ? storage::IssueRepository(ctx.db).find(*id) : std::nullopt;
    if (!issue || !domain::canViewIssue(ctx.actor(), issue->ref())) {
        return ctx.renderError(404, "The issue you were looking for doesn't exist or you may not see it.");
    }
    std::vector<std::string> errors;
    const auto edit = readEdit(ctx.req, errors);
    // Browsers cannot refill a file input: say so, or the user believes the files were kept.
    const char* filesHint = "Nothing was saved: choose the files again.";
    if (!errors.empty()) {
        if (!edit.attachments.empty()) errors.push_back(filesHint);
        return renderIssuePage(ctx, *issue, stateFrom(edit, *issue), errors, 422);
    }

    const auto store = attachmentStore(ctx);
    auto result = app::IssueService(ctx.db, ctx.catalog, &store, ctx.notifier).update(ctx.actor(), issue->id, edit);
    if (result.outcome != app::Outcome::Ok && !edit.attachments.empty()) result.errors.push_back(filesHint);
    switch (result.outcome) {
        case app::Outcome::Ok:
            return ctx.redirectWithFlash("/issues/" + std::to_string(issue->id), "updated");
        case app::Outcome::NotFound:
            return ctx.renderError(404, "The issue you were looking for doesn't exist or you may not see it.");
        case app::Outcome::Forbidden:
            return renderIssuePage(ctx, result.current ? *result.current : *issue, stateFrom(edit, *issue),
                                   result.errors, 403);
        case app::Outcome::Conflict: {
            // Show the issue as it is now, keep what the user typed, and take the new version
            // stamp so that resubmitting applies the user's edit on top of the other change.
            const domain::Issue now = result.current ? *result.current : *issue;
            FormState form = stateFrom(edit, now);
            form.lockVersion = now.lockVersion;
            // The newest journal the form was made with ("0" when the issue had none).
            const std::string* seen = ctx.req.formValue("seen_journal_id");
            form.conflictSince = seen && *seen == "0" ? std::optional<unsigned>(0) : parseId(seen ? *seen : "");
            return renderIssuePage(ctx, now, form, result.errors, 409);
        }
        case app::Outcome::Invalid:
            return renderIssuePage(ctx, result.current ? *result.current : *issue, stateFrom(edit, *issue),
                                   result.errors, 422);
    }
}

} // namespace ticketflow::web::handlers
