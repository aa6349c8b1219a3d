// The Content-Disposition header of a download (RFC 6266), from a stored file name.
#pragma once

#include <string>
#include <string_view>

namespace ticketflow::domain {

/// `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>`. Always "attachment",
/// so a browser saves the file instead of showing it as a page of our site. The quoted
/// fallback is for old clients: every non-ASCII character, control, '"', '\' and '%' becomes
/// '_' (some clients percent-decode it). The filename* value percent-encodes every byte
/// outside RFC 5987's attr-char. An empty name becomes "download". `filename` should be valid
/// UTF-8 (sanitizeFilename output); a stray byte only changes the fallback. Never throws
/// except bad_alloc.
std::string contentDisposition(std::string_view filename);

} // namespace ticketflow::domain
