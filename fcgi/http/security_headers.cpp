// applySecurityHeaders: the browser-side defences every ticketflow page gets.
#include "fcgi/http/security_headers.hpp"

namespace ticketflow::http {

void applySecurityHeaders(Response& response) {
    static const std::pair<const char*, const char*> defaults[] = {
        {"Content-Security-Policy", kDefaultContentSecurityPolicy},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "same-origin"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
    };
    for (const auto& [name, value] : defaults)
        if (!response.header(name)) response.addHeader(name, value);
}

} // namespace ticketflow::http
