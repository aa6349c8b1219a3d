// Message-IDs of the mails ticketflow sends about an issue, signed so that a reply's
// In-Reply-To or References can name its issue and nobody can forge one for another issue.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::app {

/// "tf.<issue>.<16 random hex>.<signature>@<domain>" (without angle brackets); the signature
/// is 20 hex of an HMAC over issue and nonce with the server secret. Throws
/// std::invalid_argument for a short secret.
std::string issueMessageId(const std::string& secret, const std::string& domain, unsigned issueId);

/// The same for every mail about the issue (the nonce derived from the issue with the secret):
/// the thread's root, named in every mail's References so mail clients keep one thread.
std::string issueThreadId(const std::string& secret, const std::string& domain, unsigned issueId);

/// The issue of a Message-ID made by issueMessageId with this secret (any domain; angle
/// brackets tolerated); nullopt for anything else, a bad signature included. Never throws
/// but bad_alloc.
std::optional<unsigned> issueOfMessageId(const std::string& secret, std::string_view messageId);

} // namespace ticketflow::app
