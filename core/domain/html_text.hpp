// Readable plain text from the HTML part of a mail (for HTML-only mail).
#pragma once

#include <string>
#include <string_view>

namespace ticketflow::domain {

/// Turns an HTML document or fragment (UTF-8) into plain text a person can read in a note:
/// tags are dropped; <br> is a line break; <p>, <div>, <li>, <tr>, headings and the like start
/// a new line (paragraphs and headings after a blank line; Outlook's margin-less "MsoNormal"
/// paragraphs after a single one); list items get "- " or "1. "; <blockquote> lines get "> "
/// (so the reply cutter sees quotes); a link whose text is not its address keeps the address
/// as "text <https://…>"; runs of white space collapse to one space outside <pre>; named
/// (HTML 4) and numeric character references are decoded (invalid ones become U+FFFD);
/// comments, <script>, <style>, <title>, <template> and <svg> are dropped with their content.
/// Unclosed tags and comments end the text instead of leaking markup. The work is linear in
/// the input. Never throws except bad_alloc.
std::string htmlToText(std::string_view html);

} // namespace ticketflow::domain
