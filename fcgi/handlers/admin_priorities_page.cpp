// /enumerations (admins): the issue priorities, one of them the default for new issues.
#include "fcgi/handlers/admin_crud.hpp"
#include "fcgi/handlers/admin_handlers.hpp"

namespace ticketflow::web::handlers {

namespace {

using Fields = domain::PriorityFields;

const AdminKind<Fields>& kind() {
    static const AdminKind<Fields> k{
        "/enumerations",
        "priority",
        "Priority",
        "Issue priorities",
        [](storage::EnumerationRepository& repo, unsigned id) { return repo.priority(id); },
        [](const http::Request& req) {
            return Fields{postedText(req, "name"), postedNumber(req, "position"), postedTick(req, "is_default")};
        },
        [](RequestContext&, const Fields& f, std::vector<FormField>& fields) {
            fields.push_back({FormField::Kind::Check, "is_default", "Default value", "1",
                              "New issues get it unless someone chooses another.", f.isDefault, false, false, {}});
        },
        [](app::ReferenceDataService& s, const domain::Actor& a, std::optional<unsigned> id, const Fields& f) {
            return s.savePriority(a, id, f);
        },
        [](app::ReferenceDataService& s, const domain::Actor& a, unsigned id) { return s.removePriority(a, id); },
    };
    return k;
}

} // namespace

void prioritiesIndex(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    AdminList list{"Issue priorities", kind().list + "/new", "New priority", "", {"Priority", "Position", "Default"}, {}};
    for (const auto& p : storage::EnumerationRepository(ctx.db).priorities()) {
        list.rows.push_back({kind().list + "/" + std::to_string(p.id) + "/edit", "priority-" + std::to_string(p.id),
                             {p.fields.name, std::to_string(p.fields.position), yesNo(p.fields.isDefault)}});
    }
    renderAdminList(ctx, list);
}

void priorityNewForm(RequestContext& ctx) {
    adminNewForm(ctx, kind(), Fields{"", static_cast<int>(ctx.catalog.priorities.size()) + 1, false});
}
void priorityCreate(RequestContext& ctx) { adminCreate(ctx, kind()); }
void priorityEditForm(RequestContext& ctx) { adminEditForm(ctx, kind()); }
void priorityUpdate(RequestContext& ctx) { adminUpdate(ctx, kind()); }
void priorityDestroy(RequestContext& ctx) { adminDestroy(ctx, kind()); }

} // namespace ticketflow::web::handlers
