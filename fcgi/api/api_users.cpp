// /users.json (admins), /users/:id.json, /users/current.json with the caller's API key.
#include "fcgi/api/api_handlers.hpp"

#include "core/app/api_keys.hpp"
#include "core/storage/user_repository.hpp"
#include "fcgi/api/json_views.hpp"

#include <algorithm>

namespace ticketflow::web::api {

namespace {

/// Redmine's user document; login, mail and dates only for admins and the user themself.
Json userJson(const storage::UserRecord& u, bool full) {
    Json j;
    j["id"] = u.id;
    if (full) j["login"] = u.login;
    if (full) j["admin"] = u.admin;
    j["firstname"] = u.firstname;
    j["lastname"] = u.lastname;
    if (full) j["mail"] = u.mail;
    j["created_on"] = isoTime(u.createdAt);
    if (full) j["last_login_on"] = u.lastLoginAt.empty() ? Json(nullptr) : Json(isoTime(u.lastLoginAt));
    if (full) j["status"] = u.status == "active" ? 1 : 3;
    return j;
}

long number(const std::string* text, long fallback) {
    if (!text) return fallback;
    const auto n = parseId(*text);
    return n ? static_cast<long>(*n) : fallback;
}

} // namespace

void usersIndex(RequestContext& ctx) {
    if (!ctx.actor().admin) return respondError(ctx, 403, "Only administrators may list users.");
    const unsigned limit = static_cast<unsigned>(std::clamp(number(ctx.req.queryValue("limit"), 25), 1L, 100L));
    const unsigned offset = static_cast<unsigned>(number(ctx.req.queryValue("offset"), 0));
    storage::UserRepository repo(ctx.db);
    Json users = Json::array();
    for (const auto& u : repo.list(offset, limit)) users.push_back(userJson(u, true));
    respondJson(ctx, 200,
                Json{{"users", std::move(users)}, {"total_count", repo.count()}, {"offset", offset}, {"limit", limit}});
}

void userShow(RequestContext& ctx) {
    const auto& actor = ctx.actor();
    const auto id = parseId(ctx.req.params["id"]);
    const auto user = id ? storage::UserRepository(ctx.db).findById(*id) : std::nullopt;
    // Staff see the team (names only); customers see nobody but themselves.
    const bool self = user && user->id == actor.userId;
    const bool visible = user && (actor.admin || self || (actor.staff && user->kind == "staff"));
    if (!visible) return respondError(ctx, 404, "No such user.");
    respondJson(ctx, 200, Json{{"user", userJson(*user, actor.admin || self)}});
}

void userCurrent(RequestContext& ctx) {
    const auto user = storage::UserRepository(ctx.db).findById(ctx.actor().userId);
    if (!user) return respondError(ctx, 404, "No such user.");
    Json j = userJson(*user, true);
    if (const auto key = app::ApiKeys(ctx.db, ctx.config.secret).keyOf(user->id)) j["api_key"] = *key;
    respondJson(ctx, 200, Json{{"user", std::move(j)}});
}

} // namespace ticketflow::web::api
