// The mailboxes ticketflow-mail reads, from the [mailbox.NAME] sections of ticketflow.conf.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ticketflow::intake {

struct MailboxConfig {
    enum class Kind { Pop3, Pop3s, Maildir };
    std::string name; ///< the section's NAME: inbound_mail.mailbox, lock name, log lines
    Kind kind = Kind::Maildir;
    std::string project;   ///< identifier of the project new issues go to
    std::string host;      ///< POP3
    int port = 0;          ///< POP3: 110, POP3S: 995 unless given
    std::string user, password;
    std::string caFile;    ///< POP3S: trust this CA (PEM) instead of the system's
    bool verifyTls = true; ///< POP3S: check the server certificate and name
    int timeoutSeconds = 60;
    std::string path;      ///< Maildir: the folder holding new/ and cur/
};

struct IntakeConfig {
    std::vector<MailboxConfig> mailboxes;
    int pollSeconds = 60;              ///< [intake] poll_seconds
    unsigned maxPerSenderHour = 30;    ///< [intake] max_per_sender_hour: more is refused
    std::vector<std::string> blocked;  ///< [intake] blocked: addresses and @domains refused
    std::string reopenStatus = "Accepted"; ///< [intake] reopen_status: a customer's reply reopens to it
    std::string deliverSocket; ///< [intake] deliver_socket: where the poller takes mail from `deliver`
    unsigned processWorkers = 2; ///< [intake] process_workers: connections processing side by side

    const MailboxConfig* mailbox(const std::string& name) const;
};

/// Reads [intake] (poll_seconds, max_per_sender_hour, blocked = a@x.org, @spam.example,
/// reopen_status, deliver_socket, process_workers 1..16) and every [mailbox.NAME] section (type = pop3 | pop3s | maildir, project,
/// host, port, user, password, ca_file, verify_tls, timeout_seconds, path; relative paths
/// against the file's folder). The size limit of a message is [mail] max_size (see
/// core/app/mail_config.hpp). Throws std::runtime_error naming the file and the bad key.
IntakeConfig loadIntakeConfig(const std::string& path);

} // namespace ticketflow::intake
