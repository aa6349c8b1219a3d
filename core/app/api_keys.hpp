// Per-user REST API keys, as Redmine has them (X-Redmine-API-Key, "my account").
#pragma once
#include "core/storage/connection.hpp"
#include "core/storage/user_repository.hpp"

#include <optional>
#include <string>

namespace ticketflow::app {

/// The key for `nonce`: 40 lower-case hex characters (Redmine's format), HMAC-SHA256 of the
/// nonce under the server secret. Throws std::invalid_argument for a secret under 32 bytes.
std::string deriveApiKey(const std::string& secret, const std::string& nonce);
/// What users.api_key stores for a key: HMAC-SHA256 under the server secret, 64 hex characters.
std::string apiKeyDigest(const std::string& secret, const std::string& key);
/// True for something that may be a key (40 hex characters); anything else is not looked up.
bool looksLikeApiKey(const std::string& text);

class ApiKeys {
public:
    ApiKeys(storage::Connection& db, const std::string& secret) : _db(db), _secret(secret) {}
    /// The user's key, made on first use (like Redmine). nullopt when the user does not exist.
    std::optional<std::string> keyOf(unsigned userId);
    /// A new key; the old one stops working at once.
    std::string reset(unsigned userId);
    /// The user holding `key`, if any (a constant-time digest lookup, never the key itself).
    std::optional<storage::UserRecord> userOf(const std::string& key);

private:
    storage::Connection& _db;
    const std::string& _secret;
};

} // namespace ticketflow::app
