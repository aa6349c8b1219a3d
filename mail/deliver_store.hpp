// One delivered message into inbound_mail on a connection of its own (`ticketflow-mail deliver`
// with no poller to hand it to).
#pragma once
#include "core/storage/db_config.hpp"

#include <cstdint>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ticketflow::mail_tool {

/// The database could not be reached or refused the message; the text is the client's. The
/// MTA should try again later.
class DeliverStoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// All of `in` when it holds at most maxBytes; nullopt (having read maxBytes + 1) otherwise:
/// a larger message is not stored (the MTA bounces it).
std::optional<std::string> readLimited(std::istream& in, std::uint64_t maxBytes);

enum class StoreOutcome { Stored, AlreadyStored };

/// Stores `raw` as received mail of `mailbox`, committed when this returns. AlreadyStored: the
/// same bytes were stored before (a delivery repeated by the MTA). Throws DeliverStoreError.
StoreOutcome storeDelivered(const storage::DbConfig& db, const std::string& mailbox, std::string_view raw);

} // namespace ticketflow::mail_tool
