// /login and /logout: sign in with a password, sign out.
#include "fcgi/handlers/handlers.hpp"

#include "core/app/auth_service.hpp"
#include "core/app/crypto.hpp"

#include <iostream>

namespace ticketflow::web::handlers {

namespace {

/// Only local paths: an attacker must not be able to bounce a user to another site.
std::string safeBackUrl(const std::string* value) {
    if (!value || value->empty() || (*value)[0] != '/' || value->rfind("//", 0) == 0 ||
        value->find('\\') != std::string::npos || value->size() > 2000) {
        return "/";
    }
    return *value;
}

void renderForm(RequestContext& ctx, const std::string& token, const std::string& username, const std::string& backUrl,
                const std::string& error, int status) {
    ctemplate::TemplateDictionary dict("login");
    dict.SetValue("LOGIN_CSRF", token);
    dict.SetValue("USERNAME", username);
    dict.SetValue("BACK_URL", backUrl);
    if (!error.empty()) dict.SetValueAndShowSection("ERROR", error, "HAS_ERROR");
    ctx.renderPage("login.tpl", dict, "Sign in", status);
}

} // namespace

void loginForm(RequestContext& ctx) {
    if (ctx.signedIn()) {
        ctx.res.redirect(safeBackUrl(ctx.req.queryValue("back_url")), 303);
        return;
    }
    // Login CSRF: a pre-session token in a cookie that the form must echo.
    std::string token = ctx.req.cookie(kLoginCsrfCookie);
    if (token.size() != 43) {
        token = app::randomToken(32);
        ctx.res.setCookie(kLoginCsrfCookie, token, ctx.cookieOptions());
    }
    renderForm(ctx, token, "", safeBackUrl(ctx.req.queryValue("back_url")), "", 200);
}

void loginSubmit(RequestContext& ctx) {
    const std::string cookieToken = ctx.req.cookie(kLoginCsrfCookie);
    const std::string* formToken = ctx.req.formValue("csrf_token");
    if (!formToken || !app::equalSecrets(*formToken, cookieToken)) {
        ctx.renderError(403,
                        "The sign-in form has expired or did not come from this site. "
                        "Reload the sign-in page and try again.");
        return;
    }
    const std::string* username = ctx.req.formValue("username");
    const std::string* password = ctx.req.formValue("password");
    const std::string backUrl = safeBackUrl(ctx.req.formValue("back_url"));
    const std::string user = username ? *username : std::string();
    if (user.size() > 255 || (password && password->size() > 1024)) {
        renderForm(ctx, cookieToken, "", backUrl, "Invalid user or password.", 422);
        return;
    }
    const auto signIn = app::AuthService(ctx.db, ctx.config.sessionHours)
                            .login(user, password ? *password : std::string(), ctx.req.remoteAddr);
    if (!signIn) {
        std::cerr << "ticketflow-fcgi: failed sign-in from " << ctx.req.remoteAddr << "\n";
        renderForm(ctx, cookieToken, user, backUrl, "Invalid user or password.", 422);
        return;
    }
    // A session the browser still held (another user's, or a stale one) ends with the new sign-in.
    if (ctx.signedIn()) app::AuthService(ctx.db, ctx.config.sessionHours).logout(ctx.req.cookie(kSessionCookie));
    ctx.res.setCookie(kLoginCsrfCookie, "", ctx.cookieOptions(0));
    ctx.res.setCookie(kSessionCookie, signIn->token, ctx.cookieOptions());
    ctx.res.redirect(backUrl, 303);
}

void logout(RequestContext& ctx) {
    if (ctx.signedIn()) app::AuthService(ctx.db, ctx.config.sessionHours).logout(ctx.req.cookie(kSessionCookie));
    ctx.res.setCookie(kSessionCookie, "", ctx.cookieOptions(0));
    ctx.redirectWithFlash("/login", "signed_out");
}

} // namespace ticketflow::web::handlers
