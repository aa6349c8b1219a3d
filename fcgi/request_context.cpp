// Everything a page handler gets for one request: request, response, database, the actor.
#include "fcgi/request_context.hpp"

#include "core/domain/permissions.hpp"

#include "fcgi/url_encode.hpp"

#include <map>

namespace ticketflow::web {

namespace {

/// Flash messages travel as codes so that nothing a client sends is echoed as a message.
const std::map<std::string, std::string>& flashMessages() {
    static const std::map<std::string, std::string> messages{
        {"created", "Issue created."},
        {"updated", "Successful update."},
        {"signed_out", "You are signed out."},
        {"signed_in", "Welcome back."},
        {"copied", "Issue copied; this is the copy."},
        {"relation_added", "Relation added."},
        {"relation_removed", "Relation removed."},
        {"watchers_changed", "Watchers updated."},
        {"user_saved", "User saved."},
        {"setup_saved", "Successful update."},
        {"setup_deleted", "Successful deletion."},
        {"mail_released", "Released: the next round of the mail poller processes it."},
        {"mail_retried", "Back in the queue: the next round of the mail poller processes it."},
        {"outbox_retried", "The mail waits again: the mail poller sends it within a second."},
        {"milestone_saved", "Milestone saved."},
        {"milestone_deleted", "Milestone deleted."},
        {"customer_saved", "Customer saved."},
        {"customers_merged", "Customers merged."},
        {"api_key_reset", "Your API access key was reset; the old one no longer works."},
        {"reply_sent", "Thank you: your reply was added."},
        {"link_sent", "The customer's link is on its way."},
        {"link_renewed", "A new link is on its way to the customer; the old one no longer works."},
    };
    return messages;
}

} // namespace

http::CookieOptions RequestContext::cookieOptions(long maxAgeSeconds) const {
    http::CookieOptions options;
    options.secure = config.secureCookies || req.https;
    options.maxAgeSeconds = maxAgeSeconds;
    return options;
}

std::string RequestContext::takeFlash() {
    const std::string code = req.cookie(kFlashCookie);
    if (code.empty()) return {};
    res.setCookie(kFlashCookie, "", cookieOptions(0));
    const auto it = flashMessages().find(code);
    return it == flashMessages().end() ? std::string() : it->second;
}

LayoutInfo RequestContext::layout(const std::string& title) {
    LayoutInfo layout;
    layout.title = title;
    if (session) {
        layout.userName = session->actor.displayName;
        layout.csrfToken = session->csrfToken;
        layout.staff = session->actor.staff;
        layout.admin = session->actor.admin;
        layout.customers = session->actor.allowedAnywhere(domain::Permission::ViewCustomers);
    }
    layout.flash = takeFlash();
    return layout;
}

void RequestContext::renderPage(const std::string& templateName, ctemplate::TemplateDictionary& dict,
                                const std::string& title, int status) {
    View::respond(res, templateName, dict, layout(title), status);
}

void RequestContext::renderError(int status, const std::string& message) {
    View::respondError(res, status, message, layout(""));
}

void RequestContext::redirectWithFlash(const std::string& location, const std::string& flashCode) {
    res.setCookie(kFlashCookie, flashCode, cookieOptions(60));
    res.redirect(location, 303);
}

void RequestContext::denyAccess() {
    if (!signedIn()) {
        const bool get = req.method == "GET" || req.method == "HEAD";
        std::string back = get ? req.path : "/";
        if (get && !req.rawQuery.empty()) back += "?" + req.rawQuery;
        res.redirect("/login?back_url=" + urlEncode(back), 303);
        return;
    }
    renderError(403, "You are not authorised to access this page.");
}

} // namespace ticketflow::web
