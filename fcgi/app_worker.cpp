// One FastCGI worker thread's application state: its DB connection and catalog copy.
#include "fcgi/app_worker.hpp"

#include "core/app/crypto.hpp"
#include "fcgi/api/api_auth.hpp"
#include "fcgi/api/json_io.hpp"
#include "fcgi/request_context.hpp"
#include "fcgi/routes.hpp"

#include <chrono>
#include <iostream>

namespace ticketflow::web {

namespace {

bool changesState(const std::string& method) {
    return method != "GET" && method != "HEAD";
}

// Prepared statements kept per connection before the cache is emptied (MariaDB limits the
// server-wide count).
constexpr std::size_t kMaxStatements = 400;

} // namespace

AppWorker::AppWorker(const app::AppConfig& config, const app::Notifier& notifier)
    : _config(config), _notifier(notifier), _db(std::make_unique<storage::Connection>(config.db)), _catalog(config.catalogSeconds) {}

storage::Connection& AppWorker::connection() {
    if (!_db) {
        _db = std::make_unique<storage::Connection>(_config.db);
        _catalog.invalidate();
    }
    _db->trimStatements(kMaxStatements);
    return *_db;
}

bool AppWorker::authenticate(RequestContext& ctx, bool ownCsrfCheck) {
    const std::string token = ctx.req.cookie(kSessionCookie);
    if (!token.empty()) {
        ctx.session = app::AuthService(ctx.db, _config.sessionHours).resolve(token, ctx.catalog);
        // A stale cookie is dropped so the browser stops sending it.
        if (!ctx.session) ctx.res.setCookie(kSessionCookie, "", ctx.cookieOptions(0));
    }
    if (!changesState(ctx.req.method) || ownCsrfCheck) return true;
    const std::string* sent = ctx.req.formValue("csrf_token");
    const std::string header = ctx.req.header("x-csrf-token");
    const std::string& given = sent ? *sent : header;
    if (!ctx.session || !app::equalSecrets(given, ctx.session->csrfToken)) {
        ctx.renderError(403,
                        "The form has expired or did not come from this site (missing or invalid CSRF token). "
                        "Reload the page and try again; nothing was changed.");
        return false;
    }
    return true;
}

void AppWorker::handle(http::Request& request, http::Response& response) {
    const auto match = routes().match(request.method, request.path);
    storage::Connection* db = nullptr;
    try {
        db = &connection();
        const auto& catalog = _catalog.get(*db, std::chrono::steady_clock::now());
        RequestContext ctx(request, response, *db, _config, catalog);
        ctx.notifier = &_notifier;
        // API clients get JSON, also for addresses that do not exist.
        const bool jsonPath = request.path.size() > 5 && request.path.ends_with(".json");
        if (jsonPath && (!match.handler || !match.handler->api)) {
            if (match.methodNotAllowed) {
                return api::respondError(ctx, 405, "This address does not accept " + request.method + " requests.");
            }
            return api::respondError(ctx, 404, "No such API resource.");
        }
        if (match.handler && match.handler->api) {
            request.params = match.params;
            if (!api::authenticate(ctx, _config.sessionHours)) return;
            if (!ctx.signedIn()) {
                return api::respondUnauthorized(ctx, "Authenticate with an API key (X-Redmine-API-Key) or HTTP Basic.");
            }
            return match.handler->handler(ctx);
        }
        if (match.handler && match.handler->ownAuth) {
            request.params = match.params;
            return match.handler->handler(ctx);
        }
        if (!match.handler) {
            authenticate(ctx, true);
            if (match.methodNotAllowed) {
                std::string allow;
                for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
                response.setHeader("Allow", allow);
                ctx.renderError(405, "This address does not accept " + request.method + " requests.");
            } else {
                ctx.renderError(404, "The page you were looking for doesn't exist or has been removed.");
            }
            return;
        }
        request.params = match.params;
        const bool apiCredentials = !request.header("x-redmine-api-key").empty() ||
                                    !request.header("authorization").empty() || request.queryValue("key");
        if (match.handler->apiKeyToo && request.cookie(kSessionCookie).empty() && apiCredentials) {
            if (!api::authenticate(ctx, _config.sessionHours)) return;
        } else if (!authenticate(ctx, match.handler->ownCsrfCheck)) {
            return;
        }
        if (match.handler->requiresLogin && !ctx.signedIn()) {
            ctx.denyAccess();
            return;
        }
        match.handler->handler(ctx);
    } catch (const storage::StorageError& e) {
        if (!e.connectionLost()) throw;
        // Reconnect on the next request; this one gets a retryable answer.
        _db.reset();
        std::cerr << "ticketflow-fcgi: database connection lost: " << e.what() << "\n";
        response = http::Response();
        response.setHeader("Retry-After", "5");
        renderError(503, "The database is unavailable right now. Please try again in a moment.", response);
    }
}

void AppWorker::renderError(int status, const std::string& message, http::Response& response) {
    View::respondError(response, status, message, LayoutInfo{});
}

} // namespace ticketflow::web
