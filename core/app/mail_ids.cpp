// Signed Message-IDs of the mails ticketflow sends about an issue.
#include "core/app/mail_ids.hpp"

#include "core/app/crypto.hpp"
#include "core/domain/text.hpp"

namespace ticketflow::app {

namespace {

constexpr std::size_t kNonceHex = 16, kSignatureHex = 20;

std::string signature(const std::string& secret, unsigned issueId, std::string_view nonce) {
    return toHex(hmacSha256(secret, "ticketflow message id\n" + std::to_string(issueId) + "\n" + std::string(nonce)))
        .substr(0, kSignatureHex);
}

} // namespace

std::string issueMessageId(const std::string& secret, const std::string& domain, unsigned issueId) {
    std::string nonce = toHex(sha256(randomToken(16))).substr(0, kNonceHex);
    return "tf." + std::to_string(issueId) + "." + nonce + "." + signature(secret, issueId, nonce) + "@" + domain;
}

std::string issueThreadId(const std::string& secret, const std::string& domain, unsigned issueId) {
    const std::string nonce = toHex(hmacSha256(secret, "ticketflow thread\n" + std::to_string(issueId))).substr(0, kNonceHex);
    return "tf." + std::to_string(issueId) + "." + nonce + "." + signature(secret, issueId, nonce) + "@" + domain;
}

std::optional<unsigned> issueOfMessageId(const std::string& secret, std::string_view id) {
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    const auto at = id.find('@');
    if (id.substr(0, 3) != "tf." || at == std::string_view::npos) return std::nullopt;
    const auto parts = domain::split(id.substr(3, at - 3), '.');
    if (parts.size() != 3 || parts[1].size() != kNonceHex || parts[2].size() != kSignatureHex) return std::nullopt;
    const auto issueId = domain::parseId(parts[0]);
    if (!issueId || secret.size() < 32) return std::nullopt;
    if (!equalSecrets(signature(secret, *issueId, parts[1]), parts[2])) return std::nullopt;
    return issueId;
}

} // namespace ticketflow::app
