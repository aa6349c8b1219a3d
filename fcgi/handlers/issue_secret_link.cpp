// POST /issues/:id/secret_link: support mails the customer their secret link again, or a new
// one that revokes the old (a forwarded or leaked link).
#include "fcgi/handlers/handlers.hpp"

#include "core/domain/issue_access.hpp"
#include "core/domain/notification_recipients.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/handlers/issue_links.hpp"

namespace ticketflow::web::handlers {

namespace {

bool mayManageLink(RequestContext& ctx, const domain::Issue& issue) {
    return domain::hasCustomerSide(ctx.catalog.project(issue.projectId), issue) && !issue.customerEmail.empty() &&
           ctx.actor().staff && ctx.actor().allowedTo(domain::Permission::EditIssues, issue.projectId);
}

} // namespace

void addSecretLinkForm(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue) {
    if (!mayManageLink(ctx, issue)) return;
    auto* form = dict.AddSectionDictionary("SECRET_LINK");
    form->SetIntValue("ID", issue.id);
    form->SetValue("CSRF_TOKEN", ctx.csrfToken());
    form->SetValue("CUSTOMER_EMAIL", issue.customerEmail);
}

void issueSecretLink(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    const auto issue = id ? storage::IssueRepository(ctx.db).find(*id) : std::nullopt;
    if (!issue || !domain::canViewIssue(ctx.actor(), issue->ref())) {
        return ctx.renderError(404, "The issue you were looking for doesn't exist or you may not see it.");
    }
    if (!mayManageLink(ctx, *issue)) {
        return ctx.renderError(403, "Only support staff of a customer project can send a customer's link, and only to "
                                    "a customer with a mail address.");
    }
    const std::string action = ctx.req.param("link_action");
    if (action != "send" && action != "renew") return ctx.renderError(400, "Choose to send the link or a new one.");
    if (!ctx.notifier) return ctx.renderError(503, "Mail is not configured on this server.");
    storage::Transaction tx(ctx.db);
    if (!ctx.notifier->sendLink(ctx.db, ctx.catalog, *issue, action == "renew")) {
        return ctx.renderError(422, "The customer's mail address cannot take mail; correct it on the customer's page "
                                    "first. Nothing was sent or changed.");
    }
    tx.commit();
    ctx.redirectWithFlash("/issues/" + std::to_string(issue->id), action == "renew" ? "link_renewed" : "link_sent");
}

} // namespace ticketflow::web::handlers
