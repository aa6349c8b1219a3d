// One message from an MTA pipe into inbound_mail (`ticketflow-mail deliver`).
#pragma once
#include "core/storage/connection.hpp"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

namespace ticketflow::storage {

enum class Delivery { Stored, Duplicate, TooLarge };

/// All of `in` when it holds at most maxBytes; nullopt (having read maxBytes + 1) otherwise.
std::optional<std::string> readLimited(std::istream& in, std::uint64_t maxBytes);

/// Reads at most maxBytes + 1 from `in`; larger mail is not stored (the MTA bounces it).
/// Throws StorageError when the database is unreachable (the MTA should retry). `storedId`
/// receives the message's id when stored.
Delivery deliverMessage(Connection& db, const std::string& mailboxName, std::istream& in, std::uint64_t maxBytes,
                        std::uint64_t* storedId = nullptr);

} // namespace ticketflow::storage
