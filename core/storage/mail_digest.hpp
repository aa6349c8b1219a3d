// The key inbound_mail is unique by: the SHA-256 of a message's raw bytes, so the same
// message delivered twice (a retrying MTA, two pollers, deliver and a poller) is stored once.
#pragma once
#include <sodium.h>

#include <string>
#include <string_view>

namespace ticketflow::storage {

/// The 32 raw bytes of SHA-256(raw), as inbound_mail.sha256 holds them.
inline std::string mailDigest(std::string_view raw) {
    std::string digest(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()), reinterpret_cast<const unsigned char*>(raw.data()),
                       raw.size());
    return digest;
}

} // namespace ticketflow::storage
