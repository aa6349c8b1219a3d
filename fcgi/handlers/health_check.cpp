// GET /healthz for load balancers: 200 when this worker can reach the database, else 503 (the
// worker answers a lost database with 503 and Retry-After itself).
#include "fcgi/handlers/handlers.hpp"

namespace ticketflow::web::handlers {

void healthCheck(RequestContext& ctx) {
    ctx.db.ping();
    ctx.res.status = 200;
    ctx.res.setHeader("Content-Type", "text/plain; charset=utf-8");
    ctx.res.setHeader("Cache-Control", "no-store");
    ctx.res.body = "ok\n";
}

} // namespace ticketflow::web::handlers
