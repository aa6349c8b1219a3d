// /customers/:id: a customer's details and the issues filed under them that the reader may
// see, with the edit link and the merge form for those who may manage customers.
#include "fcgi/handlers/customer_handlers.hpp"

#include "core/app/customer_service.hpp"
#include "core/storage/customer_repository.hpp"
#include "fcgi/handlers/issue_views.hpp"

namespace ticketflow::web::handlers {

namespace {

constexpr unsigned kIssuesShown = 50;

void addIssues(RequestContext& ctx, ctemplate::TemplateDictionary& dict, unsigned customerId) {
    // The reader's own list scope, narrowed to this customer: a manager of one project does not
    // see the customer's issues in another.
    storage::Visibility visibility = visibilityFor(ctx.actor(), ctx.catalog);
    visibility.customerId = customerId;
    domain::IssueQuery query;
    query.statusScope = domain::StatusScope::All;
    query.limit = kIssuesShown;
    const auto page = storage::IssueRepository(ctx.db).list(query, {}, visibility);
    for (const auto& row : page.rows) {
        auto* r = dict.AddSectionDictionary("ISSUE");
        r->SetIntValue("ID", row.id);
        const domain::Project* project = ctx.catalog.project(row.projectId);
        r->SetValue("PROJECT", project ? project->name : std::string());
        r->SetValue("TRACKER", ctx.catalog.trackerName(row.trackerId));
        r->SetValue("STATUS", ctx.catalog.statusName(row.statusId));
        r->SetValue("SUBJECT", row.subject);
        r->SetValue("UPDATED", shortTime(row.updatedAt));
    }
    if (page.rows.empty())
        dict.ShowSection("NO_ISSUES");
    else
        dict.ShowSection("HAS_ISSUES");
    if (page.hasNext) dict.SetValueAndShowSection("LIMIT", std::to_string(kIssuesShown), "MORE_ISSUES");
}

} // namespace

void customerShow(RequestContext& ctx) {
    if (!app::CustomerService::mayView(ctx.actor())) return ctx.denyAccess();
    const auto id = parseId(ctx.req.params.at("id"));
    const auto customer = id ? app::CustomerService(ctx.db).find(*id) : std::nullopt;
    if (!customer) return ctx.renderError(404, "No such customer.");
    ctemplate::TemplateDictionary dict("customer");
    dict.SetIntValue("ID", customer->id);
    dict.SetValue("NAME", customer->name.empty() ? "(no name)" : customer->name);
    dict.SetValue("EMAIL", customer->email.value_or(""));
    dict.SetValue("ORGANISATION", customer->organisation);
    dict.SetValue("PHONE", customer->phone);
    dict.SetValue("CREATED", shortTime(customer->createdAt));
    if (!customer->notes.empty()) dict.SetValueAndShowSection("NOTES", customer->notes, "HAS_NOTES");
    if (app::CustomerService::mayManage(ctx.actor())) dict.ShowSection("MANAGE");
    addIssues(ctx, dict, customer->id);
    ctx.renderPage("customer.tpl", dict, "Customer: " + customer->name);
}

} // namespace ticketflow::web::handlers
