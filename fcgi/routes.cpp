// The route table: every URL the application answers, with its access rules.
// URLs follow Redmine's so that links and habits carry over.
#include "fcgi/routes.hpp"

#include "fcgi/api/api_handlers.hpp"
#include "fcgi/handlers/admin_handlers.hpp"
#include "fcgi/handlers/customer_handlers.hpp"
#include "fcgi/handlers/handlers.hpp"
#include "fcgi/handlers/milestone_handlers.hpp"
#include "fcgi/handlers/query_handlers.hpp"
#include "fcgi/handlers/reports_auth.hpp"

namespace ticketflow::web {

namespace {

http::Router<Route> build() {
    http::Router<Route> r;
    r.add("GET", "/healthz", {handlers::healthCheck, false});
    r.add("GET", "/login", {handlers::loginForm, false, true});
    r.add("POST", "/login", {handlers::loginSubmit, false, true});
    r.add("POST", "/logout", {handlers::logout, false, false});
    r.add("GET", "/", {handlers::dashboard});
    r.add("GET", "/my/page", {handlers::dashboard});
    r.add("GET", "/my/account", {handlers::myAccount});
    r.add("GET", "/users", {handlers::usersIndex});
    r.add("GET", "/users/new", {handlers::userNew});
    r.add("POST", "/users", {handlers::userCreate});
    r.add("GET", "/users/:id/edit", {handlers::userEdit});
    r.add("POST", "/users/:id", {handlers::userUpdate});
    r.add("POST", "/users/:id/memberships", {handlers::membershipAdd});
    r.add("POST", "/users/:id/memberships/delete", {handlers::membershipRemove});
    r.add("GET", "/admin", {handlers::adminIndex});
    r.add("GET", "/admin/projects", {handlers::adminProjects});
    r.add("GET", "/projects/new", {handlers::projectNewForm});
    r.add("POST", "/projects", {handlers::projectCreate});
    r.add("GET", "/projects/:identifier/settings", {handlers::projectSettings});
    r.add("POST", "/projects/:identifier/settings", {handlers::projectUpdate});
    const auto crud = [&r](const std::string& base, HandlerFn index, HandlerFn newForm, HandlerFn create,
                           HandlerFn edit, HandlerFn update, HandlerFn destroy) {
        r.add("GET", base, {index});
        r.add("GET", base + "/new", {newForm});
        r.add("POST", base, {create});
        r.add("GET", base + "/:id/edit", {edit});
        r.add("POST", base + "/:id", {update});
        r.add("POST", base + "/:id/delete", {destroy});
    };
    crud("/trackers", handlers::trackersIndex, handlers::trackerNewForm, handlers::trackerCreate,
         handlers::trackerEditForm, handlers::trackerUpdate, handlers::trackerDestroy);
    crud("/issue_statuses", handlers::statusesIndex, handlers::statusNewForm, handlers::statusCreate,
         handlers::statusEditForm, handlers::statusUpdate, handlers::statusDestroy);
    crud("/enumerations", handlers::prioritiesIndex, handlers::priorityNewForm, handlers::priorityCreate,
         handlers::priorityEditForm, handlers::priorityUpdate, handlers::priorityDestroy);
    crud("/roles", handlers::rolesIndex, handlers::roleNewForm, handlers::roleCreate, handlers::roleEditForm,
         handlers::roleUpdate, handlers::roleDestroy);
    r.add("GET", "/admin/mail", {handlers::adminMailQueue});
    r.add("GET", "/admin/mail/:id", {handlers::adminMailShow});
    r.add("GET", "/admin/mail/:id/raw", {handlers::adminMailRaw});
    r.add("POST", "/admin/mail/:id/release", {handlers::adminMailRelease});
    r.add("POST", "/admin/mail/:id/retry", {handlers::adminMailRetry});
    r.add("GET", "/admin/outbox", {handlers::adminOutbox});
    r.add("GET", "/admin/outbox/:id/raw", {handlers::adminOutboxRaw});
    r.add("POST", "/admin/outbox/:id/retry", {handlers::adminOutboxRetry});
    r.add("GET", "/workflows/edit", {handlers::workflowEdit});
    r.add("POST", "/workflows/edit", {handlers::workflowSave});
    r.add("GET", "/my/api_key", {handlers::myApiKey});
    r.add("POST", "/my/api_key", {handlers::myApiKeyReset});
    r.add("GET", "/issues", {handlers::issueList});
    r.add("GET", "/projects/:identifier/issues", {handlers::issueList});
    r.add("GET", "/issues.csv", {handlers::issueListCsv});
    r.add("GET", "/projects/:identifier/issues.csv", {handlers::issueListCsv});
    r.add("GET", "/queries/new", {handlers::queryNewForm});
    r.add("POST", "/queries", {handlers::queryCreate});
    r.add("POST", "/queries/:id/delete", {handlers::queryDestroy});
    r.add("GET", "/search", {handlers::searchPage});
    r.add("GET", "/search.csv", {handlers::searchCsv});
    r.add("GET", "/projects/:identifier/search", {handlers::searchPage});
    r.add("GET", "/issues/new", {handlers::issueNewForm});
    r.add("GET", "/projects/:identifier/issues/new", {handlers::issueNewForm});
    r.add("POST", "/issues", {handlers::issueCreate});
    r.add("POST", "/projects/:identifier/issues", {handlers::issueCreate});
    r.add("GET", "/issues/:id", {handlers::issueShow});
    r.add("POST", "/issues/:id", {handlers::issueUpdate});
    r.add("PUT", "/issues/:id", {handlers::issueUpdate});
    r.add("PATCH", "/issues/:id", {handlers::issueUpdate});
    r.add("POST", "/issues/:id/copy", {handlers::issueCopy});
    r.add("POST", "/issues/:id/secret_link", {handlers::issueSecretLink});
    r.add("POST", "/issues/:id/relations", {handlers::relationAdd});
    r.add("POST", "/relations/:id/delete", {handlers::relationRemove});
    r.add("POST", "/issues/:id/watchers", {handlers::watcherAdd});
    r.add("POST", "/issues/:id/watchers/:user_id/delete", {handlers::watcherRemove});
    r.add("GET", "/projects/:identifier/roadmap", {handlers::roadmap});
    r.add("GET", "/projects/:identifier/versions", {handlers::roadmap});
    r.add("GET", "/projects/:identifier/versions/new", {handlers::milestoneNewForm});
    r.add("POST", "/projects/:identifier/versions", {handlers::milestoneCreate});
    r.add("GET", "/versions/:id", {handlers::milestoneShow});
    r.add("GET", "/versions/:id/edit", {handlers::milestoneEditForm});
    r.add("POST", "/versions/:id", {handlers::milestoneUpdate});
    r.add("POST", "/versions/:id/delete", {handlers::milestoneDestroy});
    r.add("GET", "/customers", {handlers::customerList});
    r.add("GET", "/customers/:id", {handlers::customerShow});
    r.add("GET", "/customers/:id/edit", {handlers::customerEditForm});
    r.add("POST", "/customers/:id", {handlers::customerUpdate});
    r.add("POST", "/customers/:id/merge", {handlers::customerMerge});
    r.add("GET", "/attachments/:id", {handlers::attachmentShow});
    r.add("GET", "/attachments/download/:id", {handlers::attachmentDownload, true, false, false, true});
    r.add("GET", "/attachments/download/:id/:filename", {handlers::attachmentDownload, true, false, false, true});

    // The customer's secret page: the link's token is its own authentication (and the reply
    // form its own CSRF check), so no session is needed.
    r.add("GET", "/t/:token", {handlers::secretLinkOpen, false});
    r.add("GET", "/t/issues/:id", {handlers::secretIssueShow, false});
    r.add("POST", "/t/issues/:id", {handlers::secretIssueReply, false, true});
    r.add("GET", "/t/issues/:id/files/:attachment_id/:filename", {handlers::secretAttachment, false});
    // Version-control hooks (scripts/hooks/): authenticated by the repository's secret.
    r.add("POST", "/scm/commit", {.handler = handlers::scmCommit, .requiresLogin = false, .ownAuth = true});
    // nginx's auth_request for the static reports: answers 401 itself instead of the login redirect.
    r.add("GET", "/reports-auth", {.handler = handlers::reportsAuth, .requiresLogin = false});

    // The REST API, at Redmine's URLs.
    const auto json = [&r](const char* method, const char* pattern, HandlerFn fn) {
        r.add(method, pattern, {fn, true, false, true});
    };
    json("GET", "/issues.json", api::issuesIndex);
    json("GET", "/projects/:identifier/issues.json", api::issuesIndex);
    json("POST", "/issues.json", api::issueCreate);
    json("POST", "/projects/:identifier/issues.json", api::issueCreate);
    json("GET", "/issues/:id.json", api::issueShow);
    json("PUT", "/issues/:id.json", api::issueUpdate);
    json("PATCH", "/issues/:id.json", api::issueUpdate);
    json("DELETE", "/issues/:id.json", api::issueDestroy);
    json("POST", "/issues/:id/copy.json", api::issueCopy);
    json("POST", "/issues/:id/watchers.json", api::watcherCreate);
    json("DELETE", "/issues/:id/watchers/:user_id.json", api::watcherDestroy);
    json("POST", "/uploads.json", api::uploadCreate);
    json("GET", "/issues/:id/relations.json", api::relationsIndex);
    json("POST", "/issues/:id/relations.json", api::relationCreate);
    json("GET", "/relations/:id.json", api::relationShow);
    json("DELETE", "/relations/:id.json", api::relationDestroy);
    json("GET", "/projects.json", api::projectsIndex);
    json("GET", "/projects/:project.json", api::projectShow);
    json("GET", "/trackers.json", api::trackersIndex);
    json("GET", "/issue_statuses.json", api::statusesIndex);
    json("GET", "/enumerations/issue_priorities.json", api::prioritiesIndex);
    json("GET", "/projects/:project/versions.json", api::versionsIndex);
    json("GET", "/versions/:id.json", api::versionShow);
    json("POST", "/projects/:project/versions.json", api::versionCreate);
    json("PUT", "/versions/:id.json", api::versionUpdate);
    json("DELETE", "/versions/:id.json", api::versionDestroy);
    json("GET", "/users.json", api::usersIndex);
    json("GET", "/users/current.json", api::userCurrent);
    json("GET", "/users/:id.json", api::userShow);
    json("GET", "/queries.json", api::queriesIndex);
    return r;
}

} // namespace

const http::Router<Route>& routes() {
    static const http::Router<Route> table = build();
    return table;
}

} // namespace ticketflow::web
