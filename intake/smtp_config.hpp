// How ticketflow-mail sends the outbox: the [smtp] section of ticketflow.conf.
#pragma once
#include <string>

namespace ticketflow::intake {

struct SmtpConfig {
    std::string host;       ///< empty: no SMTP; mails are written as .eml files to dropFolder
    int port = 25;
    bool starttls = false;  ///< STARTTLS before AUTH (port 587 usually)
    bool verifyTls = true;
    std::string caFile;     ///< trust this CA (PEM) instead of the system's
    std::string user, password; ///< AUTH LOGIN when user is set
    std::string from = "ticketflow@localhost"; ///< the envelope sender (MAIL FROM)
    std::string heloName = "localhost";
    int timeoutSeconds = 60;
    unsigned maxTries = 12; ///< then a mail is dead: kept, shown in admin with "retry"
    std::string dropFolder; ///< without SMTP: the folder for .eml files (default outbox/ beside the file)

    bool smtp() const { return !host.empty(); }
};

/// Reads [smtp] (host, port, starttls, verify_tls, ca_file, user, password, from, helo,
/// timeout_seconds, max_tries, drop_folder; relative paths against the file's folder). Throws
/// std::runtime_error naming the file and the bad key.
SmtpConfig loadSmtpConfig(const std::string& path);

} // namespace ticketflow::intake
