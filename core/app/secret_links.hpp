// The customer's secret link to one issue (DESIGN §5): /t/<token>, 256 bits derived from a
// random 128-bit nonce with the server secret. The database keeps the nonce and the token's
// SHA-256, never the token: a copy of the database opens no issue, and every mail about the
// issue can carry the link again. Renewing replaces the nonce, which revokes the old link.
#pragma once
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::app {

/// The token for a nonce: 43 characters of base64url. Throws std::invalid_argument for a
/// secret shorter than 32 characters.
std::string secretLinkToken(const std::string& secret, unsigned issueId, std::string_view nonce);

/// Whether `token` has the shape of one (43 base64url characters): anything else is refused
/// before the database is asked.
bool isSecretLinkToken(std::string_view token);

class SecretLinks {
public:
    SecretLinks(storage::Connection& db, const std::string& secret) : _db(db), _secret(secret) {}

    /// The issue's token, made on first use (call in the transaction of the change that mails it).
    std::string tokenFor(unsigned issueId);
    /// A new token; the old link stops working.
    std::string renew(unsigned issueId);
    /// The issue a token opens; nullopt for a malformed, unknown or revoked one.
    std::optional<unsigned> issueOf(std::string_view token);

private:
    storage::Connection& _db;
    const std::string& _secret;
};

} // namespace ticketflow::app
