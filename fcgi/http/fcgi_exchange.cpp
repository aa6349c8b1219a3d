// serveExchange: one FastCGI request/response exchange: read, build, handle, answer (internal to fcgi/http).
#include "fcgi/http/fcgi_exchange.hpp"

#include "fcgi/http/form_parser.hpp"
#include "fcgi/http/http_error.hpp"
#include "fcgi/http/security_headers.hpp"
#include "fcgi/http/server_log.hpp"
#include "fcgi/http/text.hpp"

#include <fcgiapp.h>
#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

namespace ticketflow::http {
namespace {

std::string incidentId() {
    unsigned char bytes[8];
    randombytes_buf(bytes, sizeof bytes);
    char hex[2 * sizeof bytes + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

std::map<std::string, std::string> readParams(char** envp) {
    std::map<std::string, std::string> params;
    for (char** p = envp; p && *p; ++p) {
        std::string_view kv(*p);
        std::size_t eq = kv.find('=');
        if (eq != std::string_view::npos) params.emplace(kv.substr(0, eq), kv.substr(eq + 1));
    }
    return params;
}

// Reads the body announced by CONTENT_LENGTH (or up to EOF without one). A body over the limit
// is refused before it is read: libfcgi discards the rest when it closes the connection.
std::string readBody(FCGX_Stream* in, const std::map<std::string, std::string>& params, const Limits& limits) {
    std::size_t expected = limits.maxBody + 1;
    bool announced = false;
    if (auto it = params.find("CONTENT_LENGTH"); it != params.end() && !it->second.empty()) {
        const std::string& v = it->second;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), expected);
        if (ec != std::errc() || end != v.data() + v.size()) throw HttpError(400, "invalid Content-Length");
        if (expected > limits.maxBody) throw HttpError(413, "request body too large");
        announced = true;
    }
    std::string body;
    if (announced) body.reserve(expected);
    char buf[65536];
    while (body.size() < expected) {
        int want = static_cast<int>(std::min(sizeof buf, expected - body.size()));
        int got = FCGX_GetStr(buf, want, in);
        if (got <= 0) break;
        body.append(buf, static_cast<std::size_t>(got));
    }
    if (!announced && body.size() > limits.maxBody) throw HttpError(413, "request body too large");
    return body; // a short body is reported by buildRequest as a Content-Length mismatch
}

void renderErrorSafely(Worker& worker, int status, const std::string& message, Response& response) {
    response = Response{};
    try {
        worker.renderError(status, message, response);
        return;
    } catch (const std::exception& e) {
        logLine("renderError failed (" + typeName(typeid(e)) + "): " + e.what());
    } catch (...) {
        logLine("renderError failed with a non-standard exception");
    }
    response = Response{};
    response.status = status;
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
    response.body = message + "\n";
}

// Logs only the incident id and the exception, never the request: its path, query string,
// cookies and body may hold tokens and passwords.
std::string logIncident(const std::string& type, const char* what) {
    std::string id = incidentId();
    logLine("incident " + id + ": " + type + ": " + what);
    return "Internal error (incident " + id + ")";
}

void writeAll(const std::string& out, FCGX_Stream* stream) {
    for (std::size_t pos = 0; pos < out.size();) {
        int n = static_cast<int>(std::min<std::size_t>(out.size() - pos, 1u << 20));
        if (FCGX_PutStr(out.data() + pos, n, stream) != n) return; // the client went away; nothing left to tell it
        pos += static_cast<std::size_t>(n);
    }
}

} // namespace

void serveExchange(FCGX_Request& fcgi, Worker& worker, const Limits& limits) noexcept {
    Response response;
    bool headOnly = false;
    try {
        std::map<std::string, std::string> params = readParams(fcgi.envp);
        if (auto it = params.find("REQUEST_METHOD"); it != params.end())
            headOnly = equalsIgnoreCase(it->second, "HEAD");
        std::string body = readBody(fcgi.in, params, limits);
        Request request = buildRequest(params, std::move(body), limits);
        worker.handle(request, response);
    } catch (const HttpError& e) {
        renderErrorSafely(worker, e.status(), e.what(), response);
        for (const auto& [name, value] : e.headers()) {
            try {
                response.setHeader(name, value);
            } catch (const std::invalid_argument&) {
                logLine("dropped an invalid header from an HttpError");
            }
        }
    } catch (const std::exception& e) {
        renderErrorSafely(worker, 500, logIncident(typeName(typeid(e)), e.what()), response);
    } catch (...) {
        renderErrorSafely(worker, 500, logIncident("non-standard exception", ""), response);
    }
    try {
        applySecurityHeaders(response);
        writeAll(response.serialize(headOnly), fcgi.out);
    } catch (...) {
        static const std::string fallback =
            "Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nInternal error\n";
        logLine("could not send a response (out of memory?)");
        writeAll(fallback, fcgi.out);
    }
}

} // namespace ticketflow::http
