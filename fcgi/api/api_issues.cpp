// /issues.json, /projects/:id/issues.json, /issues/:id.json: Redmine's issue API.
#include "fcgi/api/api_handlers.hpp"
#include "fcgi/outcome_status.hpp"

#include "core/app/copy_service.hpp"
#include "core/app/issue_service.hpp"
#include "core/app/watcher_service.hpp"
#include "core/domain/copy_mapping.hpp"
#include "core/domain/issue_access.hpp"
#include "core/domain/issue_query.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/api/api_project.hpp"
#include "fcgi/api/json_views.hpp"
#include "fcgi/handlers/issue_views.hpp"

#include <algorithm>
#include <set>
#include <sstream>

namespace ticketflow::web::api {

namespace {

const char* const kNoIssue = "The issue does not exist or you may not see it.";

/// Redmine's offset and limit: limit 1..100 (default 25, larger values capped), offset or
/// page; anything unreadable falls back to the default, as in Redmine.
struct Paging {
    unsigned offset = 0, limit = domain::kDefaultIssueLimit;
};

long leadingNumber(const std::string* text) {
    if (!text) return -1;
    long n = 0;
    std::size_t i = 0;
    for (; i < text->size() && i < 9 && std::isdigit(static_cast<unsigned char>((*text)[i])); ++i) {
        n = n * 10 + ((*text)[i] - '0');
    }
    return i == 0 ? -1 : n;
}

Paging paging(const http::Request& req) {
    Paging p;
    const long limit = leadingNumber(req.queryValue("limit"));
    if (limit >= 1) p.limit = static_cast<unsigned>(std::min<long>(limit, domain::kMaxIssueLimit));
    const long offset = leadingNumber(req.queryValue("offset"));
    const long page = leadingNumber(req.queryValue("page"));
    if (offset >= 0) {
        p.offset = static_cast<unsigned>(offset);
    } else if (page >= 1) {
        p.offset = static_cast<unsigned>((page - 1) * p.limit);
    }
    return p;
}

/// project_id in the URL (/projects/:identifier/issues.json) or the query: id or identifier.
const domain::Project* projectFrom(RequestContext& ctx, bool& given) {
    std::string ref;
    if (ctx.req.params.count("identifier")) ref = ctx.req.params.at("identifier");
    else if (const std::string* p = ctx.req.queryValue("project_id")) ref = *p;
    given = !ref.empty();
    return given ? ctx.catalog.projectByRef(ref) : nullptr;
}

std::set<std::string> includes(const http::Request& req) {
    std::set<std::string> out;
    const std::string* list = req.queryValue("include");
    if (!list) return out;
    std::stringstream in(*list);
    std::string item;
    while (std::getline(in, item, ',')) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) out.insert(item);
    }
    return out;
}

int statusFor(app::Outcome outcome) {
    // Redmine answers a stale lock_version with 422, not the pages' 409.
    return outcome == app::Outcome::Conflict ? 422 : httpStatus(outcome);
}

/// Redmine's "uploads": [{"token": "7.ab12…", "filename": …}] (only the token is used).
std::vector<std::string> uploadTokens(const nlohmann::json& body, std::vector<std::string>& errors) {
    std::vector<std::string> tokens;
    const auto it = body.find("uploads");
    if (it == body.end() || it->is_null()) return tokens;
    if (!it->is_array() || it->size() > 100) {
        errors.push_back("uploads must be an array of {\"token\": …} objects.");
        return tokens;
    }
    for (const auto& u : *it) {
        const auto token = u.is_object() ? u.find("token") : u.end();
        if (!u.is_object() || token == u.end() || !token->is_string()) {
            errors.push_back("Every entry of uploads needs a token.");
            return {};
        }
        tokens.push_back(token->get<std::string>());
    }
    return tokens;
}

std::optional<unsigned> routeId(RequestContext& ctx) {
    const auto it = ctx.req.params.find("id");
    return it == ctx.req.params.end() ? std::nullopt : parseId(it->second);
}

} // namespace

void issuesIndex(RequestContext& ctx) {
    const auto& actor = ctx.actor();
    bool projectGiven = false;
    const domain::Project* project = projectFrom(ctx, projectGiven);
    if (projectGiven && !project) return respondError(ctx, 404, "No such project.");
    const auto visibility = handlers::visibilityFor(actor, ctx.catalog);
    if (project && std::find(visibility.projectIds.begin(), visibility.projectIds.end(), project->id) ==
                       visibility.projectIds.end()) {
        return respondError(ctx, 403, "You may not see the issues of this project.");
    }
    // Paging is Redmine's (offset/limit, lenient); the filters are the pages' own parser.
    std::multimap<std::string, std::string> params;
    for (const auto& [k, v] : ctx.req.query) {
        if (k != "limit" && k != "offset" && k != "page" && k != "key" && k != "project_id") params.emplace(k, v);
    }
    auto parsed = domain::parseIssueQuery(params, actor.userId);
    if (!parsed.ok()) return respondErrors(ctx, 422, parsed.errors);
    auto& q = parsed.query;
    const Paging p = paging(ctx.req);
    q.limit = p.limit;
    if (project) q.projectId = project->id;

    const auto page = storage::IssueRepository(ctx.db).listAt(q, handlers::statusIdsFor(q, ctx.catalog), visibility,
                                                              p.offset);
    Json issues = Json::array();
    for (const auto& issue : page.issues) issues.push_back(issueJson(issue, ctx.catalog, actor));
    Json body;
    body["issues"] = std::move(issues);
    body["total_count"] = page.total;
    body["offset"] = p.offset;
    body["limit"] = p.limit;
    respondJson(ctx, 200, body);
}

