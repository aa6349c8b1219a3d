// /trackers (admins): the trackers, their default status and who may be assigned their issues.
#include "fcgi/handlers/admin_crud.hpp"
#include "fcgi/handlers/admin_handlers.hpp"

namespace ticketflow::web::handlers {

namespace {

using Fields = domain::TrackerFields;

std::string assigneesText(const domain::Catalog& catalog, const std::optional<unsigned>& roleId) {
    if (!roleId) return "Project staff";
    const auto* role = catalog.role(*roleId);
    return "Role " + (role ? role->name : "#" + std::to_string(*roleId));
}

const AdminKind<Fields>& kind() {
    static const AdminKind<Fields> k{
        "/trackers",
        "tracker",
        "Tracker",
        "Trackers",
        [](storage::EnumerationRepository& repo, unsigned id) { return repo.tracker(id); },
        [](const http::Request& req) {
            Fields f{postedText(req, "name"), postedNumber(req, "position"), postedId(req, "default_status_id"), {}};
            if (const unsigned role = postedId(req, "assignable_role_id")) f.assignableRoleId = role;
            return f;
        },
        [](RequestContext& ctx, const Fields& f, std::vector<FormField>& fields) {
            FormField status{FormField::Kind::Select, "default_status_id", "Default status", "",
                             "The status of new issues.", false, false, false, {}};
            for (const auto& s : ctx.catalog.statuses)
                status.choices.push_back({std::to_string(s.id), s.name, s.id == f.defaultStatusId});
            fields.push_back(std::move(status));
            FormField role{FormField::Kind::Select, "assignable_role_id", "Assignees", "",
                           "Only members holding this role in the project may be assigned its issues.", false, false,
                           false, {}};
            role.choices.push_back({"", "Anyone on the project's staff", !f.assignableRoleId});
            for (const auto& r : ctx.catalog.roles)
                role.choices.push_back({std::to_string(r.id), "Holders of role " + r.name, f.assignableRoleId == r.id});
            fields.push_back(std::move(role));
        },
        [](app::ReferenceDataService& s, const domain::Actor& a, std::optional<unsigned> id, const Fields& f) {
            return s.saveTracker(a, id, f);
        },
        [](app::ReferenceDataService& s, const domain::Actor& a, unsigned id) { return s.removeTracker(a, id); },
    };
    return k;
}

} // namespace

void trackersIndex(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    AdminList list{"Trackers", kind().list + "/new", "New tracker", "", {"Tracker", "Default status", "Assignees"}, {}};
    for (const auto& t : storage::EnumerationRepository(ctx.db).trackers()) {
        list.rows.push_back({kind().list + "/" + std::to_string(t.id) + "/edit", "tracker-" + std::to_string(t.id),
                             {t.fields.name, ctx.catalog.statusName(t.fields.defaultStatusId),
                              assigneesText(ctx.catalog, t.fields.assignableRoleId)}});
    }
    renderAdminList(ctx, list);
}

void trackerNewForm(RequestContext& ctx) {
    Fields f{"", static_cast<int>(ctx.catalog.trackers.size()) + 1, 0, {}};
    if (!ctx.catalog.statuses.empty()) f.defaultStatusId = ctx.catalog.statuses.front().id;
    adminNewForm(ctx, kind(), f);
}
void trackerCreate(RequestContext& ctx) { adminCreate(ctx, kind()); }
void trackerEditForm(RequestContext& ctx) { adminEditForm(ctx, kind()); }
void trackerUpdate(RequestContext& ctx) { adminUpdate(ctx, kind()); }
void trackerDestroy(RequestContext& ctx) { adminDestroy(ctx, kind()); }

} // namespace ticketflow::web::handlers
