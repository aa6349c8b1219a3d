// GET /reports-auth: nginx's auth_request subrequest for the static reports under /reports/.
#include "core/domain/report_access.hpp"
#include "fcgi/handlers/reports_auth.hpp"

namespace ticketflow::web::handlers {

void reportsAuth(RequestContext& ctx) {
    // auth_request only reads the status: 2xx lets the report through, 401/403 are passed on
    // to the browser, anything else becomes a 500. So no redirect to /login here.
    ctx.res.setHeader("Cache-Control", "no-store");
    switch (domain::reportAccess(ctx.actor())) {
    case domain::ReportAccess::Allowed:
        ctx.res.status = 204;
        break;
    case domain::ReportAccess::SignInFirst:
        ctx.res.status = 401;
        break;
    case domain::ReportAccess::Forbidden:
        ctx.res.status = 403;
        break;
    }
}

} // namespace ticketflow::web::handlers
