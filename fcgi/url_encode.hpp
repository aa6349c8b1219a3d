// Percent-encoding of URL components (RFC 3986 unreserved characters pass through).
#pragma once
#include <string>
#include <string_view>

namespace ticketflow::web {

std::string urlEncode(std::string_view text);

} // namespace ticketflow::web
