// A cheap look at the raw bytes of a mail before a MIME parser sees them: size and shape limits.
#include "core/domain/mime_prescan.hpp"
#include "core/domain/text.hpp"

#include "core/domain/attachment.hpp"

#include <optional>
#include <vector>

namespace ticketflow::domain {
namespace {

constexpr std::size_t kMaxBoundary = 200; // RFC 2046 allows 70; a longer one is matched by its start

std::string lowerTrimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    std::string out;
    for (char c : s) out += asciiLower(c);
    return out;
}

/// The first word of a header value, lower case ("multipart/mixed; ..." -> "multipart/mixed").
std::string firstToken(std::string_view value) {
    std::string t = lowerTrimmed(value);
    return t.substr(0, t.find_first_of("; \t("));
}

/// The media type of a Content-Type value as a lenient parser reads it: before the first ';',
/// without white space and (comments), lower case ("Multipart (x) / Mixed" -> "multipart/mixed").
std::string mediaTypeOf(std::string_view value) {
    std::string out;
    int comment = 0;
    for (char c : value.substr(0, value.find(';'))) {
        if (c == '(') ++comment;
        else if (c == ')' && comment > 0) --comment;
        else if (comment == 0 && c != ' ' && c != '\t') out += asciiLower(c);
    }
    return out;
}

/// The boundary of a multipart Content-Type value. Only the plain form mail programs write is
/// accepted: GMime also reads RFC 2231 (boundary*0=), RFC 2047 (=?…?=) and quoted-pair forms
/// and takes the first of two, so for anything else the pre-scan could not follow GMime's parts
/// and says so in `problem`.
struct Boundary {
    std::string value;
    std::string problem;
};

Boundary boundaryOf(std::string_view contentType) {
    Boundary b;
    std::size_t found = 0;
    std::size_t p = contentType.find(';');
    while (p != std::string_view::npos && p < contentType.size()) {
        ++p;
        const std::size_t eq = contentType.find_first_of("=;", p);
        if (eq == std::string_view::npos || contentType[eq] == ';') {
            p = eq;
            continue;
        }
        const std::string name = lowerTrimmed(contentType.substr(p, eq - p));
        std::size_t v = eq + 1;
        while (v < contentType.size() && (contentType[v] == ' ' || contentType[v] == '\t')) ++v;
        std::string value;
        bool escaped = false;
        if (v < contentType.size() && contentType[v] == '"') {
            for (++v; v < contentType.size() && contentType[v] != '"'; ++v) {
                escaped = escaped || contentType[v] == '\\';
                value += contentType[v];
            }
            if (v < contentType.size()) ++v;
        } else {
            while (v < contentType.size() && contentType[v] != ';' && contentType[v] != ' ' && contentType[v] != '\t')
                value += contentType[v++];
        }
        if (name.rfind("boundary", 0) == 0 && name != "boundary") b.problem = "written in RFC 2231 form";
        if (name == "boundary") {
            ++found;
            if (escaped) b.problem = "written with quoted-pairs";
            if (value.find("=?") != std::string::npos && value.find("?=") != std::string::npos)
                b.problem = "written as an encoded word";
            while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
            b.value = value.substr(0, kMaxBoundary);
        }
        p = contentType.find(';', v);
    }
    if (found > 1) b.problem = "given twice";
    if (!b.problem.empty()) b.problem = "a multipart boundary is " + b.problem + ", which mail programs do not do";
    return b;
}

/// One header block being read: its size, its fields, its Content-Types and transfer encodings.
struct HeaderBlock {
    explicit HeaderBlock(bool top = false) : topLevel(top) {}
    bool topLevel;
    std::size_t bytes = 0, fields = 0, received = 0;
    enum class Field { other, contentType, encoding } current = Field::other;
    std::vector<std::string> contentTypes; // all of them: parsers disagree on which one counts
    std::vector<std::string> encodings;

    void line(std::string_view l) {
        bytes += l.size() + 1;
        if (!l.empty() && (l[0] == ' ' || l[0] == '\t')) { // a folded continuation
            if (current == Field::contentType) contentTypes.back().append(l);
            if (current == Field::encoding) encodings.back().append(l);
            return;
        }
        ++fields;
        const std::size_t colon = l.find(':');
        const std::string name = colon == std::string_view::npos ? std::string() : lowerTrimmed(l.substr(0, colon));
        const std::string_view value = colon == std::string_view::npos ? std::string_view() : l.substr(colon + 1);
        current = Field::other;
        if (name == "received") ++received;
        if (name == "content-type") {
            current = Field::contentType;
            contentTypes.emplace_back(value);
        } else if (name == "content-transfer-encoding") {
            current = Field::encoding;
            encodings.emplace_back(value);
        }
    }
    /// An attached message GMime parses as one (its header follows): message/rfc822, news or
    /// global, unless every transfer encoding given is one GMime decodes first.
    bool message() const {
        bool messageType = false;
        for (const auto& t : contentTypes) {
            const std::string type = mediaTypeOf(t);
            messageType = messageType || type == "message/rfc822" || type == "message/news" || type == "message/global";
        }
        if (!messageType || encodings.empty()) return messageType;
        for (const auto& e : encodings) {
            const std::string enc = firstToken(e);
            if (enc != "base64" && enc != "quoted-printable" && enc != "uuencode" && enc != "x-uuencode" && enc != "x-uue")
                return true;
        }
        return false;
    }
};

class Prescanner {
public:
    Prescanner(std::string_view raw, const MailLimits& limits) : _raw(raw), _limits(limits) {}
    MimePrescan run();

private:
    bool headerLine(std::string_view line);
    bool endHeader(std::size_t lineEnd);
    struct Delimiter {
        std::size_t index; // into _boundaries
        bool close;
    };
    std::optional<Delimiter> delimiter(std::string_view line) const;
    void bodyLine(std::string_view line);
    bool fail(std::string reason) {
        _result.violation = std::move(reason);
        return false;
    }

