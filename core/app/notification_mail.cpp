// One notification mail as RFC 5322 bytes, composed with Poco Net.
#include "core/app/notification_mail.hpp"

#include "core/domain/customer.hpp"
#include "core/domain/mail_text.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/StringPartSource.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace ticketflow::app {

namespace {

using Poco::Net::MailMessage;

/// RFC 2047 "B" encoded words of at most 45 bytes of UTF-8 each (75 characters a word), split
/// between characters. Base64 holds no character that means something in an address header,
/// where Poco's "Q" words would leave quotes and commas as they are.
std::string encodedWords(const std::string& text) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = std::min(text.size(), at + 45);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        std::ostringstream b64;
        Poco::Base64Encoder encoder(b64);
        encoder.rdbuf()->setLineLength(0);
        encoder << text.substr(at, end - at);
        encoder.close();
        out += (out.empty() ? "" : " ") + std::string("=?UTF-8?B?") + b64.str() + "?=";
        at = end;
    }
    return out;
}

/// Text that must go as encoded words: non-ASCII, or ASCII that a reader's client would take
/// for an encoded word and show as something else ("=?UTF-8?B?...?=" typed into a subject).
bool needsEncoding(const std::string& clean) {
    for (const unsigned char c : clean)
        if (c >= 0x80) return true;
    return clean.find("=?") != std::string::npos;
}

/// A display name for a header: cleaned to one line; quoted when plain ASCII (RFC 5322 quoted
/// string), else RFC 2047-encoded (an encoded word must not be quoted).
std::string displayName(const std::string& name) {
    const std::string clean = domain::cleanHeaderText(name);
    if (needsEncoding(clean)) return encodedWords(clean);
    std::string quoted = "\"";
    for (const char c : clean) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

/// Our own addresses (`sender`) may be on a single-label domain; recipients may not.
std::string mailbox(const std::string& name, const std::string& address, bool sender = false) {
    if (!(sender ? domain::isValidSenderAddress(address) : domain::isValidEmail(address))) throw std::invalid_argument("not a mail address: " + domain::cleanHeaderText(address));
    const std::string clean = domain::cleanHeaderText(name);
    return clean.empty() ? address : displayName(clean) + " <" + address + ">";
}

std::string messageIdHeader(const std::string& id) {
    // dot-atom text "@" dot-atom text, as issueMessageId makes them and mail clients send them
    const bool ok = !id.empty() && id.size() <= 250 && id.find('@') != std::string::npos &&
                    id.find_first_of("<> \t\r\n\"\\()[],;:") == std::string::npos;
    if (!ok) throw std::invalid_argument("not a Message-ID: " + domain::cleanHeaderText(id));
    return "<" + id + ">";
}

/// Valid UTF-8 with CRLF line ends (the quoted-printable encoder keeps them as hard breaks).
std::string crlf(const std::string& text) {
    const std::string valid = domain::toValidUtf8(text);
    std::string out;
    out.reserve(valid.size() + valid.size() / 40);
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const char c = valid[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < valid.size() && valid[i + 1] == '\n') ++i;
            out += "\r\n";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::string composeNotification(const NotificationMail& m) {
    MailMessage message;
    message.setSender(mailbox(m.fromName, m.fromAddress, true));
    // The header only: Poco would write its recipients' names unencoded; the envelope
    // recipients travel with the outbox row.
    message.set("To", mailbox(m.toName, m.toAddress));
    if (!m.replyTo.empty()) message.set("Reply-To", mailbox("", m.replyTo, true));
    const std::string subject = domain::cleanHeaderText(m.subject);
    message.setSubject(needsEncoding(subject) ? encodedWords(subject) : subject);
    message.set("Message-ID", messageIdHeader(m.messageId));
    if (!m.references.empty()) {
        std::string references;
        for (const auto& id : m.references) references += (references.empty() ? "" : " ") + messageIdHeader(id);
        message.set("In-Reply-To", messageIdHeader(m.references.back()));
        message.set("References", references);
    }
    // RFC 3834, and what Exchange and Outlook honour: no out-of-office answers to these.
    message.set("Auto-Submitted", "auto-generated");
    message.set("X-Auto-Response-Suppress", "All");
    if (!m.loopHeader.empty()) message.set(domain::cleanHeaderText(m.loopHeader), "ticketflow");
    if (m.html.empty()) {
        message.setContentType("text/plain; charset=UTF-8");
        message.setContent(crlf(m.text), MailMessage::ENCODING_QUOTED_PRINTABLE);
    } else {
        message.setContentType("multipart/alternative");
        message.addContent(new Poco::Net::StringPartSource(crlf(m.text), "text/plain; charset=UTF-8"),
                           MailMessage::ENCODING_QUOTED_PRINTABLE);
        message.addContent(new Poco::Net::StringPartSource(crlf(m.html), "text/html; charset=UTF-8"),
                           MailMessage::ENCODING_QUOTED_PRINTABLE);
    }
    std::ostringstream out;
    message.write(out);
    return out.str();
}

} // namespace ticketflow::app
