// uuencoded files written into the text of a mail ("begin 644 name" … "end"), as old mailers do.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

struct UuencodedFile {
    std::string name; ///< as written after "begin MODE " (not sanitised)
    std::string data; ///< decoded bytes
};

struct UuencodeSplit {
    std::string text; ///< the text without the blocks
    std::vector<UuencodedFile> files;
};

/// Decodes the data lines of one uuencoded file (without the "begin" and "end" lines).
/// Returns nullopt when a line holds a character uuencode never writes. Missing trailing
/// characters (mail transport strips trailing spaces) count as zero bits. Never throws except
/// bad_alloc.
std::optional<std::string> decodeUuencodedLines(const std::vector<std::string_view>& lines);

/// Takes every well-formed block out of `text`: a line "begin NNN name" (three or four octal
/// digits), data lines, and a line "end". A block without its "end", or with a bad data line,
/// stays in the text as it was. Linear in the text's size. Never throws except bad_alloc.
UuencodeSplit extractUuencoded(std::string_view text);

} // namespace ticketflow::domain
