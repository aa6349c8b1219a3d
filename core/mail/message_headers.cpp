// The header fields of a parsed GMime message, copied into an InboundMessage.
#include "core/mail/message_headers.hpp"

#include "core/domain/mail_text.hpp"
#include "core/domain/text.hpp"
#include "core/mail/gmime_support.hpp"
#include "core/mail/header_text.hpp"

namespace ticketflow::mail {
namespace {

using domain::cleanHeaderText;
using domain::MailAddress;

constexpr std::size_t kMaxHeaders = 1000;     // fields kept in InboundMessage::headers
constexpr std::size_t kMaxAddresses = 1000;   // per list; the header size limit bounds it anyway
constexpr std::size_t kMaxReferences = 100;   // the first and the last 99 are kept
constexpr std::size_t kMaxMessageIdBytes = 998; // a header line's limit (RFC 5322)

std::string text(const char* s) {
    return s ? cleanHeaderText(s) : std::string();
}

/// A Message-ID without <> and without anything a one-line field must not hold.
std::string messageId(std::string_view id) {
    std::string s = cleanHeaderText(id);
    if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
    if (s.size() > kMaxMessageIdBytes) s.clear(); // not an id anyone sent us
    return s;
}

void appendMailboxes(InternetAddressList* list, std::vector<MailAddress>& out) {
    if (!list) return;
    const int n = internet_address_list_length(list);
    for (int i = 0; i < n && out.size() < kMaxAddresses; ++i) {
        InternetAddress* a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(a)) {
            appendMailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out);
        } else if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
            out.push_back({text(internet_address_get_name(a)),
                           text(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)))});
        }
    }
}

std::vector<MailAddress> mailboxes(GMimeMessage* m, GMimeAddressType type) {
    std::vector<MailAddress> out;
    appendMailboxes(g_mime_message_get_addresses(m, type), out);
    return out;
}

std::vector<std::string> parseIds(GMimeParserOptions* options, const char* value) {
    std::vector<std::string> ids;
    if (!value) return ids;
    GMimeReferences* refs = g_mime_references_parse(options, value);
    if (!refs) return ids;
    const int n = g_mime_references_length(refs);
    for (int i = 0; i < n; ++i) {
        if (i >= 1 && n > static_cast<int>(kMaxReferences) && i < n - static_cast<int>(kMaxReferences) + 1) continue;
        std::string id = messageId(g_mime_references_get_message_id(refs, i));
        if (!id.empty()) ids.push_back(std::move(id));
    }
    g_mime_references_free(refs);
    return ids;
}

std::string returnPath(const char* value) {
    if (!value) return {};
    std::string v = cleanHeaderText(value);
    std::string inner = v;
    if (const auto lt = v.find('<'); lt != std::string::npos) {
        const auto gt = v.find('>', lt);
        inner = v.substr(lt + 1, gt == std::string::npos ? std::string::npos : gt - lt - 1);
    }
    inner = std::string(domain::trim(inner));
    if (inner.empty()) return v.find('<') != std::string::npos ? "<>" : "";
    return inner;
}

} // namespace

std::string formatAddresses(InternetAddressList* list) {
    std::vector<MailAddress> all;
    appendMailboxes(list, all);
    std::string out;
    for (const auto& a : all) {
        if (!out.empty()) out += ", ";
        out += a.name.empty() ? a.address : a.name + " <" + a.address + ">";
    }
    return out;
}

std::string subjectOf(GMimeMessage* m, const std::string& fallbackCharset) {
    GMimeHeaderList* list = g_mime_object_get_header_list(GMIME_OBJECT(m));
    GMimeHeader* h = g_mime_header_list_get_header(list, "Subject");
    const char* raw = h ? g_mime_header_get_raw_value(h) : nullptr;
    if (!raw) return text(g_mime_message_get_subject(m));
    return cleanHeaderText(decodeHeaderText(raw, fallbackCharset));
}

void readHeaders(GMimeMessage* m, GMimeParserOptions* options, const std::string& fallbackCharset,
                 domain::InboundMessage& out) {
    GMimeObject* object = GMIME_OBJECT(m);
    GMimeHeaderList* list = g_mime_object_get_header_list(object);
    const int count = g_mime_header_list_get_count(list);
    for (int i = 0; i < count && out.headers.size() < kMaxHeaders; ++i) {
        GMimeHeader* h = g_mime_header_list_get_header_at(list, i);
        out.headers.push_back({text(g_mime_header_get_name(h)), text(g_mime_header_get_value(h))});
    }
    std::vector<MailAddress> from = mailboxes(m, GMIME_ADDRESS_TYPE_FROM);
    if (from.empty() || from.front().address.empty()) from = mailboxes(m, GMIME_ADDRESS_TYPE_SENDER);
    if (!from.empty()) out.from = from.front();
    out.to = mailboxes(m, GMIME_ADDRESS_TYPE_TO);
    out.cc = mailboxes(m, GMIME_ADDRESS_TYPE_CC);
    out.replyTo = mailboxes(m, GMIME_ADDRESS_TYPE_REPLY_TO);
    out.returnPath = returnPath(g_mime_object_get_header(object, "Return-Path"));
    out.subject = subjectOf(m, fallbackCharset);
    if (const char* id = g_mime_message_get_message_id(m)) out.messageId = messageId(id);
    const auto inReplyTo = parseIds(options, g_mime_object_get_header(object, "In-Reply-To"));
    if (!inReplyTo.empty()) out.inReplyTo = inReplyTo.front();
    out.references = parseIds(options, g_mime_object_get_header(object, "References"));
    if (GDateTime* date = g_mime_message_get_date(m)) out.date = g_date_time_to_unix(date);
}

} // namespace ticketflow::mail
