// The header fields of a parsed GMime message, copied into an InboundMessage.
#pragma once

#include "core/domain/inbound_message.hpp"

#include <gmime/gmime.h>

#include <string>

namespace ticketflow::mail {

/// Fills the header fields of `out` from `message`: the header list, from (first mailbox of
/// From, else Sender), to, cc, reply-to, Return-Path, subject, Message-ID, In-Reply-To,
/// References and Date, all decoded (RFC 2047, 8-bit fallbacks) and cleaned to one line of
/// valid UTF-8. Message-IDs lose their <>. Never throws except bad_alloc.
/// The subject comes from the raw value through decodeHeaderText (our charset rules), read
/// with `fallbackCharset` where undeclared.
void readHeaders(GMimeMessage* message, GMimeParserOptions* options, const std::string& fallbackCharset,
                 domain::InboundMessage& out);

/// The decoded, cleaned Subject of `message` ("" when it has none). Never throws except bad_alloc.
std::string subjectOf(GMimeMessage* message, const std::string& fallbackCharset);

/// One mailbox as "Name <address>" (or the address alone), for the forwarded-message block.
std::string formatAddresses(InternetAddressList* list);

} // namespace ticketflow::mail
