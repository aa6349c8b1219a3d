// POST /scm/commit: a commit reported by a version-control hook (scripts/hooks/), answered in
// JSON. No session and no CSRF token (Route::ownAuth): the caller proves itself with the
// repository's secret, which never reaches a log line.
#include "fcgi/handlers/handlers.hpp"

#include "core/app/crypto.hpp"
#include "core/app/scm_commit_service.hpp"
#include "fcgi/api/json_io.hpp"
#include "fcgi/http/server_log.hpp"

#include <optional>

namespace ticketflow::web::handlers {

namespace {

using api::Json;

struct CommitFields {
    std::optional<std::string> repository, revision, author, message, secret;
};

/// The fields from a JSON object; false when the answer (400/415/422) was sent.
bool readJson(RequestContext& ctx, CommitFields& f) {
    const auto doc = api::readJsonObject(ctx);
    if (!doc) return false;
    std::vector<std::string> errors;
    f.repository = api::textField(*doc, "repository", errors);
    // A Subversion revision is a number; JSON clients may well send it as one.
    if (const auto it = doc->find("revision"); it != doc->end() && it->is_number_unsigned()) {
        f.revision = std::to_string(it->get<std::uint64_t>());
    } else {
        f.revision = api::textField(*doc, "revision", errors);
    }
    f.author = api::textField(*doc, "author", errors);
    f.message = api::textField(*doc, "message", errors);
    f.secret = api::textField(*doc, "secret", errors);
    if (!errors.empty()) {
        api::respondErrors(ctx, 422, errors);
        return false;
    }
    return true;
}

void readForm(RequestContext& ctx, CommitFields& f) {
    const auto field = [&](const char* name) -> std::optional<std::string> {
        const std::string* v = ctx.req.formValue(name);
        return v ? std::optional(*v) : std::nullopt;
    };
    f.repository = field("repository");
    f.revision = field("revision");
    f.author = field("author");
    f.message = field("message");
    f.secret = field("secret");
}

const char* effectName(app::CommitEffect effect) {
    switch (effect) {
        case app::CommitEffect::Closed:
            return "closed";
        case app::CommitEffect::Noted:
            return "noted";
        case app::CommitEffect::AlreadyApplied:
            return "already_applied";
        case app::CommitEffect::UnknownIssue:
            return "unknown_issue";
        case app::CommitEffect::OtherProject:
            return "other_project";
        case app::CommitEffect::Failed:
            return "failed";
    }
    return "failed";
}

Json summary(const domain::Changeset& commit, const app::CommitResult& result) {
    Json issues = Json::array();
    for (const auto& i : result.issues) {
        Json j{{"id", i.issueId},
               {"action", i.action == domain::CommitAction::Fix ? "fix" : "ref"},
               {"result", effectName(i.effect)}};
        if (i.effect == app::CommitEffect::Closed) j["status"] = i.detail;
        if (i.effect == app::CommitEffect::OtherProject) j["project"] = i.detail;
        if (i.effect == app::CommitEffect::Failed) j["error"] = i.detail;
        j["text"] = app::describe(i);
        issues.push_back(std::move(j));
    }
    return Json{{"changeset", result.label},       {"repository", commit.repository},
                {"revision", commit.revision},     {"seen_before", result.seenBefore},
                {"issues", std::move(issues)},     {"too_many_issues", result.tooManyIssues},
                {"message_cut", result.messageCut}};
}

} // namespace

void scmCommit(RequestContext& ctx) {
    CommitFields f;
    const std::string type = ctx.req.contentType();
    if (type == "application/json") {
        if (!readJson(ctx, f)) return;
    } else if (type == "application/x-www-form-urlencoded" || type == "multipart/form-data" || type.empty()) {
        readForm(ctx, f);
    } else {
        return api::respondError(ctx, 415, "Send the commit as a form (application/x-www-form-urlencoded) or as JSON.");
    }
    if (!f.repository || f.repository->empty()) return api::respondError(ctx, 422, "repository is required.");
    const app::ScmRepository* repository = ctx.config.scm.repository(*f.repository);
    if (!repository) return api::respondError(ctx, 404, "No such repository.");

    const std::string header = ctx.req.header("x-ticketflow-scm-secret");
    const std::string given = !header.empty() ? header : f.secret.value_or("");
    if (repository->secret.empty() || given.empty() || !app::equalSecrets(given, repository->secret)) {
        std::string why = "wrong secret";
        if (given.empty()) why = "no secret";
        if (repository->secret.empty()) why = "the repository has no secret (ticketflow-admin only)";
        http::logLine("scm: refused a commit for repository " + repository->name + " from " + ctx.req.remoteAddr +
                      ": " + why);
        return api::respondError(ctx, 403, "The repository's secret is missing or wrong.");
    }

    // An empty author (an anonymous Subversion commit) or message is a value; a missing field
    // is a broken hook.
    std::vector<std::string> missing;
    if (!f.revision) missing.emplace_back("revision is required.");
    if (!f.author) missing.emplace_back("author is required (it may be empty).");
    if (!f.message) missing.emplace_back("message is required (it may be empty).");
    if (!missing.empty()) return api::respondErrors(ctx, 422, missing);

    const domain::Changeset commit{repository->name, *f.revision, *f.author, *f.message};
    const auto result = app::ScmCommitService(ctx.db, ctx.catalog, ctx.config.scm, ctx.notifier).apply(commit);
    using Status = app::CommitResult::Status;
    switch (result.status) {
        case Status::Applied:
            break;
        case Status::UnknownRepository:
            return api::respondError(ctx, 404, "No such repository.");
        case Status::Invalid:
            return api::respondErrors(ctx, 422, result.errors);
        case Status::Misconfigured:
            for (const auto& e : result.errors) http::logLine("scm: configuration: " + e);
            return api::respondErrors(ctx, 500, result.errors);
    }
    http::logLine("scm: " + result.label + " from " + ctx.req.remoteAddr + ": " + std::to_string(result.issues.size()) +
                  " issue(s) named" + (result.anyFailed() ? ", some failed" : ""));
    // 409: an issue kept changing under the journal; posting the commit again retries just it.
    api::respondJson(ctx, result.anyFailed() ? 409 : 200, summary(commit, result));
}

} // namespace ticketflow::web::handlers
