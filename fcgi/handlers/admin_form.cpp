// The administration pages' shared list and form, and what the mail queues' pages share.
#include "fcgi/handlers/admin_form.hpp"

#include "core/domain/content_disposition.hpp"
#include "core/domain/text.hpp"
#include "fcgi/outcome_status.hpp"

#include <charconv>

namespace ticketflow::web::handlers {

namespace {

const char* sectionOf(FormField::Kind kind) {
    switch (kind) {
        case FormField::Kind::Text:
        case FormField::Kind::Number:
            return "INPUT";
        case FormField::Kind::TextArea:
            return "TEXTAREA";
        case FormField::Kind::Check:
            return "CHECK";
        case FormField::Kind::Select:
            return "SELECT";
        case FormField::Kind::Checks:
            return "CHECKS";
    }
    return "INPUT";
}

} // namespace

bool requireAdmin(RequestContext& ctx) {
    if (ctx.actor().admin && ctx.actor().isActive()) return true;
    if (!ctx.signedIn()) {
        ctx.denyAccess();
    } else {
        ctx.renderError(403, "Only administrators may change the setup.");
    }
    return false;
}

void renderAdminForm(RequestContext& ctx, const AdminForm& form, const std::vector<std::string>& errors, int status) {
    ctemplate::TemplateDictionary dict("admin_form");
    dict.SetValue("HEADING", form.heading);
    dict.SetValue("ACTION", form.action);
    dict.SetValue("BACK_HREF", form.backHref);
    dict.SetValue("BACK_TEXT", form.backText);
    dict.SetValue("CSRF_TOKEN", ctx.csrfToken());
    for (const auto& e : errors) dict.SetValueAndShowSection("MESSAGE", e, "ERROR");
    for (const auto& f : form.fields) {
        auto* field = dict.AddSectionDictionary("FIELD");
        auto* kind = field->AddSectionDictionary(sectionOf(f.kind));
        kind->SetValue("NAME", f.name);
        kind->SetValue("LABEL", f.label);
        kind->SetValue("VALUE", f.value);
        kind->SetValue("TYPE", f.kind == FormField::Kind::Number ? "number" : "text");
        if (f.checked) kind->SetValue("CHECKED", "checked");
        if (f.readOnly) kind->SetValue("READONLY", "readonly");
        if (f.required) kind->SetValue("REQUIRED", "required");
        if (!f.hint.empty()) kind->SetValueAndShowSection("HINT_TEXT", f.hint, "HINT");
        for (const auto& c : f.choices) {
            auto* choice = kind->AddSectionDictionary("CHOICE");
            choice->SetValue("NAME", f.name);
            choice->SetValue("VALUE", c.value);
            choice->SetValue("TEXT", c.text);
            if (c.selected) {
                choice->SetValue("SELECTED", "selected");
                choice->SetValue("CHECKED", "checked");
            }
        }
    }
    if (!form.deleteAction.empty()) dict.SetValueAndShowSection("DELETE_ACTION", form.deleteAction, "CAN_DELETE");
    ctx.renderPage("admin_form.tpl", dict, form.title, status);
}

void renderAdminList(RequestContext& ctx, const AdminList& list) {
    ctemplate::TemplateDictionary dict("admin_list");
    dict.SetValue("HEADING", list.title);
    dict.SetValue("NEW_HREF", list.newHref);
    dict.SetValue("NEW_LABEL", list.newLabel);
    if (!list.intro.empty()) dict.SetValueAndShowSection("INTRO_TEXT", list.intro, "INTRO");
    for (const auto& c : list.columns) dict.SetValueAndShowSection("TEXT", c, "COLUMN");
    for (const auto& r : list.rows) {
        auto* row = dict.AddSectionDictionary("ROW");
        row->SetValue("ELEMENT_ID", r.elementId);
        row->SetValue("HREF", r.href);
        for (std::size_t i = 0; i < r.cells.size(); ++i) {
            auto* cell = row->AddSectionDictionary(i == 0 ? "FIRST_CELL" : "CELL");
            cell->SetValue("HREF", r.href);
            cell->SetValue("TEXT", r.cells[i]);
        }
    }
    if (list.rows.empty()) dict.ShowSection("EMPTY");
    ctx.renderPage("admin_list.tpl", dict, list.title);
}

void finishSave(RequestContext& ctx, const app::AdminResult& result, const std::string& listHref,
                const AdminForm& form) {
    if (result.outcome == app::Outcome::Ok) return ctx.redirectWithFlash(listHref, "setup_saved");
    if (result.outcome != app::Outcome::Invalid) {
        return ctx.renderError(httpStatus(result.outcome), result.errors.empty() ? "" : result.errors.front());
    }
    renderAdminForm(ctx, form, result.errors, httpStatus(result.outcome));
}

void finishRemove(RequestContext& ctx, const app::AdminResult& result, const std::string& listHref) {
    if (result.outcome == app::Outcome::Ok) return ctx.redirectWithFlash(listHref, "setup_deleted");
    ctx.renderError(httpStatus(result.outcome), result.errors.empty() ? "" : result.errors.front());
}

std::string postedText(const http::Request& req, const char* name) {
    const auto* v = req.formValue(name);
    return v ? std::string(domain::trim(*v)) : std::string();
}

bool postedTick(const http::Request& req, const char* name) {
    const auto* v = req.formValue(name);
    return v && *v == "1";
}

int postedNumber(const http::Request& req, const char* name) {
    const std::string text = postedText(req, name);
    int value = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return -1;
    return value;
}

unsigned postedId(const http::Request& req, const char* name) {
    return parseId(postedText(req, name)).value_or(0);
}

std::optional<std::uint64_t> urlMailId(const RequestContext& ctx) {
    const auto it = ctx.req.params.find("id");
    if (it == ctx.req.params.end()) return std::nullopt;
    const auto id = parseId(it->second);
    return id ? std::optional<std::uint64_t>(*id) : std::nullopt;
}

void sendMailDownload(RequestContext& ctx, const std::string& filename, std::string message) {
    ctx.res.status = 200;
    ctx.res.setHeader("Content-Type", "message/rfc822");
    ctx.res.setHeader("Content-Disposition", domain::contentDisposition(filename));
    ctx.res.setHeader("X-Content-Type-Options", "nosniff");
    ctx.res.setHeader("Cache-Control", "no-store");
    ctx.res.body = std::move(message);
}

} // namespace ticketflow::web::handlers
