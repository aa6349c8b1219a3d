// Who is calling the REST API: API key, HTTP Basic, or the browser session.
#include "fcgi/api/api_auth.hpp"

#include "core/app/api_keys.hpp"
#include "core/app/auth_service.hpp"
#include "core/app/crypto.hpp"
#include "fcgi/api/json_io.hpp"

#include <sodium.h>

namespace ticketflow::web::api {

namespace {

/// The decoded "login:password" of an Authorization: Basic header; nullopt for anything else.
std::optional<std::pair<std::string, std::string>> basicCredentials(const std::string& header) {
    if (header.size() < 6 || header.size() > 1024) return std::nullopt;
    std::string scheme = header.substr(0, 6);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme != "basic ") return std::nullopt;
    const std::string encoded = header.substr(6);
    std::string decoded(encoded.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), encoded.data(),
                          encoded.size(), " ", &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
        return std::nullopt;
    }
    decoded.resize(length);
    const auto colon = decoded.find(':');
    if (colon == std::string::npos) return std::nullopt;
    return std::make_pair(decoded.substr(0, colon), decoded.substr(colon + 1));
}

bool changesState(const std::string& method) {
    return method != "GET" && method != "HEAD";
}

app::CurrentSession sessionOf(domain::Actor actor) {
    app::CurrentSession s;
    s.actor = std::move(actor);
    return s;
}

} // namespace

void respondUnauthorized(RequestContext& ctx, const std::string& message) {
    ctx.res.setHeader("WWW-Authenticate", "Basic realm=\"Redmine API\"");
    respondError(ctx, 401, message);
}

bool authenticate(RequestContext& ctx, int sessionHours) {
    app::AuthService auth(ctx.db, sessionHours);
    std::string key = ctx.req.header("x-redmine-api-key");
    if (key.empty()) {
        if (const std::string* k = ctx.req.queryValue("key")) key = *k;
    }
    if (!key.empty()) {
        auto actor = auth.byApiKey(key, ctx.config.secret, ctx.catalog);
        if (!actor) {
            respondUnauthorized(ctx, "Invalid API key.");
            return false;
        }
        ctx.session = sessionOf(std::move(*actor));
        return true;
    }
    const std::string authorization = ctx.req.header("authorization");
    if (!authorization.empty()) {
        const auto credentials = basicCredentials(authorization);
        std::optional<domain::Actor> actor;
        if (credentials && app::looksLikeApiKey(credentials->first)) {
            actor = auth.byApiKey(credentials->first, ctx.config.secret, ctx.catalog);
        }
        if (!actor && credentials) actor = auth.byPassword(credentials->first, credentials->second, ctx.catalog);
        if (!actor) {
            respondUnauthorized(ctx, "Invalid login or password.");
            return false;
        }
        ctx.session = sessionOf(std::move(*actor));
        return true;
    }
    // The web pages' own scripts may call the API with the session cookie.
    const std::string token = ctx.req.cookie(kSessionCookie);
    if (token.empty()) return true;
    ctx.session = auth.resolve(token, ctx.catalog);
    if (ctx.session && changesState(ctx.req.method) &&
        !app::equalSecrets(ctx.req.header("x-csrf-token"), ctx.session->csrfToken)) {
        respondError(ctx, 403, "Missing or invalid X-CSRF-Token header for a request made with the session cookie.");
        return false;
    }
    return true;
}

} // namespace ticketflow::web::api
