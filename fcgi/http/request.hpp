// Request: one decoded HTTP request as handlers see it (built by buildRequest, routed by Router).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::http {

/// One file from a multipart/form-data body. `filename` is the client's name reduced to its
/// last path component (valid UTF-8, may be empty); `contentType` is what the client claimed
/// (never trust it for serving the file back); `data` is the raw bytes.
struct UploadedFile {
    std::string field, filename, contentType, data;
};

/// A parsed request. buildRequest guarantees that all text members are valid UTF-8 without
/// NUL bytes, except file data and the raw headers["cookie"] (use `cookies`). Plain data.
class Request {
public:
    std::string method;     ///< upper-case, e.g. "GET"
    std::string path;       ///< percent-decoded path of REQUEST_URI without query, e.g. "/issues/12"
    std::string rawQuery;   ///< query string as received (still percent-encoded)
    std::string remoteAddr; ///< REMOTE_ADDR (nginx's view of the peer)
    bool https = false;     ///< request arrived over TLS at nginx
    std::multimap<std::string, std::string> query; ///< query-string parameters, in order per key
    std::multimap<std::string, std::string> form;  ///< urlencoded or multipart body fields
    std::vector<UploadedFile> files;
    std::map<std::string, std::string> cookies;
    std::map<std::string, std::string> headers; ///< lower-case names, e.g. "content-type", "user-agent"
    std::map<std::string, std::string> params;  ///< route parameters filled by the router (":id" -> "12")
    std::string body;                           ///< raw body; cleared for multipart/form-data (the parts hold the data)

    /// Lower-cased media type of the Content-Type header without parameters ("" if absent).
    /// Never throws except std::bad_alloc.
    std::string contentType() const;

    /// First value of query parameter `name` (exact key), or nullptr. Never throws.
    const std::string* queryValue(std::string_view name) const;

    /// First value of body field `name` (exact key), or nullptr. Never throws.
    const std::string* formValue(std::string_view name) const;

    /// Route parameter `name`, else first query value, else first form value, else `def`.
    std::string param(std::string_view name, std::string def = {}) const;

    /// All query values of exactly `name`, in the order received. Redmine-style "name[]" keys
    /// are NOT merged: ask for "name[]" to get those.
    std::vector<std::string> queryValues(std::string_view name) const;

    /// All body field values of exactly `name`, in the order received.
    std::vector<std::string> formValues(std::string_view name) const;

    /// Header value for a lower-case name ("" if absent).
    std::string header(std::string_view lowerName) const;

    /// Cookie value ("" if absent).
    std::string cookie(std::string_view name) const;
};

} // namespace ticketflow::http
