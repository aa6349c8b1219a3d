// The body text and the files of a parsed GMime message, within the message limits.
#include "core/mail/mime_body.hpp"

#include "core/app/crypto.hpp"
#include "core/domain/attachment.hpp"
#include "core/domain/html_text.hpp"
#include "core/domain/mail_text.hpp"
#include "core/domain/mime_prescan.hpp"
#include "core/domain/text.hpp"
#include "core/domain/uuencode.hpp"
#include "core/mail/charset_conversion.hpp"
#include "core/mail/gmime_support.hpp"
#include "core/mail/header_text.hpp"
#include "core/mail/message_headers.hpp"

#include <array>
#include <utility>
#include <vector>

namespace ticketflow::mail {
namespace {

using domain::isBlank;

/// A piece of body text. Redmine's rule: text/plain parts win over text/html parts, except
/// where a choice was already made (an alternative, a forwarded message): those always count.
struct Piece {
    enum class Kind { plain, html, chosen } kind;
    bool fromHtml = false;
    std::string text;
};

std::string withLf(std::string s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out += '\n';
        } else {
            out += s[i];
        }
    }
    return out;
}

/// "type/subtype" in lower case, only token characters; application/octet-stream otherwise.
std::string mediaType(GMimeObject* object) {
    GMimeContentType* ct = g_mime_object_get_content_type(object);
    const char* type = ct ? g_mime_content_type_get_media_type(ct) : nullptr;
    const char* sub = ct ? g_mime_content_type_get_media_subtype(ct) : nullptr;
    std::string t = domain::asciiLower(std::string(type ? type : "text") + "/" + (sub ? sub : "plain"));
    if (t.size() > 100 || t.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-/") != std::string::npos)
        return "application/octet-stream";
    return t;
}

std::string parameter(GMimeObject* object, const char* name) {
    const char* v = g_mime_object_get_content_type_parameter(object, name);
    return v ? std::string(v) : std::string();
}

bool isAttachmentDisposition(GMimeObject* object) {
    GMimeContentDisposition* d = g_mime_object_get_content_disposition(object);
    return d && g_mime_content_disposition_is_attachment(d);
}

/// The file name of a part: GMime's (RFC 2231 continuations and charsets), except where a
/// quoted parameter holds encoded words: GMime decodes only the first of a folded run of them.
std::string partFilename(GMimeObject* object, const std::string& fallbackCharset) {
    const char* dispositionName = g_mime_object_get_content_disposition_parameter(object, "filename");
    const char* name = dispositionName ? dispositionName : g_mime_object_get_content_type_parameter(object, "name");
    if (!name) return {};
    GMimeHeader* h = g_mime_header_list_get_header(g_mime_object_get_header_list(object),
                                                   dispositionName ? "Content-Disposition" : "Content-Type");
    const char* raw = h ? g_mime_header_get_raw_value(h) : nullptr;
    const auto value = raw ? rawParameter(raw, dispositionName ? "filename" : "name") : std::nullopt;
    if (value && value->find("=?") != std::string::npos)
        return domain::cleanHeaderText(decodeHeaderText(*value, fallbackCharset));
    return domain::cleanHeaderText(name);
}

/// The charset an HTML part names in a <meta> tag, when its Content-Type does not.
std::string sniffHtmlCharset(std::string_view html) {
    const std::string head = domain::asciiLower(html.substr(0, 4096));
    const auto at = head.find("charset=");
    if (at == std::string::npos) return {};
    std::size_t p = at + 8;
    while (p < head.size() && (head[p] == '"' || head[p] == '\'' || head[p] == ' ')) ++p;
    const auto end = head.find_first_of("\"'; />", p);
    return head.substr(p, end == std::string::npos ? std::string::npos : end - p);
}

std::string defaultExtension(std::string_view type) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kExtensions{{
        {"text/plain", ".txt"},         {"text/html", ".html"},         {"text/calendar", ".ics"},
        {"image/png", ".png"},          {"image/jpeg", ".jpg"},         {"image/gif", ".gif"},
        {"application/pdf", ".pdf"},    {"application/zip", ".zip"},    {"message/rfc822", ".eml"},
        {"message/delivery-status", ".txt"}, {"text/rfc822-headers", ".txt"}, {"application/ms-tnef", ".dat"},
        {"image/webp", ".webp"},        {"application/octet-stream", ".bin"},
    }};
    for (const auto& [t, ext] : kExtensions)
        if (t == type) return std::string(ext);
    return ".bin";
}

/// Parts that carry no content for people: signatures and the PGP/MIME version part.
bool isSkipped(std::string_view type) {
    return type == "application/pgp-signature" || type == "application/pkcs7-signature" ||
           type == "application/x-pkcs7-signature" || type == "application/pgp-encrypted";
}

