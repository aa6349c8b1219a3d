// /admin/mail (admins): the queue of inbound mail: what arrived, what became of it and why;
// the raw message; releasing what the guards held back and retrying what failed.
#include "fcgi/handlers/admin_form.hpp"
#include "fcgi/handlers/admin_handlers.hpp"

#include "core/storage/inbound_mail_repository.hpp"

namespace ticketflow::web::handlers {

namespace {

constexpr unsigned kPerPage = 50;
const char* const kStates[] = {"received", "processed", "ignored", "spam", "rejected", "failed"};

bool knownState(const std::string& state) {
    for (const char* s : kStates)
        if (state == s) return true;
    return false;
}

void fillRow(ctemplate::TemplateDictionary* row, const storage::QueuedMail& m) {
    row->SetValue("ID", std::to_string(m.id));
    row->SetValue("MAILBOX", m.mailbox);
    row->SetValue("STATE", m.state);
    row->SetValue("REASON", m.reason);
    row->SetValue("SENDER", m.sender.empty() ? "-" : m.sender);
    row->SetValue("SUBJECT", m.subject.empty() ? "(not yet read)" : m.subject);
    row->SetValue("RECEIVED", m.receivedAt);
    row->SetValue("PROCESSED", m.processedAt.empty() ? "-" : m.processedAt);
    row->SetValue("SIZE", std::to_string(m.size));
    if (m.issueId) row->SetValueAndShowSection("ISSUE_ID", std::to_string(*m.issueId), "HAS_ISSUE");
    if (m.released) row->ShowSection("RELEASED");
}

} // namespace

void adminMailQueue(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const std::string* stateParam = ctx.req.queryValue("state");
    const std::string state = stateParam ? *stateParam : "";
    if (!state.empty() && !knownState(state)) return ctx.renderError(422, "Unknown state \"" + state + "\".");
    const std::string* offsetText = ctx.req.queryValue("offset");
    const unsigned offset = offsetText && *offsetText != "0" ? parseId(*offsetText).value_or(0) : 0;
    storage::InboundMailRepository inbox(ctx.db);
    const auto rows = inbox.queue(state, offset, kPerPage + 1);
    ctemplate::TemplateDictionary dict("admin_mail");
    long total = 0;
    for (const auto& [name, n] : inbox.countsByState()) {
        auto* f = dict.AddSectionDictionary("FILTER");
        f->SetValue("STATE", name);
        f->SetIntValue("COUNT", n);
        if (name == state) f->ShowSection("CURRENT");
        total += n;
    }
    dict.SetIntValue("TOTAL", total);
    if (state.empty()) dict.ShowSection("ALL_CURRENT");
    for (std::size_t i = 0; i < rows.size() && i < kPerPage; ++i) fillRow(dict.AddSectionDictionary("MAIL"), rows[i]);
    if (rows.empty()) dict.ShowSection("EMPTY");
    if (rows.size() > kPerPage) {
        auto* more = dict.AddSectionDictionary("HAS_MORE");
        more->SetValue("NEXT", "/admin/mail?" + (state.empty() ? "" : "state=" + state + "&") +
                                   "offset=" + std::to_string(offset + kPerPage));
    }
    ctx.renderPage("admin_mail.tpl", dict, "Inbound mail");
}

void adminMailShow(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const auto id = urlMailId(ctx);
    const auto mail = id ? storage::InboundMailRepository(ctx.db).queued(*id) : std::nullopt;
    if (!mail) return ctx.renderError(404, "No such message.");
    ctemplate::TemplateDictionary dict("admin_mail_message");
    fillRow(&dict, *mail);
    dict.SetValue("MESSAGE_ID", mail->messageId.empty() ? "-" : mail->messageId);
    dict.SetValue("CSRF_TOKEN", ctx.csrfToken());
    if (mail->storedBytes < mail->size) dict.ShowSection("TRUNCATED");
    const bool heldBack = mail->state == "ignored" || mail->state == "spam" || mail->state == "rejected";
    if (heldBack && mail->storedBytes == mail->size) dict.ShowSection("CAN_RELEASE");
    if (mail->state == "failed") dict.ShowSection("CAN_RETRY");
    ctx.renderPage("admin_mail_message.tpl", dict, "Inbound mail " + std::to_string(mail->id));
}

void adminMailRaw(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const auto id = urlMailId(ctx);
    const auto mail = id ? storage::InboundMailRepository(ctx.db).load(*id) : std::nullopt;
    if (!mail) return ctx.renderError(404, "No such message.");
    // Hostile mail is data here: a download, never rendered by the browser.
    sendMailDownload(ctx, "message-" + std::to_string(mail->id) + ".eml", std::move(mail->raw));
}

void adminMailRelease(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const auto id = urlMailId(ctx);
    if (!id || !storage::InboundMailRepository(ctx.db).queued(*id)) return ctx.renderError(404, "No such message.");
    if (!storage::InboundMailRepository(ctx.db).release(*id)) {
        return ctx.renderError(422, "Only an ignored, spam or rejected message kept whole can be released.");
    }
    ctx.redirectWithFlash("/admin/mail/" + std::to_string(*id), "mail_released");
}

void adminMailRetry(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const auto id = urlMailId(ctx);
    if (!id || !storage::InboundMailRepository(ctx.db).queued(*id)) return ctx.renderError(404, "No such message.");
    if (!storage::InboundMailRepository(ctx.db).retry(*id)) {
        return ctx.renderError(422, "Only a failed message can be tried again.");
    }
    ctx.redirectWithFlash("/admin/mail/" + std::to_string(*id), "mail_retried");
}

} // namespace ticketflow::web::handlers
