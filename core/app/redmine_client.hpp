// A client of Redmine's REST API (plan.io too): JSON lists page by page, files, retries.
#pragma once
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace Poco::Net {
class HTTPClientSession;
}

namespace ticketflow::app {

/// A request Redmine refused or that failed after every retry. The message names the path
/// and what to do; it never holds the API key. `status` is the HTTP status (0: no answer).
class RedmineError : public std::runtime_error {
public:
    RedmineError(const std::string& what, int status) : std::runtime_error(what), _status(status) {}
    int status() const { return _status; }

private:
    int _status;
};

struct RedmineClientOptions {
    std::string url;    ///< http:// or https:// base URL, e.g. https://example.plan.io or http://host/redmine
    std::string apiKey; ///< sent as X-Redmine-API-Key, never in a URL
    int attempts = 5;   ///< per request, for transient failures (no answer, 429, 500, 502, 503, 504)
    std::chrono::milliseconds firstBackoff{500}; ///< doubled after every failed attempt
    std::chrono::seconds timeout{60};
    std::string caFile; ///< https: a CA file instead of the system's
    bool verifyTls = true;
};

/// One connection (kept alive) to one Redmine; use one client per thread.
class RedmineClient {
public:
    /// Throws std::invalid_argument for a URL that is not http(s)://host[:port][/path] or an
    /// empty key.
    explicit RedmineClient(RedmineClientOptions options);
    ~RedmineClient();
    RedmineClient(const RedmineClient&) = delete;
    RedmineClient& operator=(const RedmineClient&) = delete;

    /// The base URL normalised (lower-case scheme and host, default port left out, no
    /// trailing slash): the name the import maps this Redmine under.
    const std::string& source() const { return _source; }
    const RedmineClientOptions& options() const { return _options; }

    /// GET `path` ("/issues.json?status_id=*", relative to the base URL) as JSON. Throws
    /// RedmineError: 401 (the key is wrong or the REST API is off), 403, 404, 422, a
    /// redirect, a body that is not JSON, or a transient failure after every attempt.
    nlohmann::json getJson(const std::string& path);

    /// Every item of a paged list (`key` is its array, "issues"), 100 per request with
    /// offset and limit; `onTotal` hears Redmine's total_count before the first item. A
    /// list without total_count (trackers, versions) is read in one request. Throws as getJson.
    void forEach(const std::string& path, const std::string& key, const std::function<void(const nlohmann::json&)>& f,
                 const std::function<void(std::size_t)>& onTotal = {});

    /// The bytes of attachment `id` (/attachments/download/ID on this Redmine, never a URL
    /// from a response: the key goes nowhere else). Throws as getJson.
    std::string download(unsigned id);

private:
    std::string get(const std::string& path, const char* accept);
    std::string attempt(const std::string& target, const char* accept, int& status);
    RedmineClientOptions _options;
    std::string _scheme, _host, _basePath, _source;
    unsigned short _port = 0;
    std::unique_ptr<Poco::Net::HTTPClientSession> _session;
};

} // namespace ticketflow::app
