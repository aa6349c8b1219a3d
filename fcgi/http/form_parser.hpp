// Form, query, cookie and multipart parsers, and buildRequest: pure functions, no FastCGI.
// This is the attack surface the fuzzer (tests/fuzz/fuzz_form_parser.cpp) drives.
#pragma once

#include "fcgi/http/limits.hpp"
#include "fcgi/http/request.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::http {

/// Decodes %XX escapes (and '+' as space if `plusIsSpace`). The result is request text, so it
/// is checked: throws HttpError(400) for a '%' not followed by two hex digits, for a result
/// that is not valid UTF-8 ("... is not valid UTF-8") or that contains a NUL byte.
std::string percentDecode(std::string_view s, bool plusIsSpace);

/// Parses application/x-www-form-urlencoded text (a query string or a body) in order.
/// Pairs split on '&'; empty pairs are skipped; a pair without '=' is a key with an empty
/// value; pairs with an empty key are skipped. Names and values are decoded as by percentDecode.
/// Throws HttpError(400) for bad escapes/UTF-8/NUL; HttpError(413) when `s` exceeds
/// limits.maxBody, there are more than limits.maxFields pairs, or a decoded name or value
/// exceeds limits.maxFieldSize.
std::multimap<std::string, std::string> parseUrlEncoded(std::string_view s, const Limits& limits);

/// Parses a multipart/form-data body (RFC 7578) and appends to `fields` and `files`.
/// The boundary comes from `contentTypeHeader` (quoted or not). A preamble before the first
/// delimiter and an epilogue after the close delimiter are ignored; line ends may be CRLF or
/// bare LF; transport padding after a delimiter is allowed. A part with a filename (or
/// RFC 5987/2231 `filename*=UTF-8''...`, which wins; ISO-8859-1 is converted) is a file, its
/// filename reduced to the text after the last '/' or '\'; a file part with an empty filename
/// and no data (an empty <input type=file>) is skipped. In quoted parameter values a backslash
/// escapes only '"' and '\', so Windows paths survive.
/// Throws HttpError(415) if the media type is not multipart/form-data; HttpError(400) for a
/// missing or over-long boundary, no closing boundary, malformed part headers (line without
/// ':', folded line, missing or duplicate Content-Disposition, not form-data, no name,
/// duplicate parameters), bad UTF-8 or NUL in names, values and filenames; HttpError(413)
/// when the body exceeds maxBody, part headers exceed maxHeaderBytes, or a count or size
/// limit (maxFields, maxFieldSize, maxFiles, maxFileSize) is exceeded.
/// On exception `fields` and `files` may hold the parts parsed so far.
void parseMultipart(std::string_view body, std::string_view contentTypeHeader, const Limits& limits,
                    std::multimap<std::string, std::string>& fields, std::vector<UploadedFile>& files);

/// Parses a Cookie request header ("a=1; b=\"two\""). Lenient because other applications on
/// the same site may set odd cookies: malformed pairs (no '=', a name that is not a token, a
/// value with control characters, invalid UTF-8 or an unbalanced quote) are ignored, and only
/// the first of several same-name cookies is kept (browsers send the most specific first).
/// Surrounding double quotes are removed; values are not percent-decoded.
/// Never throws except std::bad_alloc.
std::map<std::string, std::string> parseCookies(std::string_view cookieHeader);

/// Builds a Request from FastCGI parameters as nginx's fastcgi_params sends them
/// (REQUEST_METHOD, REQUEST_URI, QUERY_STRING, CONTENT_TYPE, CONTENT_LENGTH, REMOTE_ADDR,
/// HTTPS, REQUEST_SCHEME, HTTP_*) and the complete body. Headers become lower-case names
/// ("HTTP_X_REDMINE_API_KEY" -> "x-redmine-api-key"; CONTENT_TYPE/CONTENT_LENGTH win over
/// their HTTP_ twins). The query string is QUERY_STRING if present, else the part of
/// REQUEST_URI after '?'. Bodies of type application/x-www-form-urlencoded fill `form` (body
/// kept); multipart/form-data fills `form` and `files` (body cleared); any other type leaves
/// only `body`.
/// Throws HttpError(400) for a missing or invalid method, a missing or non-path REQUEST_URI,
/// a bad Content-Length or one that does not match the body, header values that are not
/// valid UTF-8 (the Cookie header is exempt: it is parsed leniently) and everything
/// percentDecode/parseUrlEncoded/parseMultipart reject; HttpError(413) for a body over
/// maxBody; HttpError(431) when the headers exceed maxHeaderBytes.
Request buildRequest(const std::map<std::string, std::string>& cgiParams, std::string body, const Limits& limits);

} // namespace ticketflow::http
