// parseMultipart: multipart/form-data bodies (RFC 7578) into fields and uploaded files.
#include "fcgi/http/form_parser.hpp"

#include "fcgi/http/header_value.hpp"
#include "fcgi/http/http_error.hpp"
#include "fcgi/http/text.hpp"

#include <algorithm>
#include <functional>

namespace ticketflow::http {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// Where a delimiter line sits: the part content before it ends at `start` (the CR or LF that
// belongs to the delimiter), the next part begins at `next`, and `last` marks "--boundary--".
struct Delimiter {
    std::size_t start = npos, next = npos;
    bool last = false;
};

// Finds "\n--boundary" with Boyer-Moore (no quadratic blow-up on hostile bodies), then checks that a
// real delimiter line follows: "--" (close) or optional padding and a line end. Anything else
// ("--boundaryX") is content that merely starts like the boundary, so the search goes on.
class DelimiterFinder {
public:
    explicit DelimiterFinder(std::string_view body, const std::string& needle)
        : _body(body), _needle(needle), _searcher(_needle.begin(), _needle.end()) {}
    // The searcher points into _needle: a copy would dangle.
    DelimiterFinder(const DelimiterFinder&) = delete;
    DelimiterFinder& operator=(const DelimiterFinder&) = delete;

    Delimiter find(std::size_t from) const {
        while (from < _body.size()) {
            auto it = std::search(_body.begin() + static_cast<std::ptrdiff_t>(from), _body.end(), _searcher);
            if (it == _body.end()) return {};
            std::size_t at = static_cast<std::size_t>(it - _body.begin());
            if (auto d = checkLine(at, at + _needle.size()); d.start != npos) return d;
            from = at + 1;
        }
        return {};
    }

    // The first delimiter may also open the body, without a line end before it.
    Delimiter findFirst() const {
        std::string_view dash = std::string_view(_needle).substr(1);
        if (_body.substr(0, dash.size()) == dash)
            if (auto d = checkLine(0, dash.size()); d.start != npos) return d;
        return find(0);
    }

private:
    Delimiter checkLine(std::size_t nl, std::size_t after) const {
        Delimiter d;
        d.start = (nl > 0 && _body[nl - 1] == '\r' && _body[nl] == '\n') ? nl - 1 : nl;
        std::string_view rest = _body.substr(after);
        if (rest.substr(0, 2) == "--") {
            d.last = true;
            d.next = _body.size();
            return d;
        }
        std::size_t i = 0;
        while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
        if (rest.substr(i, 2) == "\r\n")
            d.next = after + i + 2;
        else if (rest.substr(i, 1) == "\n")
            d.next = after + i + 1;
        else
            d.start = npos;
        return d;
    }

    std::string_view _body;
    std::string _needle;
    std::boyer_moore_searcher<std::string::const_iterator> _searcher;
};

struct PartHeaders {
    std::optional<HeaderValue> disposition;
    std::string contentType;
};

// Parses the header block of a part starting at `pos`; returns the offset of its content.
std::size_t parsePartHeaders(std::string_view body, std::size_t pos, const Limits& limits, PartHeaders& out) {
    std::size_t start = pos;
    for (;;) {
        std::size_t eol = body.find('\n', pos);
        if (eol == npos) throw HttpError(400, "malformed multipart body: no closing boundary");
        if (eol - start > limits.maxHeaderBytes) throw HttpError(413, "multipart part headers too large");
        std::string_view line = body.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = eol + 1;
        if (line.empty()) return pos;
        std::size_t colon = line.find(':');
        if (colon == npos || !isToken(line.substr(0, colon))) throw HttpError(400, "malformed multipart part header");
        std::string_view name = line.substr(0, colon);
        std::string_view value = trimSpace(line.substr(colon + 1));
        if (equalsIgnoreCase(name, "content-disposition")) {
            if (out.disposition) throw HttpError(400, "malformed multipart part: duplicate Content-Disposition");
            out.disposition = HeaderValue::parse(value);
            if (!out.disposition) throw HttpError(400, "malformed multipart part: bad Content-Disposition");
        } else if (equalsIgnoreCase(name, "content-type")) {
            for (char c : value)
                if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F)
                    throw HttpError(400, "malformed multipart part: bad Content-Type");
            out.contentType = std::string(value);
        }
    }
}

