// CSV output (RFC 4180) for spreadsheet users: quoting, and the guard against formula injection.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// UTF-8 byte order mark: without it Excel reads a CSV file as the local 8-bit code page.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// One field. A value starting with '=', '+', '-', '@', tab or CR gets a leading "'" so that a
/// spreadsheet shows it as text instead of running it as a formula (a subject like
/// "=HYPERLINK(...)" comes from whoever reported the issue). Then, when it holds a comma,
/// a double quote, CR or LF, it is enclosed in double quotes with inner
/// quotes doubled (RFC 4180 §2.6, 2.7). Never throws except bad_alloc.
std::string csvField(std::string_view value);

/// The fields joined by ',' and terminated by CRLF (RFC 4180 §2.1). Never throws except bad_alloc.
std::string csvRecord(const std::vector<std::string>& values);

} // namespace ticketflow::domain
