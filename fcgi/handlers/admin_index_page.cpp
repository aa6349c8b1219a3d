// /admin (admins): the way to every administration page.
#include "fcgi/handlers/admin_form.hpp"
#include "fcgi/handlers/admin_handlers.hpp"

namespace ticketflow::web::handlers {

void adminIndex(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    ctemplate::TemplateDictionary dict("admin");
    dict.SetIntValue("PROJECTS", static_cast<long>(ctx.catalog.projects.size()));
    dict.SetIntValue("ROLES", static_cast<long>(ctx.catalog.roles.size()));
    dict.SetIntValue("TRACKERS", static_cast<long>(ctx.catalog.trackers.size()));
    dict.SetIntValue("STATUSES", static_cast<long>(ctx.catalog.statuses.size()));
    dict.SetIntValue("PRIORITIES", static_cast<long>(ctx.catalog.priorities.size()));
    dict.SetIntValue("CATALOG_SECONDS", ctx.config.catalogSeconds);
    ctx.renderPage("admin.tpl", dict, "Administration");
}

} // namespace ticketflow::web::handlers
