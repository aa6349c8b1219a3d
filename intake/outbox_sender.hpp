// Sending the outbox (DESIGN §4): due mails over SMTP, or as .eml files when no SMTP is
// configured; retries with backoff, dead letters after [smtp] max_tries.
#pragma once
#include "core/storage/connection.hpp"
#include "intake/smtp_config.hpp"

#include <cstddef>
#include <ostream>

namespace ticketflow::intake {

struct SendReport {
    std::size_t sent = 0, failed = 0, dead = 0;
};

/// One batch: up to `limit` due mails claimed FOR UPDATE SKIP LOCKED in one transaction (a
/// second sender, on this host or another, takes other mails meanwhile), each sent and marked
/// sent, or marked failed with the server's answer (a 5xx answer is final: dead at once).
/// A mail the server accepted is marked in the same transaction, so a crash between the two
/// can send it again (at least once, never lost). Throws StorageError when the database fails.
SendReport sendDue(storage::Connection& db, const SmtpConfig& smtp, std::size_t limit, std::ostream& log);

} // namespace ticketflow::intake