void issueShow(RequestContext& ctx) {
    const auto& actor = ctx.actor();
    const auto id = routeId(ctx);
    auto found = id ? storage::IssueRepository(ctx.db).findWithHistory(*id) : std::nullopt;
    if (!found || !domain::canViewIssue(actor, found->issue.ref())) return respondError(ctx, 404, kNoIssue);
    const auto& issue = found->issue;
    Json j = issueJson(issue, ctx.catalog, actor);
    const auto wanted = includes(ctx.req);
    if (wanted.count("journals")) {
        const bool privateToo = domain::canViewPrivateNotes(actor, issue.projectId);
        Json journals = Json::array();
        for (const auto& journal : found->journals) {
            if (journal.privateNotes && !privateToo) continue;
            journals.push_back(journalJson(journal, ctx.catalog));
        }
        j["journals"] = std::move(journals);
    }
    if (wanted.count("attachments")) j["attachments"] = attachmentsJson(ctx, issue);
    if (wanted.count("relations")) j["relations"] = visibleRelationsJson(ctx, issue.id);
    if (wanted.count("watchers") && actor.staff) {
        Json watchers = Json::array();
        for (unsigned id : issue.watcherIds) watchers.push_back(named(id, ctx.catalog.userName(id)));
        j["watchers"] = std::move(watchers);
    }
    if (wanted.count("allowed_statuses")) {
        Json statuses = Json::array();
        if (actor.allowedTo(domain::Permission::EditIssues, issue.projectId)) {
            for (unsigned statusId : ctx.catalog.workflow.allowedTargets(actor, issue.ref())) {
                if (const domain::Status* s = ctx.catalog.status(statusId)) statuses.push_back(statusJson(*s));
            }
        }
        j["allowed_statuses"] = std::move(statuses);
    }
    respondJson(ctx, 200, Json{{"issue", std::move(j)}});
}

void issueCreate(RequestContext& ctx) {
    const auto body = readBody(ctx, "issue");
    if (!body) return;
    std::vector<std::string> errors;
    domain::IssueDraft draft;
    draft.source = "api";
    const domain::Project* project = ctx.req.params.count("identifier")
                                         ? ctx.catalog.projectByIdentifier(ctx.req.params.at("identifier"))
                                         : bodyProject(ctx, *body, errors);
    if (!project) return respondError(ctx, 422, "Project is invalid: give project_id as an id or identifier.");
    draft.projectId = project->id;
    draft.trackerId = idField(*body, "tracker_id", errors).value.value_or(
        project->trackerIds.empty() ? 0 : project->trackerIds.front());
    draft.priorityId = idField(*body, "priority_id", errors).value.value_or(0);
    draft.assigneeId = idField(*body, "assigned_to_id", errors).value;
    draft.milestoneId = idField(*body, "fixed_version_id", errors).value;
    draft.subject = textField(*body, "subject", errors).value_or("");
    draft.description = textField(*body, "description", errors).value_or("");
    const auto tokens = uploadTokens(*body, errors);
    if (!errors.empty()) return respondErrors(ctx, 422, errors);

    const auto result = app::IssueService(ctx.db, ctx.catalog, nullptr, ctx.notifier).create(ctx.actor(), draft, {}, tokens);
    if (result.outcome != app::Outcome::Ok) return respondErrors(ctx, statusFor(result.outcome), result.errors);
    const auto issue = storage::IssueRepository(ctx.db).find(result.issueId);
    ctx.res.setHeader("Location", ctx.config.baseUrl + "/issues/" + std::to_string(result.issueId));
    respondJson(ctx, 201, Json{{"issue", issueJson(*issue, ctx.catalog, ctx.actor())}});
}

