// The route table: every URL the application answers, with its access rules.
// URLs follow Redmine's so that links and habits carry over.
#include "fcgi/routes.hpp"

#include "fcgi/handlers/handlers.hpp"

namespace ticketflow::web {

namespace {

http::Router<Route> build() {
    http::Router<Route> r;
    r.add("GET", "/login", {handlers::loginForm, false, true});
    r.add("POST", "/login", {handlers::loginSubmit, false, true});
    r.add("POST", "/logout", {handlers::logout, false, false});
    r.add("GET", "/", {handlers::dashboard});
    r.add("GET", "/my/page", {handlers::dashboard});
    r.add("GET", "/issues", {handlers::issueList});
    r.add("GET", "/projects/:identifier/issues", {handlers::issueList});
    r.add("GET", "/issues/new", {handlers::issueNewForm});
    r.add("GET", "/projects/:identifier/issues/new", {handlers::issueNewForm});
    r.add("POST", "/issues", {handlers::issueCreate});
    r.add("POST", "/projects/:identifier/issues", {handlers::issueCreate});
    r.add("GET", "/issues/:id", {handlers::issueShow});
    r.add("POST", "/issues/:id", {handlers::issueUpdate});
    r.add("PUT", "/issues/:id", {handlers::issueUpdate});
    r.add("PATCH", "/issues/:id", {handlers::issueUpdate});
    return r;
}

} // namespace

const http::Router<Route>& routes() {
    static const http::Router<Route> table = build();
    return table;
}

} // namespace ticketflow::web
