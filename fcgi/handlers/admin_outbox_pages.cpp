// /admin/outbox (admins): the mails ticketflow sends, newest first: pending (with the last
// error and the next attempt), sent, dead; a mail as it was written (.eml); "try again" for a
// dead one.
#include "fcgi/handlers/admin_form.hpp"
#include "fcgi/handlers/admin_handlers.hpp"

#include "core/storage/outbox_repository.hpp"

namespace ticketflow::web::handlers {

namespace {

constexpr unsigned kPerPage = 50;
const char* const kStates[] = {"pending", "sent", "dead"};

std::string recipients(const storage::OutboxEntry& e) {
    std::string out;
    for (const auto& r : e.mail.recipients) out += (out.empty() ? "" : ", ") + r;
    return out;
}

} // namespace

void adminOutbox(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const std::string* stateParam = ctx.req.queryValue("state");
    const std::string state = stateParam ? *stateParam : "";
    bool known = state.empty();
    for (const char* s : kStates) known = known || state == s;
    if (!known) return ctx.renderError(422, "Unknown state \"" + state + "\".");
    const std::string* offsetText = ctx.req.queryValue("offset");
    const unsigned offset = offsetText && *offsetText != "0" ? parseId(*offsetText).value_or(0) : 0;
    const auto rows = storage::OutboxRepository(ctx.db).list(state, offset, kPerPage + 1);
    ctemplate::TemplateDictionary dict("admin_outbox");
    if (state.empty()) dict.ShowSection("ALL_CURRENT");
    for (const char* s : kStates) {
        auto* f = dict.AddSectionDictionary("FILTER");
        f->SetValue("STATE", s);
        if (state == s) f->ShowSection("CURRENT");
    }
    for (std::size_t i = 0; i < rows.size() && i < kPerPage; ++i) {
        const auto& e = rows[i];
        auto* row = dict.AddSectionDictionary("MAIL");
        row->SetValue("ID", std::to_string(e.id));
        row->SetValue("CREATED", e.createdAt);
        row->SetValue("TO", recipients(e));
        row->SetValue("SUBJECT", e.mail.subject);
        row->SetValue("STATE", e.state);
        row->SetIntValue("TRIES", e.tries);
        row->SetValue("WHEN", e.state == "sent" ? e.sentAt : e.state == "pending" ? "next " + e.nextAttemptAt : "-");
        row->SetValue("ERROR", e.lastError);
        if (e.mail.issueId) row->SetValueAndShowSection("ISSUE_ID", std::to_string(*e.mail.issueId), "HAS_ISSUE");
        if (e.state == "dead") row->SetValueAndShowSection("CSRF_TOKEN", ctx.csrfToken(), "CAN_RETRY");
    }
    if (rows.empty()) dict.ShowSection("EMPTY");
    if (rows.size() > kPerPage) {
        auto* more = dict.AddSectionDictionary("HAS_MORE");
        more->SetValue("NEXT", "/admin/outbox?" + (state.empty() ? "" : "state=" + state + "&") +
                                   "offset=" + std::to_string(offset + kPerPage));
    }
    ctx.renderPage("admin_outbox.tpl", dict, "Outgoing mail");
}

void adminOutboxRaw(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const auto id = urlMailId(ctx);
    auto entry = id ? storage::OutboxRepository(ctx.db).find(*id) : std::nullopt;
    if (!entry) return ctx.renderError(404, "No such mail.");
    sendMailDownload(ctx, "outgoing-" + std::to_string(entry->id) + ".eml", std::move(entry->mail.message));
}

void adminOutboxRetry(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const auto id = urlMailId(ctx);
    storage::OutboxRepository outbox(ctx.db);
    if (!id || !outbox.find(*id)) return ctx.renderError(404, "No such mail.");
    if (!outbox.retry(*id)) return ctx.renderError(422, "Only a dead mail can be tried again.");
    ctx.redirectWithFlash("/admin/outbox?state=pending", "outbox_retried");
}

} // namespace ticketflow::web::handlers