Piece select(const std::vector<Piece>& pieces) {
    bool anyPlain = false;
    for (const auto& p : pieces) anyPlain = anyPlain || (p.kind == Piece::Kind::plain && !isBlank(p.text));
    Piece result{Piece::Kind::chosen, false, {}};
    for (const auto& p : pieces) {
        const bool wanted = p.kind == Piece::Kind::chosen || p.kind == (anyPlain ? Piece::Kind::plain : Piece::Kind::html);
        if (!wanted || isBlank(p.text)) continue;
        if (!result.text.empty()) result.text += "\n\n";
        std::string_view t = p.text;
        while (!t.empty() && (t.back() == '\n' || t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
        result.text += t;
        result.fromHtml = result.fromHtml || p.fromHtml;
    }
    return result;
}

class BodyCollector {
public:
    BodyCollector(const domain::MailSettings& settings, const CpuBudget& budget, domain::InboundMessage& out)
        : _limits(settings.limits), _fallbackCharset(settings.fallbackCharset), _budget(budget), _out(out) {}

    std::string run(GMimeMessage* message) {
        std::size_t parts = 0;
        if (GMimeObject* root = g_mime_message_get_mime_part(message)) checkStructure(root, 0, parts);
        if (!_violation.empty()) return _violation;
        const Piece text = messageText(message);
        _out.text = text.text;
        _out.textFromHtml = text.fromHtml;
        return _violation;
    }

private:
    bool stopped() {
        if (_violation.empty() && _budget.exceeded())
            _violation = "parsing took more than " + std::to_string(_budget.limitMs()) + " ms of CPU time";
        return !_violation.empty();
    }
    void checkStructure(GMimeObject* object, std::size_t depth, std::size_t& parts);
    Piece messageText(GMimeMessage* message);
    void collect(GMimeObject* object, std::vector<Piece>& pieces);
    void collectAlternative(GMimeMultipart* multipart, std::vector<Piece>& pieces);
    void collectMessagePart(GMimeMessagePart* part, std::vector<Piece>& pieces);
    void collectPart(GMimePart* part, std::vector<Piece>& pieces);
    void addAttachment(std::string name, std::string type, std::string data, std::string contentId);

    const domain::MailLimits& _limits;
    const std::string& _fallbackCharset;
    const CpuBudget& _budget;
    domain::InboundMessage& _out;
    std::string _violation;
};

void BodyCollector::checkStructure(GMimeObject* object, std::size_t depth, std::size_t& parts) {
    if (!_violation.empty()) return;
    if (++parts > _limits.maxParts) {
        _violation = "too many MIME parts (over " + std::to_string(_limits.maxParts) + ")";
        return;
    }
    const bool container = GMIME_IS_MULTIPART(object) || GMIME_IS_MESSAGE_PART(object);
    if (container && ++depth > _limits.maxDepth) {
        _violation = "MIME parts are nested too deeply (over " + std::to_string(_limits.maxDepth) + " levels)";
        return;
    }
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart* m = GMIME_MULTIPART(object);
        const int n = g_mime_multipart_get_count(m);
        for (int i = 0; i < n && _violation.empty(); ++i) checkStructure(g_mime_multipart_get_part(m, i), depth, parts);
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        GMimeObject* root = inner ? g_mime_message_get_mime_part(inner) : nullptr;
        if (root) checkStructure(root, depth, parts);
    }
}

Piece BodyCollector::messageText(GMimeMessage* message) {
    std::vector<Piece> pieces;
    if (GMimeObject* root = g_mime_message_get_mime_part(message)) collect(root, pieces);
    return select(pieces);
}

void BodyCollector::collect(GMimeObject* object, std::vector<Piece>& pieces) {
    if (stopped()) return;
    if (GMIME_IS_MESSAGE_PART(object)) {
        collectMessagePart(GMIME_MESSAGE_PART(object), pieces);
    } else if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart* m = GMIME_MULTIPART(object);
        const std::string type = mediaType(object);
        if (type == "multipart/alternative") return collectAlternative(m, pieces);
        if (type == "multipart/report" && domain::asciiLower(parameter(object, "report-type")) == "delivery-status")
            _out.deliveryReport = true;
        const int n = g_mime_multipart_get_count(m);
        for (int i = 0; i < n && !stopped(); ++i) collect(g_mime_multipart_get_part(m, i), pieces);
    } else if (GMIME_IS_PART(object)) {
        collectPart(GMIME_PART(object), pieces);
    }
}

void BodyCollector::collectAlternative(GMimeMultipart* multipart, std::vector<Piece>& pieces) {
    // Versions come in increasing order of richness; plain text is what a note wants.
    std::vector<Piece> versions;
    const int n = g_mime_multipart_get_count(multipart);
    for (int i = 0; i < n && !stopped(); ++i) {
        std::vector<Piece> own;
        collect(g_mime_multipart_get_part(multipart, i), own);
        versions.push_back(select(own));
    }
    const Piece* chosen = nullptr;
    for (const auto& v : versions)
        if (!isBlank(v.text) && !v.fromHtml) {
            chosen = &v;
            break;
        }
    for (const auto& v : versions)
        if (!chosen && !isBlank(v.text)) chosen = &v;
    if (chosen) pieces.push_back(*chosen);
}

