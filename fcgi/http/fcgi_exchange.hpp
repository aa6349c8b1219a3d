// serveExchange: one FastCGI request/response exchange: read, build, handle, answer (internal to fcgi/http).
#pragma once

#include "fcgi/http/fcgi_server.hpp"

struct FCGX_Request;

namespace ticketflow::http {

/// Reads the parameters and body of the accepted `request`, builds a Request, lets `worker`
/// handle it and writes the answer with security headers (body dropped for HEAD). A body
/// announced over limits.maxBody is refused with 413 before it is read. HttpError goes to
/// worker.renderError(status, message) plus the error's headers; any other exception is
/// logged with a random incident id (never request data: paths, query strings, cookies and
/// bodies may hold secrets) and answered with renderError(500, "Internal error (incident <id>)").
/// Does not finish the request. Never throws.
void serveExchange(FCGX_Request& request, Worker& worker, const Limits& limits) noexcept;

} // namespace ticketflow::http
