// /issue_statuses (admins): the statuses issues move through, which are closed and which new.
#include "fcgi/handlers/admin_crud.hpp"
#include "fcgi/handlers/admin_handlers.hpp"

namespace ticketflow::web::handlers {

namespace {

using Fields = domain::StatusFields;

const AdminKind<Fields>& kind() {
    static const AdminKind<Fields> k{
        "/issue_statuses",
        "status",
        "Status",
        "Issue statuses",
        [](storage::EnumerationRepository& repo, unsigned id) { return repo.status(id); },
        [](const http::Request& req) {
            return Fields{postedText(req, "name"), postedNumber(req, "position"), postedTick(req, "is_closed"),
                          postedTick(req, "is_new")};
        },
        [](RequestContext&, const Fields& f, std::vector<FormField>& fields) {
            fields.push_back({FormField::Kind::Check, "is_closed", "Issue closed", "1",
                              "Issues in it are done: they leave the open lists and count as closed.", f.closed,
                              false, false, {}});
            fields.push_back({FormField::Kind::Check, "is_new", "New (not yet seen)", "1",
                              "Issues in it are in each project's NewIssues list, waiting for triage.", f.isNew,
                              false, false, {}});
        },
        [](app::ReferenceDataService& s, const domain::Actor& a, std::optional<unsigned> id, const Fields& f) {
            return s.saveStatus(a, id, f);
        },
        [](app::ReferenceDataService& s, const domain::Actor& a, unsigned id) { return s.removeStatus(a, id); },
    };
    return k;
}

} // namespace

void statusesIndex(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    AdminList list{"Issue statuses", kind().list + "/new", "New status", "", {"Status", "Position", "Closed", "New"}, {}};
    for (const auto& s : storage::EnumerationRepository(ctx.db).statuses()) {
        list.rows.push_back({kind().list + "/" + std::to_string(s.id) + "/edit", "status-" + std::to_string(s.id),
                             {s.fields.name, std::to_string(s.fields.position), yesNo(s.fields.closed),
                              yesNo(s.fields.isNew)}});
    }
    renderAdminList(ctx, list);
}

void statusNewForm(RequestContext& ctx) {
    adminNewForm(ctx, kind(), Fields{"", static_cast<int>(ctx.catalog.statuses.size()) + 1, false, false});
}
void statusCreate(RequestContext& ctx) { adminCreate(ctx, kind()); }
void statusEditForm(RequestContext& ctx) { adminEditForm(ctx, kind()); }
void statusUpdate(RequestContext& ctx) { adminUpdate(ctx, kind()); }
void statusDestroy(RequestContext& ctx) { adminDestroy(ctx, kind()); }

} // namespace ticketflow::web::handlers
