// The route table: every URL the application answers, with its access rules.
#pragma once
#include "fcgi/http/router.hpp"
#include "fcgi/request_context.hpp"

namespace ticketflow::web {

using HandlerFn = void (*)(RequestContext&);

struct Route {
    HandlerFn handler = nullptr;
    bool requiresLogin = true;
    /// The sign-in form checks its own pre-session token; everything else that changes
    /// state must carry the session's CSRF token.
    bool ownCsrfCheck = false;
    /// REST API (.json): API key / Basic / session authentication, JSON errors (api/api_auth).
    bool api = false;
    /// A page that REST clients fetch too (attachment downloads, Redmine's content_url): an
    /// API key or HTTP Basic is accepted when no session cookie is sent.
    bool apiKeyToo = false;
    /// A machine endpoint that checks its caller's credential itself (POST /scm/commit: the
    /// repository's secret): no session is read and no CSRF token asked for, so neither a
    /// browser's cookies nor their absence matter there. Answers JSON.
    bool ownAuth = false;
};

/// Builds the table once; shared read-only by all worker threads.
const http::Router<Route>& routes();

} // namespace ticketflow::web
