// buildRequest: a Request from nginx's FastCGI parameters and the body.
#include "fcgi/http/form_parser.hpp"

#include "fcgi/http/http_error.hpp"
#include "fcgi/http/text.hpp"

#include <charconv>

namespace ticketflow::http {
namespace {

std::string_view paramOf(const std::map<std::string, std::string>& cgi, const char* name) {
    auto it = cgi.find(name);
    return it == cgi.end() ? std::string_view() : std::string_view(it->second);
}

// "HTTP_X_REDMINE_API_KEY" -> "x-redmine-api-key"
std::string headerName(std::string_view cgiName) {
    std::string name = toLowerAscii(cgiName);
    for (char& c : name)
        if (c == '_') c = '-';
    return name;
}

void fillHeaders(const std::map<std::string, std::string>& cgi, const Limits& limits, Request& r) {
    std::size_t bytes = 0;
    auto add = [&](std::string name, const std::string& value) {
        bytes += name.size() + value.size() + 4; // ": " and CRLF, as on the wire
        if (bytes > limits.maxHeaderBytes) throw HttpError(431, "request headers too large");
        // The Cookie header is shared with every other application on the site, so a bad
        // byte in it must not lock users out: parseCookies drops bad pairs instead.
        if (name != "cookie") requireText(value, "header " + name);
        r.headers[std::move(name)] = value;
    };
    for (const auto& [key, value] : cgi)
        if (key.size() > 5 && key.compare(0, 5, "HTTP_") == 0) add(headerName(std::string_view(key).substr(5)), value);
    // fastcgi_params sends these unprefixed (and empty when absent); they are authoritative.
    for (const char* key : {"CONTENT_TYPE", "CONTENT_LENGTH"})
        if (std::string_view v = paramOf(cgi, key); !v.empty()) add(headerName(key), std::string(v));
}

// REQUEST_URI is the raw request target: origin-form "/p?q", or absolute-form "http://h/p?q".
std::string_view requestTarget(std::string_view uri) {
    uri = uri.substr(0, uri.find('#'));
    if (uri.empty()) throw HttpError(400, "missing request URI");
    if (uri.front() != '/') {
        std::size_t scheme = uri.find("://");
        if (scheme == std::string_view::npos) throw HttpError(400, "request URI is not a path");
        std::size_t slash = uri.find_first_of("/?", scheme + 3);
        if (slash == std::string_view::npos) return "/";
        uri = uri.substr(slash);
        if (uri.front() == '?') throw HttpError(400, "request URI is not a path");
    }
    return uri;
}

void checkContentLength(const Request& r, std::size_t bodySize, const Limits& limits) {
    auto it = r.headers.find("content-length");
    if (it == r.headers.end()) {
        if (bodySize > limits.maxBody) throw HttpError(413, "request body too large");
        return;
    }
    const std::string& v = it->second;
    std::size_t length = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), length);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size()) throw HttpError(400, "invalid Content-Length");
    if (length > limits.maxBody) throw HttpError(413, "request body too large");
    if (length != bodySize) throw HttpError(400, "request body does not match Content-Length");
}

} // namespace

Request buildRequest(const std::map<std::string, std::string>& cgi, std::string body, const Limits& limits) {
    Request r;
    std::string_view method = paramOf(cgi, "REQUEST_METHOD");
    if (!isToken(method)) throw HttpError(400, "missing or invalid request method");
    r.method = toUpperAscii(method);

    fillHeaders(cgi, limits, r);

    std::string_view target = requestTarget(paramOf(cgi, "REQUEST_URI"));
    std::size_t qmark = target.find('?');
    r.path = percentDecode(target.substr(0, qmark), false);
    if (cgi.count("QUERY_STRING"))
        r.rawQuery = std::string(paramOf(cgi, "QUERY_STRING"));
    else if (qmark != std::string_view::npos)
        r.rawQuery = std::string(target.substr(qmark + 1));
    r.query = parseUrlEncoded(r.rawQuery, limits);

    r.remoteAddr = std::string(paramOf(cgi, "REMOTE_ADDR"));
    std::string_view https = paramOf(cgi, "HTTPS");
    r.https = (!https.empty() && !equalsIgnoreCase(https, "off")) ||
              equalsIgnoreCase(paramOf(cgi, "REQUEST_SCHEME"), "https");

    if (auto it = r.headers.find("cookie"); it != r.headers.end()) r.cookies = parseCookies(it->second);

    checkContentLength(r, body.size(), limits);
    r.body = std::move(body);
    std::string type = r.contentType();
    if (type == "application/x-www-form-urlencoded") {
        r.form = parseUrlEncoded(r.body, limits);
    } else if (type == "multipart/form-data") {
        parseMultipart(r.body, r.header("content-type"), limits, r.form, r.files);
        std::string().swap(r.body); // the parts hold copies; do not keep the body twice
    }
    return r;
}

} // namespace ticketflow::http
