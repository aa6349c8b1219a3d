// The new / create / edit / update / delete handlers every kind of reference record shares
// (trackers, statuses, priorities, roles): each kind says how to read, post, draw and save it.
#pragma once
#include "fcgi/handlers/admin_form.hpp"

#include "core/storage/enumeration_repository.hpp"

#include <functional>

namespace ticketflow::web::handlers {

template <class Fields>
struct AdminKind {
    std::string list;  ///< the list's URL, e.g. "/trackers"; records live at list + "/:id"
    const char* what;  ///< "tracker", for messages
    const char* title; ///< "Tracker", for headings
    const char* back;  ///< the list's name, for the breadcrumb
    std::function<std::optional<storage::Record<Fields>>(storage::EnumerationRepository&, unsigned)> find;
    std::function<Fields(const http::Request&)> posted;
    /// The kind's own fields (name and position come first, from the shell).
    std::function<void(RequestContext&, const Fields&, std::vector<FormField>&)> fields;
    std::function<app::AdminResult(app::ReferenceDataService&, const domain::Actor&, std::optional<unsigned>,
                                   const Fields&)>
        save;
    std::function<app::AdminResult(app::ReferenceDataService&, const domain::Actor&, unsigned)> remove;
};

/// The form of a record (`id`) or a new one, with name and position first.
template <class Fields>
AdminForm adminFormOf(RequestContext& ctx, const AdminKind<Fields>& kind, std::optional<unsigned> id,
                      const Fields& f) {
    AdminForm form;
    form.title = id ? std::string(kind.title) + " " + f.name : "New " + std::string(kind.what);
    form.heading = form.title;
    form.action = id ? kind.list + "/" + std::to_string(*id) : kind.list;
    form.backHref = kind.list;
    form.backText = kind.back;
    if (id) form.deleteAction = kind.list + "/" + std::to_string(*id) + "/delete";
    form.fields.push_back({FormField::Kind::Text, "name", "Name", f.name, "", false, false, true, {}});
    form.fields.push_back({FormField::Kind::Number, "position", "Position", std::to_string(std::max(f.position, 0)),
                           "Lists show them in ascending position.", false, false, false, {}});
    kind.fields(ctx, f, form.fields);
    return form;
}

template <class Fields>
void adminNewForm(RequestContext& ctx, const AdminKind<Fields>& kind, Fields defaults) {
    if (!requireAdmin(ctx)) return;
    renderAdminForm(ctx, adminFormOf(ctx, kind, std::nullopt, defaults), {});
}

template <class Fields>
void adminCreate(RequestContext& ctx, const AdminKind<Fields>& kind) {
    if (!requireAdmin(ctx)) return;
    const Fields f = kind.posted(ctx.req);
    app::ReferenceDataService service(ctx.db);
    finishSave(ctx, kind.save(service, ctx.actor(), std::nullopt, f), kind.list,
               adminFormOf(ctx, kind, std::nullopt, f));
}

template <class Fields>
void adminEditForm(RequestContext& ctx, const AdminKind<Fields>& kind) {
    if (!requireAdmin(ctx)) return;
    storage::EnumerationRepository repo(ctx.db);
    const auto record = recordOfUrl(ctx, [&](unsigned id) { return kind.find(repo, id); }, kind.what);
    if (record) renderAdminForm(ctx, adminFormOf(ctx, kind, record->id, record->fields), {});
}

template <class Fields>
void adminUpdate(RequestContext& ctx, const AdminKind<Fields>& kind) {
    if (!requireAdmin(ctx)) return;
    const unsigned id = idOfUrl(ctx);
    const Fields f = kind.posted(ctx.req);
    app::ReferenceDataService service(ctx.db);
    finishSave(ctx, kind.save(service, ctx.actor(), id, f), kind.list, adminFormOf(ctx, kind, id, f));
}

template <class Fields>
void adminDestroy(RequestContext& ctx, const AdminKind<Fields>& kind) {
    if (!requireAdmin(ctx)) return;
    app::ReferenceDataService service(ctx.db);
    finishRemove(ctx, kind.remove(service, ctx.actor(), idOfUrl(ctx)), kind.list);
}

} // namespace ticketflow::web::handlers
