// Signing in and out, and recognising the user behind a session cookie.
#include "core/app/auth_service.hpp"

#include "core/app/api_keys.hpp"
#include "core/app/crypto.hpp"
#include "core/storage/session_repository.hpp"
#include "core/storage/user_repository.hpp"

namespace ticketflow::app {

namespace {

/// A valid argon2id hash of a random password, verified when the login is unknown so that
/// the answer takes as long as for a real user.
const std::string& decoyHash() {
    static const std::string hash = hashPassword(randomToken(16));
    return hash;
}

// Sliding expiry is written at most every few minutes, not on every request.
constexpr long kExtendAfterSeconds = 300;

} // namespace

std::optional<SignIn> AuthService::login(const std::string& login, const std::string& password,
                                         const std::string& remoteAddr) {
    storage::UserRepository users(_db);
    const auto user = login.empty() ? std::nullopt : users.findByLogin(login);
    const bool match = verifyPassword(password, user && !user->passwordHash.empty() ? user->passwordHash : decoyHash());
    if (!user || user->passwordHash.empty() || !match || user->status != "active") return std::nullopt;

    SignIn result{randomToken(32), user->id};
    storage::SessionRepository(_db).create(sha256(result.token), user->id, randomToken(32), _sessionHours, remoteAddr);
    users.touchLogin(user->id);
    return result;
}

std::optional<CurrentSession> AuthService::resolve(const std::string& token, const domain::Catalog& catalog) {
    if (token.empty() || token.size() > 128) return std::nullopt;
    storage::SessionRepository sessions(_db);
    const std::string hash = sha256(token);
    const auto s = sessions.find(hash);
    if (!s || s->status != "active") return std::nullopt;
    if (s->idleSeconds > kExtendAfterSeconds) sessions.extend(hash, _sessionHours);

    CurrentSession current;
    current.tokenHash = hash;
    current.csrfToken = s->csrfToken;
    domain::Actor& a = current.actor;
    a.userId = s->userId;
    a.login = s->login;
    a.displayName = s->displayName;
    a.admin = s->admin;
    a.staff = s->kind == "staff";
    a.customerId = s->customerId;
    a.roles = catalog.rolesOf(s->userId);
    return current;
}

std::optional<domain::Actor> AuthService::byApiKey(const std::string& key, const std::string& secret,
                                                   const domain::Catalog& catalog) {
    const auto user = ApiKeys(_db, secret).userOf(key);
    if (!user || user->status != "active") return std::nullopt;
    return actorOf(*user, catalog);
}

std::optional<domain::Actor> AuthService::byPassword(const std::string& login, const std::string& password,
                                                     const domain::Catalog& catalog) {
    const auto user = login.empty() ? std::nullopt : storage::UserRepository(_db).findByLogin(login);
    const bool match = verifyPassword(password, user && !user->passwordHash.empty() ? user->passwordHash : decoyHash());
    if (!user || user->passwordHash.empty() || !match || user->status != "active") return std::nullopt;
    return actorOf(*user, catalog);
}

void AuthService::logout(const std::string& token) {
    if (token.empty() || token.size() > 128) return;
    storage::SessionRepository(_db).remove(sha256(token));
}

domain::Actor actorOf(const storage::UserRecord& user, const domain::Catalog& catalog) {
    domain::Actor a;
    a.userId = user.id;
    a.login = user.login;
    a.displayName = user.displayName();
    a.admin = user.admin;
    a.staff = user.kind == "staff";
    a.customerId = user.customerId;
    a.roles = catalog.rolesOf(user.id);
    return a;
}

} // namespace ticketflow::app
