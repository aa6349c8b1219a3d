// One message from an MTA pipe into inbound_mail.
#include "core/storage/mail_delivery.hpp"

#include "core/storage/inbound_mail_repository.hpp"

namespace ticketflow::storage {

std::optional<std::string> readLimited(std::istream& in, std::uint64_t maxBytes) {
    std::string raw;
    char chunk[65536];
    while (in && raw.size() <= maxBytes) {
        in.read(chunk, sizeof chunk);
        raw.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (raw.size() > maxBytes) return std::nullopt;
    return raw;
}

Delivery deliverMessage(Connection& db, const std::string& mailboxName, std::istream& in, std::uint64_t maxBytes,
                        std::uint64_t* storedId) {
    const auto raw = readLimited(in, maxBytes);
    if (!raw) return Delivery::TooLarge;
    const auto stored = InboundMailRepository(db).store(mailboxName, *raw);
    if (storedId) *storedId = stored.id;
    return stored.duplicate ? Delivery::Duplicate : Delivery::Stored;
}

} // namespace ticketflow::storage
