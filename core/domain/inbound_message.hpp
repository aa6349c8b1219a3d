// An incoming mail as the rest of the system sees it: plain fields, text and files, a verdict.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

struct MailAddress {
    std::string name;    ///< display name, decoded; may be empty
    std::string address; ///< local@domain as written (case kept); may be empty when unparsable
};

/// A file taken from a mail: a MIME part that is not body text, or an inline uuencoded block.
struct MailAttachment {
    std::string filename;    ///< sanitised (sanitizeFilename): no path, no control characters
    std::string contentType; ///< what the mail claimed, lower case ("application/pdf")
    std::string data;        ///< the decoded bytes
    std::string sha256;      ///< of data, lower-case hex
    std::string contentId;   ///< Content-ID without <>, for inline images; may be empty
};

/// What intake does with a message (DESIGN §3 step 1).
enum class MailVerdictState {
    accept, ///< process it
    ignore, ///< automatic mail (auto-reply, bounce, list, our own): stored, never answered
    spam,   ///< flagged as spam
    reject, ///< over a limit or unusable: kept in quarantine for an admin
};

struct MailVerdict {
    MailVerdictState state = MailVerdictState::accept;
    std::string reason; ///< for people ("auto-submitted: auto-replied"); empty for accept
};

/// "accept", "ignore", "spam", "reject" (also the values stored later). Never throws.
std::string_view verdictStateName(MailVerdictState state);

struct MailHeader {
    std::string name;  ///< as written ("X-Spam-Flag")
    std::string value; ///< unfolded and decoded, valid UTF-8
};

/// One parsed mail. Every string is valid UTF-8; one-line fields have no control characters.
struct InboundMessage {
    MailAddress from; ///< first mailbox of From (else Sender)
    std::vector<MailAddress> to, cc, replyTo;
    std::string returnPath; ///< address of Return-Path without <>; "<>" stays "<>" (a bounce)
    std::string subject;
    std::string messageId; ///< without <>
    std::string inReplyTo; ///< first id of In-Reply-To, without <>
    std::vector<std::string> references; ///< without <>, oldest first
    std::optional<std::int64_t> date;    ///< Date header as seconds since 1970 (UTC)
    std::string text;      ///< the body for a new issue ("\n" line ends)
    std::string replyText; ///< text without quotes and signature, for a note
    bool textFromHtml = false; ///< the mail had no usable text/plain part
    bool deliveryReport = false; ///< multipart/report; report-type=delivery-status, or a message/delivery-status part
    std::vector<MailAttachment> attachments;
    std::vector<MailHeader> headers; ///< the top-level header, in order
    std::uint64_t rawSize = 0;
    MailVerdict verdict;

    /// The value of the first header named `name` (ASCII case ignored), if any. Never throws.
    const std::string* header(std::string_view name) const;
};

} // namespace ticketflow::domain
