// /my/account and /my/api_key: the signed-in user's details and REST API key (as Redmine).
#include "fcgi/handlers/handlers.hpp"

#include "core/app/api_keys.hpp"
#include "core/storage/user_repository.hpp"

namespace ticketflow::web::handlers {

namespace {

void render(RequestContext& ctx, const std::optional<std::string>& key) {
    const auto user = storage::UserRepository(ctx.db).findById(ctx.actor().userId);
    if (!user) return ctx.renderError(404, "No such user.");
    ctemplate::TemplateDictionary dict("my_account");
    dict.SetValue("LOGIN", user->login);
    dict.SetValue("NAME", user->displayName());
    dict.SetValue("MAIL", user->mail);
    dict.SetValue("CSRF_TOKEN", ctx.csrfToken());
    if (key) {
        dict.SetValueAndShowSection("API_KEY", *key, "SHOW_KEY");
    } else {
        dict.ShowSection("HIDE_KEY");
    }
    ctx.renderPage("my_account.tpl", dict, "My account");
}

} // namespace

void myAccount(RequestContext& ctx) {
    render(ctx, std::nullopt);
}

void myApiKey(RequestContext& ctx) {
    // A page of its own, so the key is on screen only when asked for.
    ctx.res.setHeader("Cache-Control", "no-store");
    render(ctx, app::ApiKeys(ctx.db, ctx.config.secret).keyOf(ctx.actor().userId));
}

void myApiKeyReset(RequestContext& ctx) {
    app::ApiKeys(ctx.db, ctx.config.secret).reset(ctx.actor().userId);
    ctx.redirectWithFlash("/my/api_key", "api_key_reset");
}

} // namespace ticketflow::web::handlers
