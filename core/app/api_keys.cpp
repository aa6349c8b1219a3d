// Per-user REST API keys: derived from a stored nonce with the server secret; only a keyed
// digest of the key is stored, so the database alone never yields a working key, and a new
// server secret retires every key at once.
#include "core/app/api_keys.hpp"

#include "core/app/crypto.hpp"

#include <sodium.h>

#include <stdexcept>

namespace ticketflow::app {


std::string deriveApiKey(const std::string& secret, const std::string& nonce) {
    return toHex(hmacSha256(secret, "ticketflow api key\n" + nonce).substr(0, 20));
}

std::string apiKeyDigest(const std::string& secret, const std::string& key) {
    return toHex(hmacSha256(secret, "ticketflow api key digest\n" + key));
}

bool looksLikeApiKey(const std::string& text) {
    if (text.size() != 40) return false;
    for (char c : text) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) return false;
    }
    return true;
}

std::optional<std::string> ApiKeys::keyOf(unsigned userId) {
    storage::UserRepository users(_db);
    const auto stored = users.apiKeyOf(userId);
    if (!stored) return std::nullopt;
    if (!stored->nonce.empty()) {
        std::string key = deriveApiKey(_secret, stored->nonce);
        // After a change of the server secret the old digest no longer matches: issue a new key.
        if (equalSecrets(apiKeyDigest(_secret, key), stored->digest)) return key;
    }
    return reset(userId);
}

std::string ApiKeys::reset(unsigned userId) {
    const std::string nonce = randomToken(24);
    std::string key = deriveApiKey(_secret, nonce);
    storage::UserRepository(_db).setApiKey(userId, nonce, apiKeyDigest(_secret, key));
    return key;
}

std::optional<storage::UserRecord> ApiKeys::userOf(const std::string& key) {
    if (!looksLikeApiKey(key)) return std::nullopt;
    std::string lower = key;
    for (char& c : lower)
        if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    return storage::UserRepository(_db).findByApiKeyDigest(apiKeyDigest(_secret, lower));
}

} // namespace ticketflow::app
