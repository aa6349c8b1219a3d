// Signing in and out, and recognising the user behind a session cookie.
#pragma once
#include "core/domain/actor.hpp"
#include "core/domain/catalog.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/user_repository.hpp"

#include <optional>
#include <string>

namespace ticketflow::app {

struct SignIn {
    std::string token; ///< goes into the cookie; only its hash is stored
    unsigned userId = 0;
};

struct CurrentSession {
    domain::Actor actor;
    std::string csrfToken;
    std::string tokenHash;
};

class AuthService {
public:
    AuthService(storage::Connection& db, int sessionHours) : _db(db), _sessionHours(sessionHours) {}

    /// Checks the password (argon2id) and opens a session. nullopt for an unknown login,
    /// a wrong password or a locked account alike, in about the same time.
    std::optional<SignIn> login(const std::string& login, const std::string& password, const std::string& remoteAddr);
    /// The user behind a session token, with roles from the catalog; nullopt when the
    /// token is unknown, expired or the user is locked. Extends idle sessions.
    std::optional<CurrentSession> resolve(const std::string& token, const domain::Catalog& catalog);
    void logout(const std::string& token);

    /// REST API: the active user holding this API key (see ApiKeys), roles from the catalog.
    std::optional<domain::Actor> byApiKey(const std::string& key, const std::string& secret,
                                          const domain::Catalog& catalog);
    /// REST API with HTTP Basic: login and password (argon2id, same timing for unknown logins).
    std::optional<domain::Actor> byPassword(const std::string& login, const std::string& password,
                                            const domain::Catalog& catalog);

private:
    storage::Connection& _db;
    int _sessionHours;
};

/// The actor a user account acts as: roles per project from the catalog (the caller checks
/// that the account is active).
domain::Actor actorOf(const storage::UserRecord& user, const domain::Catalog& catalog);

} // namespace ticketflow::app
