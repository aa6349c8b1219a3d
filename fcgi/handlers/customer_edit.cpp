// /customers/:id/edit, POST /customers/:id and POST /customers/:id/merge: those who may manage
// customers correct a record or merge a duplicate into the record to keep.
#include "fcgi/handlers/customer_handlers.hpp"

#include "core/app/customer_service.hpp"

namespace ticketflow::web::handlers {

namespace {

void render(RequestContext& ctx, unsigned id, const domain::CustomerFields& fields,
            const std::vector<std::string>& errors, int status) {
    ctemplate::TemplateDictionary dict("customer_edit");
    dict.SetIntValue("ID", id);
    dict.SetValue("NAME", fields.name);
    dict.SetValue("EMAIL", fields.email);
    dict.SetValue("ORGANISATION", fields.organisation);
    dict.SetValue("PHONE", fields.phone);
    dict.SetValue("NOTES", fields.notes);
    for (const auto& e : errors) dict.SetValueAndShowSection("MESSAGE", e, "ERROR");
    ctx.renderPage("customer_edit.tpl", dict, "Edit customer", status);
}

std::string formText(const RequestContext& ctx, const char* name) {
    const std::string* value = ctx.req.formValue(name);
    return value ? *value : std::string();
}

} // namespace

void customerEditForm(RequestContext& ctx) {
    if (!app::CustomerService::mayManage(ctx.actor())) return ctx.denyAccess();
    const auto id = parseId(ctx.req.params.at("id"));
    const auto customer = id ? app::CustomerService(ctx.db).find(*id) : std::nullopt;
    if (!customer) return ctx.renderError(404, "No such customer.");
    const domain::CustomerFields fields{customer->name, customer->email.value_or(""), customer->organisation,
                                        customer->phone, customer->notes};
    render(ctx, customer->id, fields, {}, 200);
}

void customerUpdate(RequestContext& ctx) {
    if (!app::CustomerService::mayManage(ctx.actor())) return ctx.denyAccess();
    const auto id = parseId(ctx.req.params.at("id"));
    if (!id) return ctx.renderError(404, "No such customer.");
    const domain::CustomerFields fields{formText(ctx, "name"), formText(ctx, "email"), formText(ctx, "organisation"),
                                        formText(ctx, "phone"), formText(ctx, "notes")};
    const auto result = app::CustomerService(ctx.db).update(ctx.actor(), *id, fields);
    switch (result.outcome) {
        case app::Outcome::Ok:
            return ctx.redirectWithFlash("/customers/" + std::to_string(*id), "customer_saved");
        case app::Outcome::Forbidden:
            return ctx.denyAccess();
        case app::Outcome::NotFound:
            return ctx.renderError(404, "No such customer.");
        default:
            return render(ctx, *id, fields, result.errors, 422);
    }
}

void customerMerge(RequestContext& ctx) {
    if (!app::CustomerService::mayManage(ctx.actor())) return ctx.denyAccess();
    const auto id = parseId(ctx.req.params.at("id"));
    if (!id) return ctx.renderError(404, "No such customer.");
    const std::string* raw = ctx.req.formValue("into_id");
    const auto into = raw ? parseId(std::string(domain::trim(*raw))) : std::nullopt;
    if (!into) return ctx.renderError(422, "Enter the number of the customer to keep.");
    const auto result = app::CustomerService(ctx.db).merge(ctx.actor(), *id, *into);
    switch (result.outcome) {
        case app::Outcome::Ok:
            return ctx.redirectWithFlash("/customers/" + std::to_string(*into), "customers_merged");
        case app::Outcome::Forbidden:
            return ctx.denyAccess();
        case app::Outcome::NotFound:
            return ctx.renderError(404, "No such customer.");
        default:
            return ctx.renderError(422,
                                   result.errors.empty() ? "The customers cannot be merged." : result.errors.front());
    }
}

} // namespace ticketflow::web::handlers
