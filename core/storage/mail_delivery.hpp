// One message from an MTA pipe into inbound_mail on a connection of its own (`ticketflow-mail
// deliver` with no poller to hand it to), through the MariaDB C client: this part of storage
// holds nothing of Connector/C++, so the MTA's process per message can be linked statically.
#pragma once
#include "core/storage/db_config.hpp"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::storage {

/// All of `in` when it holds at most maxBytes; nullopt (having read maxBytes + 1) otherwise:
/// a larger message is not stored (the MTA bounces it).
std::optional<std::string> readLimited(std::istream& in, std::uint64_t maxBytes);

enum class Delivery { Stored, AlreadyStored };

/// Stores `raw` as received mail of `mailbox`, committed when this returns. AlreadyStored: the
/// same bytes were stored before (a delivery repeated by the MTA). Throws StorageError (the
/// client's message and error number) when the database cannot be reached or refuses it.
Delivery deliverMessage(const DbConfig& db, const std::string& mailbox, std::string_view raw);

} // namespace ticketflow::storage
