// Password hashing (argon2id), random tokens and digests, all through libsodium.
#pragma once
#include <string>
#include <string_view>

namespace ticketflow::app {

/// Must run once before any other function here (sodium_init). Throws std::runtime_error.
void initCrypto();

/// argon2id hash in libsodium's string format (salt and parameters included).
std::string hashPassword(std::string_view password);
/// True when `password` matches `hash`; false for a malformed hash, never throws.
bool verifyPassword(std::string_view password, const std::string& hash);
/// `bytes` random bytes as unpadded base64url (32 bytes -> 43 characters).
std::string randomToken(std::size_t bytes = 32);
/// `bytes` random bytes, raw.
std::string randomBytes(std::size_t bytes);
/// Unpadded base64url of raw bytes.
std::string base64Url(std::string_view bytes);
/// SHA-256 of `data`, raw 32 bytes (what sessions and secret links store instead of tokens).
std::string sha256(std::string_view data);
std::string toHex(std::string_view bytes);
/// HMAC-SHA256 of `message` keyed with the server secret (its SHA-256 is the key), raw 32
/// bytes. Throws std::invalid_argument for a secret shorter than 32 characters.
std::string hmacSha256(const std::string& secret, std::string_view message);
/// Constant-time comparison for secrets (CSRF tokens, API keys).
bool equalSecrets(std::string_view a, std::string_view b);

} // namespace ticketflow::app
