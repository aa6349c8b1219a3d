// The customer's secret page (DESIGN §5): /t/<token> sets a cookie for that one issue and
// redirects to /t/issues/<id>, so the token leaves the address bar, the history and any
// Referer. The page shows the issue's public side only and takes a reply with files.
#include "fcgi/handlers/handlers.hpp"

#include "core/app/crypto.hpp"
#include "core/app/issue_service.hpp"
#include "core/app/secret_links.hpp"
#include "core/domain/actor.hpp"
#include "core/domain/attachment.hpp"
#include "core/domain/failure_limiter.hpp"
#include "core/domain/journal_names.hpp"
#include "core/domain/notification_recipients.hpp"
#include "core/storage/attachment_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/handlers/attachment_views.hpp"
#include "fcgi/handlers/issue_views.hpp"
#include "fcgi/url_encode.hpp"

#include <iostream>
#include <mutex>

namespace ticketflow::web::handlers {

namespace {

constexpr const char* kGone =
    "This link does not open an issue (any more). Use the link in the newest mail about your issue, or reply to "
    "that mail.";
/// Guessing tokens: 20 unknown ones within 10 minutes block the client for the rest of them.
/// Per process; nginx limits /t/ per client too (nginx/ticketflow.conf).
constexpr unsigned kMaxGuesses = 20;
constexpr std::chrono::seconds kGuessWindow{600};
constexpr long kCookieSeconds = 30L * 24 * 3600;

std::mutex& guessMutex() {
    static std::mutex m;
    return m;
}

domain::FailureLimiter& guesses() {
    static domain::FailureLimiter limiter(kMaxGuesses, kGuessWindow);
    return limiter;
}

std::string cookieName(unsigned issueId) { return "tf_link_" + std::to_string(issueId); }

std::string pagePath(unsigned issueId) { return "/t/issues/" + std::to_string(issueId); }

/// The reply form's CSRF token: derived from the link, so it needs no server state and is
/// worthless without the cookie.
std::string formToken(const RequestContext& ctx, const std::string& token) {
    return app::base64Url(app::hmacSha256(ctx.config.secret, "secret page form\n" + token));
}

void privateResponse(RequestContext& ctx) {
    ctx.res.setHeader("Referrer-Policy", "no-referrer");
    ctx.res.setHeader("Cache-Control", "no-store");
}

struct Opened {
    domain::Issue issue;
    std::string token;
    domain::Actor actor; ///< the issue's customer, for this one issue
};

/// The issue of /t/issues/:id when the request carries that issue's link cookie and the link
/// is still valid; only customer issues of customer-facing projects open this way.
std::optional<Opened> opened(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    if (!id) return std::nullopt;
    const std::string token = ctx.req.cookie(cookieName(*id));
    if (token.empty()) return std::nullopt;
    if (app::SecretLinks(ctx.db, ctx.config.secret).issueOf(token) != id) return std::nullopt;
    auto issue = storage::IssueRepository(ctx.db).find(*id);
    if (!issue || !domain::hasCustomerSide(ctx.catalog.project(issue->projectId), *issue)) return std::nullopt;
    domain::Actor actor = domain::mailCustomerActor(*issue->customerId, issue->projectId, issue->customerName);
    return Opened{std::move(*issue), token, std::move(actor)};
}

void render(RequestContext& ctx, const Opened& o, const std::vector<std::string>& errors, const std::string& notes,
            int status) {
    const domain::Issue& issue = o.issue;
    ctemplate::TemplateDictionary dict("secret_issue");
    dict.SetIntValue("ID", issue.id);
    dict.SetValue("TRACKER", ctx.catalog.trackerName(issue.trackerId));
    dict.SetValue("SUBJECT", issue.subject);
    dict.SetValue("STATUS", ctx.catalog.statusName(issue.statusId));
    dict.SetValue("CREATED", shortTime(issue.createdAt));
    dict.SetValue("UPDATED", shortTime(issue.updatedAt));
    const domain::Status* status_ = ctx.catalog.status(issue.statusId);
    if (status_ && status_->closed) {
        dict.ShowSection("IS_CLOSED");
        dict.ShowSection("REOPENS");
    }
    if (!issue.description.empty()) dict.SetValueAndShowSection("DESCRIPTION", issue.description, "HAS_DESCRIPTION");
    for (const auto& e : errors) dict.SetValueAndShowSection("MESSAGE", e, "ERROR");

    ctemplate::TemplateDictionary* files = nullptr;
    for (const auto& a : storage::AttachmentRepository(ctx.db).listForIssue(issue.id)) {
        if (!a.isPublic) continue;
        if (!files) files = dict.AddSectionDictionary("ATTACHMENTS");
        auto* row = files->AddSectionDictionary("ATTACHMENT");
        row->SetIntValue("ATTACHMENT_ID", a.id);
        row->SetValue("FILENAME", a.filename);
        row->SetValue("DOWNLOAD_URL",
                      pagePath(issue.id) + "/files/" + std::to_string(a.id) + "/" + urlEncode(a.filename));
        row->SetValue("SIZE", domain::formatSize(a.filesize));
        row->SetValue("CREATED", shortTime(a.createdAt));
    }
    bool history = false;
    for (const auto& j : storage::IssueRepository(ctx.db).journals(issue.id, false)) {
        std::vector<std::string> lines;
        for (const auto& d : j.details) {
            if (!domain::staffOnlyDetail(d)) lines.push_back(domain::describeDetail(domain::namedDetail(ctx.catalog, d)));
        }
        if (j.notes.empty() && lines.empty()) continue;
        history = true;
        auto* jd = dict.AddSectionDictionary("JOURNAL");
        jd->SetIntValue("JOURNAL_ID", j.id);
        jd->SetValue("AUTHOR", personName(ctx.catalog, j.userId, j.userName));
        jd->SetValue("CREATED", shortTime(j.createdAt));
        for (const auto& line : lines) jd->SetValueAndShowSection("TEXT", line, "DETAIL");
        if (!j.notes.empty()) jd->SetValueAndShowSection("NOTES", j.notes, "HAS_NOTES");
    }
    if (!history) dict.ShowSection("NO_HISTORY");
    dict.SetValue("FORM_TOKEN", formToken(ctx, o.token));
    dict.SetValue("NOTES", notes);
    addAttachmentLimits(dict, ctx);
    privateResponse(ctx);
    ctx.renderPage("secret_issue.tpl", dict, ctx.catalog.trackerName(issue.trackerId) + " #" + std::to_string(issue.id),
                   status);
}

void notOpened(RequestContext& ctx) {
    privateResponse(ctx);
    ctx.renderError(404, kGone);
}

} // namespace

void secretLinkOpen(RequestContext& ctx) {
    privateResponse(ctx);
    const std::string client = ctx.req.remoteAddr;
    const auto now = domain::FailureLimiter::Clock::now();
    {
        std::lock_guard lock(guessMutex());
        if (const long wait = guesses().retryAfterSeconds(client, now); wait > 0) {
            ctx.res.setHeader("Retry-After", std::to_string(wait));
            return ctx.renderError(429, "Too many unknown links from your address. Try again in a few minutes.");
        }
    }
    const std::string token = ctx.req.params["token"];
    const auto issueId = app::SecretLinks(ctx.db, ctx.config.secret).issueOf(token);
    if (!issueId) {
        std::lock_guard lock(guessMutex());
        guesses().fail(client, now);
        // The token itself never reaches a log; the client's address does, for the admin.
        std::cerr << "ticketflow-fcgi: unknown secret link from " << client << "\n";
        return ctx.renderError(404, kGone);
    }
    http::CookieOptions cookie = ctx.cookieOptions(kCookieSeconds);
    cookie.path = pagePath(*issueId);
    ctx.res.setCookie(cookieName(*issueId), token, cookie);
    ctx.res.redirect(pagePath(*issueId), 303);
}

void secretIssueShow(RequestContext& ctx) {
    const auto o = opened(ctx);
    if (!o) return notOpened(ctx);
    render(ctx, *o, {}, "", 200);
}

void secretIssueReply(RequestContext& ctx) {
    auto o = opened(ctx);
    if (!o) return notOpened(ctx);
    const std::string* sent = ctx.req.formValue("form_token");
    if (!sent || !app::equalSecrets(*sent, formToken(ctx, o->token))) {
        privateResponse(ctx);
        return ctx.renderError(403, "The form expired. Open the page again and resend your message.");
    }
    app::IssueEdit edit;
    edit.note = ctx.req.param("notes");
    edit.attachments = readUploads(ctx.req);
    if (domain::isBlank(edit.note) && edit.attachments.empty()) {
        return render(ctx, *o, {"Write a message or choose a file."}, edit.note, 422);
    }
    // A reply to a closed issue reopens it, as a mailed reply does (DESIGN §2).
    edit.reopenTo = ctx.catalog.statusIdNamed(ctx.config.reopenStatus);
    const auto store = attachmentStore(ctx);
    app::IssueService service(ctx.db, ctx.catalog, &store, ctx.notifier);
    // No lock version: a note applies to the issue however it changed meanwhile.
    const auto result = service.update(o->actor, o->issue.id, edit);
    if (result.outcome == app::Outcome::Ok) {
        privateResponse(ctx);
        return ctx.redirectWithFlash(pagePath(o->issue.id), "reply_sent");
    }
    auto errors = result.errors;
    if (!edit.attachments.empty()) errors.push_back("Nothing was saved: choose the files again.");
    if (result.current) o->issue = *result.current;
    render(ctx, *o, errors, edit.note, result.outcome == app::Outcome::Invalid ? 422 : 409);
}

void secretAttachment(RequestContext& ctx) {
    const auto o = opened(ctx);
    const auto attachmentId = parseId(ctx.req.params["attachment_id"]);
    const auto attachment =
        o && attachmentId ? storage::AttachmentRepository(ctx.db).find(*attachmentId) : std::nullopt;
    if (!attachment || attachment->issueId != o->issue.id || !attachment->isPublic ||
        !app::AttachmentStore::isValidDiskName(attachment->diskFilename)) {
        return notOpened(ctx);
    }
    privateResponse(ctx);
    sendAttachment(ctx, *attachment);
}

} // namespace ticketflow::web::handlers
