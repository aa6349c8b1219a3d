// Readable plain text from the HTML part of a mail (for HTML-only mail).
#include "core/domain/html_text.hpp"

#include "core/domain/html_entities.hpp"
#include "core/domain/text.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace ticketflow::domain {
namespace {

constexpr std::size_t kMaxListIndent = 8;
constexpr std::size_t kMaxQuoteDepth = 10; // deeper quotes get no more '>'s

bool isHtmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Collects the text: pending spaces and line breaks are emitted only before visible text, so
/// empty paragraphs and white space between tags leave no trace.
class TextWriter {
public:
    void text(std::string_view s) {
        if (s.empty()) return;
        flush();
        _out += s;
        _lineStart = false;
    }
    void space() {
        if (!_lineStart) _pendingSpace = true;
    }
    /// Ask for the next text to start on a new line (1) or after a blank line (2).
    void block(int newlines) {
        if (newlines > _pendingBreaks) _pendingBreaks = newlines;
        _pendingSpace = false;
    }
    void hardBreak() {
        flushBreaks();
        _out += '\n';
        _lineStart = true;
        _pendingSpace = false;
    }
    void preformatted(char c) {
        if (c == '\n') {
            hardBreak();
            return;
        }
        if (c == '\r') return;
        text(std::string_view(&c, 1));
    }
    void setQuoteDepth(std::size_t depth) { _quoteDepth = depth; }
    std::size_t size() const { return _out.size(); }
    std::string_view since(std::size_t mark) const { return std::string_view(_out).substr(mark); }
    std::string finish();

private:
    void flushBreaks() {
        if (!_out.empty())
            for (int i = 0; i < _pendingBreaks; ++i) _out += '\n';
        if (_pendingBreaks > 0) _lineStart = true;
        _pendingBreaks = 0;
    }
    void flush() {
        flushBreaks();
        if (_lineStart && _quoteDepth > 0) _out.append(_quoteDepth, '>').append(" ");
        if (_pendingSpace && !_lineStart) _out += ' ';
        _pendingSpace = false;
    }

    std::string _out;
    int _pendingBreaks = 0;
    bool _pendingSpace = false;
    bool _lineStart = true;
    std::size_t _quoteDepth = 0;
};

std::string TextWriter::finish() {
    std::string result;
    result.reserve(_out.size());
    int newlines = 0;
    for (char c : _out) {
        if (c == '\n') {
            while (!result.empty() && result.back() == ' ') result.pop_back();
            if (++newlines > 2 || result.empty()) continue;
        } else {
            newlines = 0;
        }
        result += c;
    }
    while (!result.empty() && (result.back() == '\n' || result.back() == ' ')) result.pop_back();
    return result;
}

struct Tag {
    std::string name; // lower case, at most 16 characters
    bool closing = false;
    std::string href;  // <a href>, decoded
    bool msoNormal = false; // class="MsoNormal": Outlook's margin-less paragraph
};

/// Parses the tag starting at html[pos] == '<' (followed by a letter, or '/' and a letter);
/// returns the position after its '>' (or the end of the input).
std::size_t parseTag(std::string_view html, std::size_t pos, Tag& tag) {
    std::size_t p = pos + 1;
    if (html[p] == '/') {
        tag.closing = true;
        ++p;
    }
    while (p < html.size() && !isHtmlSpace(html[p]) && html[p] != '>' && html[p] != '/') {
        if (tag.name.size() < 16) tag.name += asciiLower(html[p]);
        ++p;
    }
    while (p < html.size() && html[p] != '>') {
        if (isHtmlSpace(html[p]) || html[p] == '/') {
            ++p;
            continue;
        }
        std::string attr;
        while (p < html.size() && !isHtmlSpace(html[p]) && html[p] != '>' && html[p] != '=' && html[p] != '/') {
            if (attr.size() < 16) attr += asciiLower(html[p]);
            ++p;
        }
        while (p < html.size() && isHtmlSpace(html[p])) ++p;
        if (p >= html.size() || html[p] != '=') continue;
        ++p;
        while (p < html.size() && isHtmlSpace(html[p])) ++p;
        std::size_t start = p, end = p;
        if (p < html.size() && (html[p] == '"' || html[p] == '\'')) {
            const char quote = html[p];
            start = p + 1;
            end = html.find(quote, start);
            if (end == std::string_view::npos) end = html.size();
            p = end < html.size() ? end + 1 : end;
        } else {
            while (p < html.size() && !isHtmlSpace(html[p]) && html[p] != '>') ++p;
            end = p;
        }
        const std::string_view value = html.substr(start, end - start);
        if (attr == "href" && tag.name == "a") {
            for (std::size_t i = 0; i < value.size();)
                if (value[i] == '&') {
                    i = decodeCharacterReference(value, i, tag.href);
                } else {
                    tag.href += value[i++];
                }
        } else if (attr == "class" && value.find("MsoNormal") != std::string_view::npos) {
            tag.msoNormal = true;
        }
    }
    return p < html.size() ? p + 1 : p;
}

/// Position after the end tag of a raw-text element (script, style, ...), case-insensitive.
std::size_t skipRawText(std::string_view html, std::size_t pos, std::string_view name) {
    for (std::size_t p = html.find('<', pos); p != std::string_view::npos; p = html.find('<', p + 1)) {
        if (p + 2 + name.size() > html.size() || html[p + 1] != '/') continue;
        bool match = true;
        for (std::size_t i = 0; i < name.size() && match; ++i) match = asciiLower(html[p + 2 + i]) == name[i];
        if (!match) continue;
        const std::size_t close = html.find('>', p);
        return close == std::string_view::npos ? html.size() : close + 1;
    }
    return html.size();
}

bool oneOf(std::string_view name, std::initializer_list<std::string_view> names) {
    for (auto n : names)
        if (n == name) return true;
    return false;
}

/// Turns tags into text structure; keeps the state of lists, quotes, <pre> and the open link.
class Converter {
public:
    explicit Converter(std::string_view html) : _html(html) {}
    std::string run();

private:
    void handleTag(const Tag& tag);
    void handleList(const Tag& tag);
    void handleLink(const Tag& tag);

