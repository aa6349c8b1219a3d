// One notification mail as RFC 5322 bytes (DESIGN §4), composed with Poco Net: every header
// from user input cleaned to one line and RFC 2047-encoded, threading headers, the headers that
// keep auto-responders quiet, plain text with an optional HTML alternative.
#pragma once
#include <string>
#include <vector>

namespace ticketflow::app {

struct NotificationMail {
    std::string fromName, fromAddress; ///< the project's support address
    std::string replyTo;               ///< address; empty: none
    std::string toName, toAddress;
    std::string subject;                 ///< UTF-8
    std::string messageId;               ///< without angle brackets (app::issueMessageId)
    std::vector<std::string> references; ///< the issue's earlier mails, oldest first; the last is In-Reply-To
    std::string loopHeader;              ///< our loop header's name ([mail] loop_header); empty: none
    std::string text;                    ///< UTF-8, "\n" line ends
    std::string html;                    ///< UTF-8; empty: text only
};

/// The message with CRLF line ends and a Date of now. Throws std::invalid_argument for an
/// address that is not one (isValidEmail) or a Message-ID with characters it may not hold.
std::string composeNotification(const NotificationMail& mail);

} // namespace ticketflow::app
