// /roles (admins): roles and the permissions each grants in the projects where members hold it.
#include "fcgi/handlers/admin_crud.hpp"
#include "fcgi/handlers/admin_handlers.hpp"

#include "core/domain/permissions.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

using Fields = domain::RoleFields;

/// "view_private_notes" -> "View private notes".
std::string label(std::string_view name) {
    std::string out(name);
    std::replace(out.begin(), out.end(), '_', ' ');
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

const AdminKind<Fields>& kind() {
    static const AdminKind<Fields> k{
        "/roles",
        "role",
        "Role",
        "Roles and permissions",
        [](storage::EnumerationRepository& repo, unsigned id) { return repo.role(id); },
        [](const http::Request& req) {
            return Fields{postedText(req, "name"), postedNumber(req, "position"), req.formValues("permissions")};
        },
        [](RequestContext&, const Fields& f, std::vector<FormField>& fields) {
            FormField permissions{FormField::Kind::Checks, "permissions", "Permissions", "", "", false, false, false,
                                  {}};
            for (const auto p : domain::allPermissions()) {
                const std::string name(domain::permissionName(p));
                const bool held = std::find(f.permissions.begin(), f.permissions.end(), name) != f.permissions.end();
                permissions.choices.push_back({name, label(name), held});
            }
            fields.push_back(std::move(permissions));
        },
        [](app::ReferenceDataService& s, const domain::Actor& a, std::optional<unsigned> id, const Fields& f) {
            return s.saveRole(a, id, f);
        },
        [](app::ReferenceDataService& s, const domain::Actor& a, unsigned id) { return s.removeRole(a, id); },
    };
    return k;
}

} // namespace

void rolesIndex(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    AdminList list{"Roles and permissions", kind().list + "/new", "New role",
                   "A member holds roles per project; the workflow is set per tracker and role.",
                   {"Role", "Permissions"}, {}};
    for (const auto& r : storage::EnumerationRepository(ctx.db).roles()) {
        std::string held;
        for (const auto& p : r.fields.permissions) held += (held.empty() ? "" : ", ") + label(p);
        list.rows.push_back({kind().list + "/" + std::to_string(r.id) + "/edit", "role-" + std::to_string(r.id),
                             {r.fields.name, held}});
    }
    renderAdminList(ctx, list);
}

void roleNewForm(RequestContext& ctx) {
    adminNewForm(ctx, kind(), Fields{"", static_cast<int>(ctx.catalog.roles.size()) + 1, {}});
}
void roleCreate(RequestContext& ctx) { adminCreate(ctx, kind()); }
void roleEditForm(RequestContext& ctx) { adminEditForm(ctx, kind()); }
void roleUpdate(RequestContext& ctx) { adminUpdate(ctx, kind()); }
void roleDestroy(RequestContext& ctx) { adminDestroy(ctx, kind()); }

} // namespace ticketflow::web::handlers
