// The mail intake settings of one installation, read from the [mail] section of ticketflow.conf.
#pragma once

#include "core/domain/mail_settings.hpp"

#include <string>

namespace ticketflow::app {

/// Reads the [mail] section of an INI file (every key optional; a file without the section
/// gives the defaults of domain::MailSettings):
///   own_addresses = support@example.org, noreply@example.org  (mail from these is a loop)
///   loop_header = X-Ticketflow-Loop       (the header our outgoing mail carries)
///   max_size = 25M                        (whole message; K, M, G like [attachments] max_size)
///   max_header_size = 100K, max_headers = 500, max_received = 50
///   max_depth = 20, max_parts = 500, max_attachments = 100
///   max_attachment_size = 10M             (default: [attachments] max_size)
///   cpu_budget_ms = 2000
///   fallback_charset = windows-1252       (undeclared 8-bit text that is not UTF-8)
///   reply_delimiter_1 = --- Reply above this line ---   (any key starting reply_delimiter:
///                                          a line starting with this text ends a reply)
///   reply_regex_1 = ^_{10,}$              (any key starting reply_regex: an ECMAScript
///                                          pattern, case-insensitive, searched in each line)
/// Nothing else in the file is read or checked, so it works on a full ticketflow.conf and on
/// a file holding only [mail]. Throws std::runtime_error naming the file and the bad key.
domain::MailSettings loadMailSettings(const std::string& path);

} // namespace ticketflow::app
