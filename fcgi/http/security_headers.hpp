// applySecurityHeaders: the browser-side defences every ticketflow page gets.
#pragma once

#include "fcgi/http/response.hpp"

namespace ticketflow::http {

/// The Content-Security-Policy applied when a handler sets none.
inline constexpr const char* kDefaultContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds, unless the handler already set them (case-insensitive): Content-Security-Policy
/// (kDefaultContentSecurityPolicy), X-Content-Type-Options: nosniff, X-Frame-Options: DENY,
/// Referrer-Policy: same-origin, Cross-Origin-Opener-Policy: same-origin.
/// Throws only std::bad_alloc.
void applySecurityHeaders(Response& response);

} // namespace ticketflow::http