    std::string_view _raw;
    const MailLimits& _limits;
    MimePrescan _result;
    std::vector<std::string> _boundaries; // the open multiparts, outermost first
    bool _inHeader = true;
    HeaderBlock _block = HeaderBlock(true);
};

MimePrescan Prescanner::run() {
    if (_raw.size() > _limits.maxMessageBytes) {
        fail(tooLargeReason("the message", _raw.size(), _limits.maxMessageBytes));
        return _result;
    }
    _result.start = mboxSeparatorLength(_raw);
    _result.headerEnd = _raw.size();
    for (std::size_t pos = _result.start; pos < _raw.size();) {
        std::size_t nl = _raw.find('\n', pos);
        const std::size_t next = nl == std::string_view::npos ? _raw.size() : nl + 1;
        std::string_view line = _raw.substr(pos, (nl == std::string_view::npos ? _raw.size() : nl) - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = next;
        if (_inHeader && !_block.topLevel && delimiter(line)) { // a part without header or body
            _block = HeaderBlock{};
            _inHeader = false;
        }
        if (_inHeader) {
            const bool ok = line.empty() ? endHeader(next) : headerLine(line);
            if (!ok) break;
        } else {
            bodyLine(line);
            if (!_result.violation.empty()) break;
        }
    }
    if (_inHeader && _block.topLevel) {
        _result.headerBytes = _block.bytes;
        _result.headerFields = _block.fields;
        _result.received = _block.received;
    }
    return _result;
}

bool Prescanner::headerLine(std::string_view line) {
    _block.line(line);
    const std::string where = _block.topLevel ? "the message header" : "a MIME part header";
    if (_block.bytes > _limits.maxHeaderBytes)
        return fail(where + " is too large (over " + formatSize(_limits.maxHeaderBytes) + ")");
    if (_block.fields > _limits.maxHeaderFields)
        return fail(where + " has too many fields (over " + std::to_string(_limits.maxHeaderFields) + ")");
    if (_block.topLevel && _block.received > _limits.maxReceived)
        return fail("too many Received fields (over " + std::to_string(_limits.maxReceived) +
                    "): the message is probably looping between mail servers");
    return true;
}

bool Prescanner::endHeader(std::size_t lineEnd) {
    if (_block.topLevel) {
        _result.headerEnd = lineEnd;
        _result.headerBytes = _block.bytes;
        _result.headerFields = _block.fields;
        _result.received = _block.received;
    }
    const bool message = _block.message();
    for (const auto& type : _block.contentTypes) { // every multipart one: the structure may follow any
        if (mediaTypeOf(type).rfind("multipart", 0) != 0) continue;
        Boundary boundary = boundaryOf(type);
        if (!boundary.problem.empty()) return fail(boundary.problem);
        if (boundary.value.empty()) continue;
        _boundaries.push_back(std::move(boundary.value));
        if (_boundaries.size() > _result.depth) _result.depth = _boundaries.size();
        if (_boundaries.size() > _limits.maxDepth)
            return fail("MIME parts are nested too deeply (over " + std::to_string(_limits.maxDepth) + " levels)");
    }
    _block = HeaderBlock{};
    _inHeader = message; // an attached message starts with its own header
    return true;
}

std::optional<Prescanner::Delimiter> Prescanner::delimiter(std::string_view line) const {
    if (line.size() < 3 || line[0] != '-' || line[1] != '-') return std::nullopt;
    const std::string_view rest = line.substr(2);
    for (std::size_t k = _boundaries.size(); k-- > 0;) {
        const std::string& b = _boundaries[k];
        if (rest.compare(0, b.size(), b) == 0) return Delimiter{k, rest.substr(b.size(), 2) == "--"};
    }
    return std::nullopt;
}

void Prescanner::bodyLine(std::string_view line) {
    const auto d = delimiter(line);
    if (!d) return;
    if (d->close) { // this multipart and all inside it end
        _boundaries.resize(d->index);
        return;
    }
    _boundaries.resize(d->index + 1); // an open delimiter also ends the parts nested inside
    if (++_result.parts > _limits.maxParts) fail("too many MIME parts (over " + std::to_string(_limits.maxParts) + ")");
    _inHeader = true;
}

} // namespace

std::size_t mboxSeparatorLength(std::string_view raw) {
    if (raw.substr(0, 5) != "From " || raw.size() < 6 || raw[5] == ' ' || raw[5] == ':' || raw[5] == '\t') return 0;
    const auto nl = raw.find('\n');
    return nl == std::string_view::npos ? raw.size() : nl + 1;
}

std::string tooLargeReason(std::string_view what, std::uint64_t size, std::uint64_t limit) {
    std::string shown = formatSize(size);
    const std::string limitShown = formatSize(limit);
    if (shown == limitShown) shown = std::to_string(size) + " bytes"; // "10 MB; the limit is 10 MB" would puzzle
    return std::string(what) + " is too large (" + shown + "); the limit is " + limitShown;
}

MimePrescan prescanMime(std::string_view raw, const MailLimits& limits) {
    return Prescanner(raw, limits).run();
}

} // namespace ticketflow::domain
