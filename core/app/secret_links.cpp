// The customer's secret link to one issue.
#include "core/app/secret_links.hpp"

#include "core/app/crypto.hpp"
#include "core/storage/secret_link_repository.hpp"

#include <algorithm>

namespace ticketflow::app {

namespace {

constexpr std::size_t kNonceBytes = 16, kTokenChars = 43;

} // namespace

std::string secretLinkToken(const std::string& secret, unsigned issueId, std::string_view nonce) {
    return base64Url(hmacSha256(secret, "ticketflow secret link\n" + std::to_string(issueId) + "\n" + std::string(nonce)));
}

bool isSecretLinkToken(std::string_view token) {
    return token.size() == kTokenChars && std::all_of(token.begin(), token.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_';
           });
}

std::string SecretLinks::tokenFor(unsigned issueId) {
    const auto nonce = storage::SecretLinkRepository(_db).nonceOf(issueId);
    if (!nonce) return renew(issueId);
    return secretLinkToken(_secret, issueId, *nonce);
}

std::string SecretLinks::renew(unsigned issueId) {
    const std::string nonce = randomBytes(kNonceBytes);
    std::string token = secretLinkToken(_secret, issueId, nonce);
    storage::SecretLinkRepository(_db).put(issueId, nonce, sha256(token));
    return token;
}

std::optional<unsigned> SecretLinks::issueOf(std::string_view token) {
    if (!isSecretLinkToken(token)) return std::nullopt;
    return storage::SecretLinkRepository(_db).issueOf(sha256(token));
}

} // namespace ticketflow::app