std::string latin1ToUtf8(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// RFC 5987 ext-value: charset "'" [ language ] "'" value-chars. nullopt for a charset we do
// not know, so the plain filename is used instead.
std::optional<std::string> decodeExtValue(std::string_view v) {
    std::size_t q1 = v.find('\'');
    std::size_t q2 = q1 == npos ? npos : v.find('\'', q1 + 1);
    if (q2 == npos) throw HttpError(400, "malformed multipart part: bad filename*");
    std::string_view charset = v.substr(0, q1);
    std::optional<std::string> bytes = percentDecodeBytes(v.substr(q2 + 1), false);
    if (!bytes) throw HttpError(400, "malformed multipart part: bad filename*");
    if (equalsIgnoreCase(charset, "utf-8")) return bytes;
    if (equalsIgnoreCase(charset, "iso-8859-1")) return latin1ToUtf8(*bytes);
    return std::nullopt;
}

// IE and old clients send the whole client-side path; only its last component is a name.
std::string baseName(std::string_view name) {
    std::size_t slash = name.find_last_of("/\\");
    return std::string(slash == npos ? name : name.substr(slash + 1));
}

struct Counts {
    std::size_t fields = 0, files = 0;
};

void addPart(const PartHeaders& h, std::string_view content, const Limits& limits, Counts& counts,
             std::multimap<std::string, std::string>& fields, std::vector<UploadedFile>& files) {
    if (!h.disposition || h.disposition->value != "form-data")
        throw HttpError(400, "malformed multipart part: not form-data");
    const auto& params = h.disposition->params;
    auto name = params.find("name");
    if (name == params.end()) throw HttpError(400, "malformed multipart part: no field name");
    requireText(name->second, "multipart field name");
    auto plain = params.find("filename");
    auto ext = params.find("filename*");
    if (plain == params.end() && ext == params.end()) {
        if (++counts.fields > limits.maxFields) throw HttpError(413, "too many form fields");
        if (content.size() > limits.maxFieldSize || name->second.size() > limits.maxFieldSize)
            throw HttpError(413, "form field too large");
        requireText(content, "multipart field value");
        if (!name->second.empty()) fields.emplace(name->second, std::string(content));
        return;
    }
    std::optional<std::string> filename;
    if (ext != params.end()) filename = decodeExtValue(ext->second);
    if (!filename) filename = plain != params.end() ? plain->second : std::string();
    *filename = baseName(*filename);
    requireText(*filename, "uploaded file name");
    if ((filename->empty() && content.empty()) || name->second.empty()) return;
    if (++counts.files > limits.maxFiles) throw HttpError(413, "too many uploaded files");
    if (content.size() > limits.maxFileSize) throw HttpError(413, "uploaded file too large");
    std::string type = h.contentType.empty() ? std::string("application/octet-stream") : h.contentType;
    files.push_back({name->second, std::move(*filename), std::move(type), std::string(content)});
}

std::string boundaryOf(std::string_view contentTypeHeader) {
    std::optional<HeaderValue> ct = HeaderValue::parse(contentTypeHeader);
    if (ct && ct->value != "multipart/form-data") throw HttpError(415, "expected multipart/form-data");
    if (!ct) throw HttpError(400, "malformed Content-Type");
    auto it = ct->params.find("boundary");
    // RFC 2046: 1 to 70 characters; a CR or LF would make the delimiter line ambiguous.
    if (it == ct->params.end() || it->second.empty()) throw HttpError(400, "multipart boundary missing");
    if (it->second.size() > 70 || it->second.find_first_of("\r\n") != std::string::npos)
        throw HttpError(400, "multipart boundary invalid");
    return it->second;
}

} // namespace

void parseMultipart(std::string_view body, std::string_view contentTypeHeader, const Limits& limits,
                    std::multimap<std::string, std::string>& fields, std::vector<UploadedFile>& files) {
    std::string boundary = boundaryOf(contentTypeHeader);
    if (body.size() > limits.maxBody) throw HttpError(413, "request body too large");
    DelimiterFinder finder(body, "\n--" + boundary);
    Delimiter d = finder.findFirst();
    if (d.start == npos) throw HttpError(400, "malformed multipart body: no boundary");
    Counts counts;
    while (!d.last) {
        PartHeaders headers;
        std::size_t contentStart = parsePartHeaders(body, d.next, limits, headers);
        // Start one byte early: a sloppy client that sends no content and no line end of its
        // own before the delimiter then gets an empty value instead of an error.
        Delimiter nextD = finder.find(contentStart > 0 ? contentStart - 1 : 0);
        if (nextD.start == npos) throw HttpError(400, "malformed multipart body: no closing boundary");
        std::size_t contentEnd = std::max(nextD.start, contentStart);
        addPart(headers, body.substr(contentStart, contentEnd - contentStart), limits, counts, fields, files);
        d = nextD;
    }
}

} // namespace ticketflow::http