    std::string_view _html;
    TextWriter _w;
    bool _msoParagraph = false;
    std::size_t _pre = 0;
    std::size_t _quote = 0;
    std::vector<std::optional<unsigned>> _lists; // counter of an <ol>, nothing for <ul>
    std::optional<std::pair<std::string, std::size_t>> _link; // href, text start
};

std::string Converter::run() {
    const std::string_view html = _html;
    std::string chunk;
    for (std::size_t pos = 0; pos < html.size();) {
        const char c = html[pos];
        if (c == '<') {
            if (html.compare(pos, 4, "<!--") == 0) {
                const std::size_t end = html.find("-->", pos + 4);
                pos = end == std::string_view::npos ? html.size() : end + 3;
                continue;
            }
            const char next = pos + 1 < html.size() ? html[pos + 1] : '\0';
            if (next == '!' || next == '?') {
                const std::size_t end = html.find('>', pos);
                pos = end == std::string_view::npos ? html.size() : end + 1;
                continue;
            }
            const bool tagStart = isAsciiAlpha(next) || (next == '/' && pos + 2 < html.size() && isAsciiAlpha(html[pos + 2]));
            if (tagStart) {
                Tag tag;
                pos = parseTag(html, pos, tag);
                if (!tag.closing && oneOf(tag.name, {"script", "style", "title", "template", "svg", "xml"})) {
                    pos = skipRawText(html, pos, tag.name);
                    continue;
                }
                handleTag(tag);
                continue;
            }
        }
        if (isHtmlSpace(c)) {
            if (_pre > 0)
                _w.preformatted(c);
            else
                _w.space();
            ++pos;
            continue;
        }
        chunk.clear();
        if (c == '&') {
            pos = decodeCharacterReference(html, pos, chunk);
        } else {
            chunk += c;
            ++pos;
        }
        if (chunk == "\xC2\xA0" && _pre == 0) { // NBSP reads as a space in plain text
            _w.space();
            continue;
        }
        _w.text(chunk);
    }
    return _w.finish();
}

void Converter::handleTag(const Tag& tag) {
    const std::string_view n = tag.name;
    if (n == "br") {
        _w.hardBreak();
    } else if (n == "p") {
        if (!tag.closing) _msoParagraph = tag.msoNormal; // the end tag has no class; it closes the last <p>
        _w.block(_msoParagraph ? 1 : 2);
    } else if (oneOf(n, {"h1", "h2", "h3", "h4", "h5", "h6", "table", "hr", "dl", "address", "figure", "fieldset"})) {
        _w.block(2);
    } else if (oneOf(n, {"div", "tr", "dt", "dd", "section", "article", "header", "footer", "center", "form",
                         "caption", "tbody", "thead", "tfoot", "nav", "aside", "main", "body"})) {
        _w.block(1);
    } else if (n == "td" || n == "th") {
        _w.space();
    } else if (n == "pre") {
        _w.block(2);
        if (tag.closing && _pre > 0) --_pre;
        if (!tag.closing) ++_pre;
    } else if (n == "blockquote") {
        _w.block(2);
        if (tag.closing && _quote > 0) --_quote;
        if (!tag.closing) ++_quote;
        _w.setQuoteDepth(std::min<std::size_t>(_quote, kMaxQuoteDepth));
    } else if (oneOf(n, {"ul", "ol", "li"})) {
        handleList(tag);
    } else if (n == "a") {
        handleLink(tag);
    }
}

void Converter::handleList(const Tag& tag) {
    if (tag.name == "li") {
        _w.block(1);
        if (tag.closing) return;
        const std::size_t indent = _lists.empty() ? 0 : std::min(_lists.size() - 1, kMaxListIndent);
        std::string bullet(indent * 2, ' ');
        if (!_lists.empty() && _lists.back())
            bullet += std::to_string(++*_lists.back()) + ".";
        else
            bullet += "-";
        _w.text(bullet);
        _w.space();
        return;
    }
    _w.block(_lists.empty() ? 2 : 1);
    if (tag.closing) {
        if (!_lists.empty()) _lists.pop_back();
    } else if (_lists.size() < 1000) {
        _lists.push_back(tag.name == "ol" ? std::optional<unsigned>(0) : std::nullopt);
    }
}

void Converter::handleLink(const Tag& tag) {
    if (!tag.closing) {
        _link.reset();
        if (tag.href.rfind("http://", 0) == 0 || tag.href.rfind("https://", 0) == 0)
            _link.emplace(tag.href, _w.size());
        return;
    }
    if (!_link) return;
    // "https://x.example/" shown as "x.example" or "https://x.example" is the same link.
    const auto bare = [](std::string_view url) {
        if (const auto scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
        while (!url.empty() && url.back() == '/') url.remove_suffix(1);
        return url;
    };
    const std::string_view linkText = trim(_w.since(_link->second));
    if (!linkText.empty() && bare(linkText) != bare(_link->first)) _w.text(" <" + _link->first + ">");
    _link.reset();
}

} // namespace

std::string htmlToText(std::string_view html) {
    return Converter(html).run();
}

} // namespace ticketflow::domain
