// The body text and the files of a parsed GMime message, within the message limits.
#pragma once

#include "core/domain/inbound_message.hpp"
#include "core/domain/mail_settings.hpp"
#include "core/mail/cpu_budget.hpp"

#include <gmime/gmime.h>

#include <string>

namespace ticketflow::mail {

/// Walks the MIME tree of `message` and fills `out.text` (not yet cleaned or cut),
/// `out.textFromHtml`, `out.attachments` and `out.deliveryReport`.
///
/// Text: inside multipart/alternative the text/plain version is taken unless it is blank,
/// then the HTML one (converted to text); elsewhere, like Redmine, the inline text/plain parts
/// are taken in order, and the inline text/html parts only when there is no text/plain one.
/// An inline message/rfc822 part adds a "Forwarded message" block with its own text (its
/// files are taken too); one sent as an attachment becomes a .eml file. uuencoded blocks in
/// the text become files. Text is decoded (QP, base64, uuencode) and converted from its
/// charset (settings.fallbackCharset where undeclared). Files: every other leaf part except signatures (application/pgp-signature,
/// pkcs7-signature); empty ones are skipped.
///
/// Returns the first limit exceeded (depth and part count, checked before anything is
/// decoded; attachment count and size; the CPU budget), or "" when none was. Never throws
/// except bad_alloc.
std::string collectBody(GMimeMessage* message, const domain::MailSettings& settings, const CpuBudget& budget,
                        domain::InboundMessage& out);

} // namespace ticketflow::mail
