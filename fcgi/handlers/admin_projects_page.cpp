// /admin/projects, /projects/new, /projects/:identifier/settings (admins): projects, their
// trackers and mail addresses.
#include "fcgi/handlers/admin_form.hpp"
#include "fcgi/handlers/admin_handlers.hpp"

#include "core/storage/project_admin_repository.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

const std::string kList = "/admin/projects";

domain::ProjectFields posted(const http::Request& req) {
    domain::ProjectFields f;
    f.identifier = postedText(req, "identifier");
    f.name = postedText(req, "name");
    if (const auto* v = req.formValue("description")) f.description = *v;
    f.customerFacing = postedTick(req, "customer_facing");
    f.supportAddress = postedText(req, "support_address");
    f.catchallAddress = postedText(req, "catchall_address");
    f.position = postedNumber(req, "position");
    for (const auto& v : req.formValues("tracker_ids")) {
        // An id that is not one becomes 0, which the use case refuses as an unknown tracker.
        f.trackerIds.push_back(parseId(v).value_or(0));
    }
    return f;
}

AdminForm formFor(RequestContext& ctx, std::optional<unsigned> id, const domain::ProjectFields& f) {
    AdminForm form;
    form.title = id ? "Settings of " + f.name : "New project";
    form.heading = form.title;
    form.action = id ? "/projects/" + f.identifier + "/settings" : "/projects";
    form.backHref = kList;
    form.backText = "Projects";
    using K = FormField::Kind;
    form.fields.push_back({K::Text, "name", "Name", f.name, "", false, false, true, {}});
    form.fields.push_back({K::Text, "identifier", "Identifier", f.identifier,
                           id ? "Part of every address of the project; it cannot change."
                              : "Lower-case letters, digits, - and _, starting with a letter; used in the addresses.",
                           false, id.has_value(), true, {}});
    form.fields.push_back({K::TextArea, "description", "Description", f.description, "", false, false, false, {}});
    form.fields.push_back({K::Check, "customer_facing", "Customer-facing", "1",
                           "Customers report issues here (by mail, the web form or their login).", f.customerFacing,
                           false, false, {}});
    form.fields.push_back({K::Text, "support_address", "Support address", f.supportAddress,
                           "Mail to this address becomes issues of the project.", false, false, false, {}});
    form.fields.push_back({K::Text, "catchall_address", "Catch-all address", f.catchallAddress,
                           "Replies and stray mail that belong to no issue land here.", false, false, false, {}});
    form.fields.push_back({K::Number, "position", "Position", std::to_string(std::max(f.position, 0)), "", false,
                           false, false, {}});
    FormField trackers{K::Checks, "tracker_ids", "Trackers", "", "", false, false, false, {}};
    for (const auto& t : ctx.catalog.trackers) {
        const bool on = std::find(f.trackerIds.begin(), f.trackerIds.end(), t.id) != f.trackerIds.end();
        trackers.choices.push_back({std::to_string(t.id), t.name, on});
    }
    form.fields.push_back(std::move(trackers));
    return form;
}

/// The project of the URL's :identifier, read fresh for its settings; 404 page otherwise.
std::optional<storage::ProjectRecord> projectOfUrl(RequestContext& ctx) {
    const domain::Project* p = ctx.catalog.projectByRef(ctx.req.params["identifier"]);
    auto record = p ? storage::ProjectAdminRepository(ctx.db).find(p->id) : std::nullopt;
    if (!record) ctx.renderError(404, "No such project.");
    return record;
}

} // namespace

void adminProjects(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    AdminList list{"Projects", "/projects/new", "New project", "",
                   {"Project", "Identifier", "Customer-facing", "Trackers", "Support address"}, {}};
    for (const auto& p : storage::ProjectAdminRepository(ctx.db).list()) {
        std::string trackers;
        if (const auto* cached = ctx.catalog.project(p.id)) {
            for (unsigned t : cached->trackerIds) trackers += (trackers.empty() ? "" : ", ") + ctx.catalog.trackerName(t);
        }
        list.rows.push_back({"/projects/" + p.fields.identifier + "/settings", "project-" + std::to_string(p.id),
                             {p.fields.name, p.fields.identifier, yesNo(p.fields.customerFacing), trackers,
                              p.fields.supportAddress}});
    }
    renderAdminList(ctx, list);
}

void projectNewForm(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    domain::ProjectFields f;
    f.position = static_cast<int>(ctx.catalog.projects.size()) + 1;
    renderAdminForm(ctx, formFor(ctx, std::nullopt, f), {});
}

void projectCreate(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const auto f = posted(ctx.req);
    finishSave(ctx, app::ReferenceDataService(ctx.db).saveProject(ctx.actor(), std::nullopt, f), kList,
               formFor(ctx, std::nullopt, f));
}

void projectSettings(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    if (const auto p = projectOfUrl(ctx)) renderAdminForm(ctx, formFor(ctx, p->id, p->fields), {});
}

void projectUpdate(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const auto p = projectOfUrl(ctx);
    if (!p) return;
    auto f = posted(ctx.req);
    f.identifier = p->fields.identifier;
    finishSave(ctx, app::ReferenceDataService(ctx.db).saveProject(ctx.actor(), p->id, f), kList,
               formFor(ctx, p->id, f));
}

} // namespace ticketflow::web::handlers
