// HttpError: a request the client got wrong (malformed, too large), carried to the error page.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ticketflow::http {

/// Thrown by the parsers for malformed input (400 Bad Request, 413 Payload Too Large,
/// 415 Unsupported Media Type, 431 Request Header Fields Too Large). Handlers may throw it
/// too (e.g. 404); FcgiServer turns it into Worker::renderError(status, what()).
/// The message is shown to the client, so it must never contain internals or secrets.
class HttpError : public std::runtime_error {
public:
    /// `status` is an HTTP status code (4xx or 5xx). Does not validate it.
    HttpError(int status, std::string message);

    /// The HTTP status to answer with.
    int status() const noexcept;

    /// Adds a header the error response must carry, e.g. Allow for 405 or WWW-Authenticate
    /// for 401: `throw HttpError(405, "...").withHeader("Allow", "GET, HEAD");`. FcgiServer
    /// sets them after Worker::renderError (a header with CR/LF/NUL is logged and dropped).
    /// Throws only std::bad_alloc.
    HttpError& withHeader(std::string name, std::string value);

    /// Headers added with withHeader, in order. Never throws.
    const std::vector<std::pair<std::string, std::string>>& headers() const noexcept;

private:
    int _status;
    std::vector<std::pair<std::string, std::string>> _headers;
};

} // namespace ticketflow::http
