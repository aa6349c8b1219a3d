// Size and count limits applied while parsing a request, so one client cannot exhaust memory.
#pragma once

#include <cstddef>

namespace ticketflow::http {

/// Limits checked by the parsers and the server; exceeding one yields HttpError 413 (431 for
/// headers). nginx's client_max_body_size should be set no higher than maxBody. The defaults
/// leave room for attachments up to the default attachments.max_size (10 MB) per file, plus
/// the form; ticketflow-fcgi raises maxBody when the configured size needs more.
struct Limits {
    std::size_t maxBody = 25u << 20;        ///< bytes of request body (Content-Length)
    std::size_t maxFields = 1000;           ///< non-file fields per query string or body
    std::size_t maxFieldSize = 1u << 20;    ///< bytes of one decoded field name or value
    std::size_t maxFiles = 20;              ///< uploaded files per request
    std::size_t maxFileSize = 20u << 20;    ///< bytes of one uploaded file
    std::size_t maxHeaderBytes = 64u << 10; ///< bytes of all HTTP headers, and of one part's headers
};

} // namespace ticketflow::http
