// /users (admins): the user list, new and edit forms, project memberships.
#include "fcgi/handlers/handlers.hpp"
#include "fcgi/outcome_status.hpp"

#include "core/app/user_admin_service.hpp"
#include "core/storage/user_repository.hpp"
#include "fcgi/handlers/issue_views.hpp"

namespace ticketflow::web::handlers {

namespace {

constexpr unsigned kUsersPerPage = 100;

domain::UserFields postedFields(const http::Request& req) {
    domain::UserFields f;
    if (const auto* v = req.formValue("login")) f.login = std::string(domain::trim(*v));
    if (const auto* v = req.formValue("firstname")) f.firstname = std::string(domain::trim(*v));
    if (const auto* v = req.formValue("lastname")) f.lastname = std::string(domain::trim(*v));
    if (const auto* v = req.formValue("mail")) f.mail = std::string(domain::trim(*v));
    if (const auto* v = req.formValue("password")) f.password = *v;
    return f;
}

bool ticked(const http::Request& req, const char* name) {
    const auto* v = req.formValue(name);
    return v && *v == "1";
}

struct FormView {
    std::optional<storage::UserRecord> user; ///< editing this one; none for a new user
    domain::UserFields fields;
    bool admin = false, locked = false, customer = false;
};

void renderForm(RequestContext& ctx, const FormView& v, const std::vector<std::string>& errors, int status) {
    ctemplate::TemplateDictionary dict("admin_user");
    const bool edit = v.user.has_value();
    dict.SetValue("HEADING", edit ? "User " + v.user->login : "New user");
    dict.SetValue("ACTION", edit ? "/users/" + std::to_string(v.user->id) : "/users");
    dict.SetValue("CSRF_TOKEN", ctx.csrfToken());
    dict.SetValue("LOGIN", edit ? v.user->login : v.fields.login);
    if (edit) dict.SetValue("LOGIN_READONLY", "readonly");
    dict.SetValue("FIRSTNAME", v.fields.firstname);
    dict.SetValue("LASTNAME", v.fields.lastname);
    dict.SetValue("MAIL", v.fields.mail);
    dict.SetValue("PASSWORD_LABEL", edit ? "New password (leave empty to keep it)" : "Password (at least 8 characters)");
    dict.SetValue("ADMIN_CHECKED", v.admin ? "checked" : "");
    dict.SetValue("LOCKED_CHECKED", v.locked ? "checked" : "");
    dict.SetValue("CUSTOMER_CHECKED", v.customer ? "checked" : "");
    for (const auto& e : errors) dict.SetValueAndShowSection("MESSAGE", e, "ERROR");
    if (!edit) {
        dict.ShowSection("NEW");
        return ctx.renderPage("admin_user.tpl", dict, "New user", status);
    }
    auto* section = dict.AddSectionDictionary("EDIT");
    section->SetIntValue("USER_ID", v.user->id);
    const auto memberships = storage::UserRepository(ctx.db).memberships(v.user->id);
    for (const auto& m : memberships) {
        auto* row = section->AddSectionDictionary("MEMBERSHIP");
        const domain::Project* p = ctx.catalog.project(m.projectId);
        const domain::Role* r = ctx.catalog.role(m.roleId);
        row->SetValue("PROJECT", p ? p->name : "#" + std::to_string(m.projectId));
        row->SetValue("ROLE", r ? r->name : "#" + std::to_string(m.roleId));
        row->SetIntValue("PROJECT_ID", m.projectId);
        row->SetIntValue("ROLE_ID", m.roleId);
    }
    if (memberships.empty()) section->ShowSection("NO_MEMBERSHIPS");
    for (const auto& p : ctx.catalog.projects) {
        auto* o = section->AddSectionDictionary("PROJECT_OPTION");
        o->SetIntValue("ID", p.id);
        o->SetValue("NAME", p.name);
    }
    for (const auto& r : ctx.catalog.roles) {
        auto* o = section->AddSectionDictionary("ROLE_OPTION");
        o->SetIntValue("ID", r.id);
        o->SetValue("NAME", r.name);
    }
    ctx.renderPage("admin_user.tpl", dict, "User " + v.user->login, status);
}

/// The user of the URL for an admin; answers 403/404 and returns nullopt otherwise.
std::optional<storage::UserRecord> editedUser(RequestContext& ctx) {
    if (!ctx.actor().admin) {
        ctx.renderError(403, "Only administrators may manage users.");
        return std::nullopt;
    }
    const auto id = parseId(ctx.req.params["id"]);
    auto user = id ? storage::UserRepository(ctx.db).findById(*id) : std::nullopt;
    if (!user) ctx.renderError(404, "No such user.");
    return user;
}

FormView viewOf(const storage::UserRecord& u) {
    return {u, {u.login, u.firstname, u.lastname, u.mail, ""}, u.admin, u.status == "locked", u.kind == "customer"};
}

} // namespace

void usersIndex(RequestContext& ctx) {
    if (!ctx.actor().admin) return ctx.renderError(403, "Only administrators may manage users.");
    const std::string* offsetText = ctx.req.queryValue("offset");
    const unsigned offset = offsetText && *offsetText != "0" ? parseId(*offsetText).value_or(0) : 0;
    storage::UserRepository users(ctx.db);
    const auto page = users.list(offset, kUsersPerPage + 1);
    ctemplate::TemplateDictionary dict("admin_users");
    for (std::size_t i = 0; i < page.size() && i < kUsersPerPage; ++i) {
        const auto& u = page[i];
        auto* row = dict.AddSectionDictionary("USER");
        row->SetIntValue("ID", u.id);
        row->SetValue("LOGIN", u.login);
        row->SetValue("NAME", u.displayName());
        row->SetValue("MAIL", u.mail);
        row->SetValue("KIND", u.kind);
        row->SetValue("STATUS", u.status);
        row->SetValue("LAST_LOGIN", u.lastLoginAt.empty() ? "-" : shortTime(u.lastLoginAt));
        if (u.admin) row->ShowSection("ADMIN");
    }
    if (page.size() > kUsersPerPage) {
        dict.SetValueAndShowSection("NEXT_OFFSET", std::to_string(offset + kUsersPerPage), "HAS_MORE");
    }
    ctx.renderPage("admin_users.tpl", dict, "Users");
}

void userNew(RequestContext& ctx) {
    if (!ctx.actor().admin) return ctx.renderError(403, "Only administrators may manage users.");
    renderForm(ctx, {}, {}, 200);
}

void userCreate(RequestContext& ctx) {
    if (!ctx.actor().admin) return ctx.renderError(403, "Only administrators may manage users.");
    FormView v{std::nullopt, postedFields(ctx.req), ticked(ctx.req, "admin"), false, ticked(ctx.req, "customer")};
    const auto r = app::UserAdminService(ctx.db).create(ctx.actor(), v.fields, v.admin, v.customer);
    if (r.outcome == app::Outcome::Ok) return ctx.redirectWithFlash("/users/" + std::to_string(r.userId) + "/edit", "user_saved");
    v.fields.password.clear(); // never echoed back
    renderForm(ctx, v, r.errors, httpStatus(r.outcome));
}

void userEdit(RequestContext& ctx) {
    const auto user = editedUser(ctx);
    if (user) renderForm(ctx, viewOf(*user), {}, 200);
}

void userUpdate(RequestContext& ctx) {
    const auto user = editedUser(ctx);
    if (!user) return;
    FormView v{user, postedFields(ctx.req), ticked(ctx.req, "admin"), ticked(ctx.req, "locked"), false};
    v.fields.login = user->login;
    const auto r = app::UserAdminService(ctx.db).update(ctx.actor(), user->id, v.fields, v.admin, v.locked);
    if (r.outcome == app::Outcome::Ok) return ctx.redirectWithFlash("/users/" + std::to_string(user->id) + "/edit", "user_saved");
    v.fields.password.clear();
    renderForm(ctx, v, r.errors, httpStatus(r.outcome));
}

void membershipAdd(RequestContext& ctx) {
    const auto user = editedUser(ctx);
    if (!user) return;
    const auto projectId = parseId(ctx.req.param("project_id")), roleId = parseId(ctx.req.param("role_id"));
    const auto r = app::UserAdminService(ctx.db).addMembership(ctx.actor(), user->id, projectId.value_or(0),
                                                              roleId.value_or(0));
    if (r.outcome == app::Outcome::Ok) return ctx.redirectWithFlash("/users/" + std::to_string(user->id) + "/edit", "user_saved");
    renderForm(ctx, viewOf(*user), r.errors, httpStatus(r.outcome));
}

void membershipRemove(RequestContext& ctx) {
    const auto user = editedUser(ctx);
    if (!user) return;
    const auto projectId = parseId(ctx.req.param("project_id")), roleId = parseId(ctx.req.param("role_id"));
    const auto r = app::UserAdminService(ctx.db).removeMembership(ctx.actor(), user->id, projectId.value_or(0),
                                                                 roleId.value_or(0));
    if (r.outcome == app::Outcome::Ok) return ctx.redirectWithFlash("/users/" + std::to_string(user->id) + "/edit", "user_saved");
    renderForm(ctx, viewOf(*user), r.errors, httpStatus(r.outcome));
}

} // namespace ticketflow::web::handlers