void issueUpdate(RequestContext& ctx) {
    const auto id = routeId(ctx);
    storage::IssueRepository issues(ctx.db);
    const auto issue = id ? issues.find(*id) : std::nullopt;
    if (!issue || !domain::canViewIssue(ctx.actor(), issue->ref())) return respondError(ctx, 404, kNoIssue);
    const auto body = readBody(ctx, "issue");
    if (!body) return;

    std::vector<std::string> errors;
    app::IssueEdit edit;
    const auto lock = countField(*body, "lock_version", errors);
    if (const auto tracker = idField(*body, "tracker_id", errors); tracker.value) edit.trackerId = tracker.value;
    if (const auto status = idField(*body, "status_id", errors); status.value) edit.statusId = status.value;
    if (const auto priority = idField(*body, "priority_id", errors); priority.value) edit.priorityId = priority.value;
    if (const auto assignee = idField(*body, "assigned_to_id", errors); assignee.present || body->contains("assigned_to_id")) {
        edit.assigneeId = app::IdChange::to(assignee.value);
    }
    if (const auto milestone = idField(*body, "fixed_version_id", errors);
        milestone.present || body->contains("fixed_version_id")) {
        edit.milestoneId = app::IdChange::to(milestone.value);
    }
    if (const auto it = body->find("triage_checklist"); it != body->end()) {
        // ticketflow's own field: the ticked checklist item keys (core/domain/triage).
        std::vector<std::string> keys;
        if (it->is_array() && std::all_of(it->begin(), it->end(), [](const auto& k) { return k.is_string(); })) {
            for (const auto& k : *it) keys.push_back(k.template get<std::string>());
            edit.triageChecklist = std::move(keys);
        } else {
            errors.push_back("triage_checklist must be an array of item names.");
        }
    }
    edit.subject = textField(*body, "subject", errors);
    edit.description = textField(*body, "description", errors);
    edit.note = textField(*body, "notes", errors).value_or("");
    edit.privateNote = boolField(*body, "private_notes", errors).value_or(false);
    edit.uploadTokens = uploadTokens(*body, errors);
    if (!errors.empty()) return respondErrors(ctx, 422, errors);

    app::IssueService service(ctx.db, ctx.catalog, nullptr, ctx.notifier);
    // Without lock_version the change applies to the issue as it is now (Redmine's behaviour).
    if (lock.present) edit.lockVersion = lock.value.value_or(0);
    const auto result = service.update(ctx.actor(), issue->id, edit);
    if (result.unchanged) return respondNoContent(ctx); // Redmine accepts an update that changes nothing
    if (result.outcome != app::Outcome::Ok) return respondErrors(ctx, statusFor(result.outcome), result.errors);
    respondNoContent(ctx);
}

void issueDestroy(RequestContext& ctx) {
    const auto id = routeId(ctx);
    if (!id) return respondError(ctx, 404, kNoIssue);
    switch (app::IssueService(ctx.db, ctx.catalog).destroy(ctx.actor(), *id)) {
        case app::Outcome::Ok:
            return respondNoContent(ctx);
        case app::Outcome::Forbidden:
            return respondError(ctx, 403, "You may not delete issues in this project.");
        case app::Outcome::Conflict:
            return respondError(ctx, 422, "The issue changed while it was being deleted; try again.");
        default:
            return respondError(ctx, 404, kNoIssue);
    }
}

void issueCopy(RequestContext& ctx) {
    const auto id = routeId(ctx);
    const auto source = id ? storage::IssueRepository(ctx.db).find(*id) : std::nullopt;
    if (!source || !domain::canViewIssue(ctx.actor(), source->ref())) return respondError(ctx, 404, kNoIssue);
    const auto body = readBody(ctx, "copy");
    if (!body) return;
    std::vector<std::string> errors;
    const domain::Project* target = bodyProject(ctx, *body, errors);
    const auto tracker = idField(*body, "tracker_id", errors);
    if (!errors.empty()) return respondErrors(ctx, 422, errors);
    if (!target) return respondError(ctx, 422, "Project is invalid: give project_id as an id or identifier.");
    const unsigned trackerId =
        tracker.value.value_or(domain::suggestedCopyTracker(ctx.catalog, source->trackerId, target->id).value_or(0));
    const auto result = app::CopyService(ctx.db, ctx.catalog, ctx.notifier).copy(ctx.actor(), source->id, target->id, trackerId);
    if (result.outcome != app::Outcome::Ok) return respondErrors(ctx, statusFor(result.outcome), result.errors);
    const auto copy = storage::IssueRepository(ctx.db).find(result.issueId);
    ctx.res.setHeader("Location", ctx.config.baseUrl + "/issues/" + std::to_string(result.issueId));
    respondJson(ctx, 201, Json{{"issue", issueJson(*copy, ctx.catalog, ctx.actor())}});
}

void watcherCreate(RequestContext& ctx) {
    const auto id = routeId(ctx);
    const auto body = readJsonObject(ctx);
    if (!body) return;
    std::vector<std::string> errors;
    const auto user = idField(*body, "user_id", errors);
    if (!user.value) errors.push_back("user_id is required.");
    if (!errors.empty()) return respondErrors(ctx, 422, errors);
    std::string error;
    const auto outcome = app::WatcherService(ctx.db, ctx.catalog).add(ctx.actor(), id.value_or(0), *user.value, error);
    if (outcome != app::Outcome::Ok) return respondError(ctx, statusFor(outcome), error);
    respondNoContent(ctx);
}

void watcherDestroy(RequestContext& ctx) {
    const auto id = routeId(ctx);
    const auto user = parseId(ctx.req.params["user_id"]);
    std::string error = "No such watcher.";
    const auto outcome = user ? app::WatcherService(ctx.db, ctx.catalog).remove(ctx.actor(), id.value_or(0), *user, error)
                              : app::Outcome::NotFound;
    if (outcome != app::Outcome::Ok) return respondError(ctx, statusFor(outcome), error);
    respondNoContent(ctx);
}

} // namespace ticketflow::web::api
