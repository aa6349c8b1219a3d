// /customers?q=…&page=…: staff who may view customers search them by name, email or organisation.
#include "fcgi/handlers/customer_handlers.hpp"

#include "core/app/customer_service.hpp"
#include "fcgi/url_encode.hpp"

namespace ticketflow::web::handlers {

namespace {

/// The link to another page of the same search.
std::string pageUrl(const std::string& q, unsigned page) {
    std::string url = "/customers?";
    if (!q.empty()) url += "q=" + urlEncode(q) + "&";
    return url + "page=" + std::to_string(page + 1);
}

} // namespace

void customerList(RequestContext& ctx) {
    if (!app::CustomerService::mayView(ctx.actor())) return ctx.denyAccess();
    ctemplate::TemplateDictionary dict("customers");
    const std::string* q = ctx.req.queryValue("q");
    const std::string term = q ? *q : std::string();
    dict.SetValue("Q", term);
    // Pages are 1-based in the URL; a bad or huge number is a 422, not a silent first page.
    unsigned page = 0;
    if (const std::string* p = ctx.req.queryValue("page"); p && !p->empty()) {
        const auto number = parseId(*p);
        if (!number || *number > 100'000) {
            dict.SetValueAndShowSection("MESSAGE", "Page must be a number from 1 to 100000.", "SEARCH_ERROR");
            return ctx.renderPage("customers.tpl", dict, "Customers", 422);
        }
        page = *number - 1;
    }
    const auto result = app::CustomerService(ctx.db).search(term, page);
    if (!result.error.empty()) {
        dict.SetValueAndShowSection("MESSAGE", result.error, "SEARCH_ERROR");
        return ctx.renderPage("customers.tpl", dict, "Customers", 422);
    }
    for (const auto& c : result.customers) {
        auto* row = dict.AddSectionDictionary("CUSTOMER");
        row->SetIntValue("ID", c.id);
        row->SetValue("NAME", c.name.empty() ? "(no name)" : c.name);
        row->SetValue("EMAIL", c.email.value_or(""));
        row->SetValue("ORGANISATION", c.organisation);
        row->SetValue("PHONE", c.phone);
    }
    if (result.customers.empty())
        dict.ShowSection("NO_CUSTOMERS");
    else
        dict.ShowSection("HAS_CUSTOMERS");
    if (page > 0) dict.SetValueAndShowSection("URL", pageUrl(term, page - 1), "PREVIOUS_PAGE");
    if (result.hasNext) dict.SetValueAndShowSection("URL", pageUrl(term, page + 1), "NEXT_PAGE");
    dict.SetIntValue("PAGE", page + 1);
    ctx.renderPage("customers.tpl", dict, "Customers");
}

} // namespace ticketflow::web::handlers
