// An InboundMessage as JSON, for `ticketflow-mail parse` and anything that shows a parsed mail.
#pragma once

#include "core/domain/inbound_message.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace ticketflow::mail {

/// "2026-11-27T10:00:00Z" for a time in seconds since 1970 (UTC); nullopt outside the years
/// 0001..9999. Never throws except bad_alloc.
std::optional<std::string> isoUtc(std::int64_t seconds);

/// The message as one JSON object, keys in this order: from {name, address}, to, cc (lists of
/// {name, address}), subject, message_id, in_reply_to, references, date (ISO 8601 UTC or
/// null), text, reply_text, attachments [{filename, content_type, size, sha256}], verdict
/// {state, reason}. File contents are not included. Never throws except bad_alloc.
nlohmann::ordered_json messageJson(const domain::InboundMessage& message);

} // namespace ticketflow::mail