void BodyCollector::collectMessagePart(GMimeMessagePart* part, std::vector<Piece>& pieces) {
    GMimeObject* object = GMIME_OBJECT(part);
    GMimeMessage* inner = g_mime_message_part_get_message(part);
    if (!inner) return;
    const std::string subject = subjectOf(inner, _fallbackCharset);
    if (isAttachmentDisposition(object)) {
        std::string filename = partFilename(object, _fallbackCharset);
        if (isBlank(filename)) filename = (isBlank(subject) ? std::string("forwarded-message") : subject) + ".eml";
        GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
        g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, stream.get());
        addAttachment(filename, "message/rfc822", memStreamBytes(stream.get()), "");
        return;
    }
    Piece forwarded = messageText(inner);
    std::string block = "---------- Forwarded message ----------\n";
    const auto line = [&](const char* label, const std::string& value) {
        if (!value.empty()) block += std::string(label) + ": " + value + "\n";
    };
    line("From", formatAddresses(g_mime_message_get_from(inner)));
    const char* date = g_mime_object_get_header(GMIME_OBJECT(inner), "Date");
    line("Date", date ? domain::cleanHeaderText(date) : std::string());
    line("Subject", subject);
    line("To", formatAddresses(g_mime_message_get_to(inner)));
    line("Cc", formatAddresses(g_mime_message_get_cc(inner)));
    pieces.push_back({Piece::Kind::chosen, forwarded.fromHtml, block + "\n" + forwarded.text});
}

void BodyCollector::collectPart(GMimePart* part, std::vector<Piece>& pieces) {
    GMimeObject* object = GMIME_OBJECT(part);
    const std::string type = mediaType(object);
    if (isSkipped(type)) return;
    if (type == "message/delivery-status") _out.deliveryReport = true;
    const std::string filename = partFilename(object, _fallbackCharset);
    std::string bytes;
    if (GMimeDataWrapper* content = g_mime_part_get_content(part)) {
        GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
        g_mime_data_wrapper_write_to_stream(content, stream.get());
        bytes = memStreamBytes(stream.get());
    }
    const bool text = type == "text/plain" || type == "text/html";
    if (!text || isAttachmentDisposition(object) || !filename.empty()) {
        const char* cid = g_mime_part_get_content_id(part);
        addAttachment(filename, type, std::move(bytes), cid ? domain::cleanHeaderText(cid) : std::string());
        return;
    }
    std::string charset = parameter(object, "charset");
    if (type == "text/html") {
        if (charset.empty()) charset = sniffHtmlCharset(bytes);
        pieces.push_back({Piece::Kind::html, true, domain::htmlToText(withLf(convertToUtf8(bytes, charset, _fallbackCharset)))});
        return;
    }
    std::string plain = withLf(convertToUtf8(bytes, charset, _fallbackCharset));
    if (domain::asciiLower(parameter(object, "format")) == "flowed")
        plain = domain::unflowText(plain, domain::asciiLower(parameter(object, "delsp")) == "yes");
    auto split = domain::extractUuencoded(plain);
    for (auto& file : split.files)
        addAttachment(domain::cleanHeaderText(file.name), std::string(domain::safeContentType(domain::sanitizeFilename(file.name))),
                      std::move(file.data), "");
    pieces.push_back({Piece::Kind::plain, false, std::move(split.text)});
}

void BodyCollector::addAttachment(std::string name, std::string type, std::string data, std::string contentId) {
    if (!_violation.empty() || data.empty()) return; // an empty file carries nothing
    if (_out.attachments.size() >= _limits.maxAttachments) {
        _violation = "too many attachments (over " + std::to_string(_limits.maxAttachments) + ")";
        return;
    }
    if (isBlank(name)) name = "attachment-" + std::to_string(_out.attachments.size() + 1) + defaultExtension(type);
    domain::MailAttachment a;
    a.filename = domain::sanitizeFilename(name);
    if (data.size() > _limits.maxAttachmentBytes) {
        _violation = domain::tooLargeReason("attachment " + a.filename, data.size(), _limits.maxAttachmentBytes);
        return;
    }
    a.contentType = std::move(type);
    a.sha256 = app::toHex(app::sha256(data));
    a.data = std::move(data);
    if (contentId.size() >= 2 && contentId.front() == '<' && contentId.back() == '>')
        contentId = contentId.substr(1, contentId.size() - 2);
    a.contentId = std::move(contentId);
    _out.attachments.push_back(std::move(a));
}

} // namespace

std::string collectBody(GMimeMessage* message, const domain::MailSettings& settings, const CpuBudget& budget,
                        domain::InboundMessage& out) {
    return BodyCollector(settings, budget, out).run(message);
}

} // namespace ticketflow::mail
