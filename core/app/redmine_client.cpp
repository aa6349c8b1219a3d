// A client of Redmine's REST API over Poco's HTTP(S) sessions.
#include "core/app/redmine_client.hpp"

#include "core/app/tls_client.hpp"
#include "core/domain/text.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <thread>

namespace ticketflow::app {

namespace {

bool transientStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::string explain(int status, const std::string& path) {
    const std::string what = "Redmine answered " + std::to_string(status) + " to GET " + path;
    switch (status) {
        case 401:
            return what + ": the API key was not accepted (check --key, and that the REST API is enabled in"
                          " Redmine: Administration > Settings > API)";
        case 403:
            return what + ": the key's user may not read this (the import needs an administrator's key)";
        case 404:
            return what + ": not found";
        case 301:
        case 302:
        case 303:
        case 307:
        case 308:
            return what + ": a redirect (give --url as the address Redmine redirects to, e.g. https://)";
        default:
            return what;
    }
}

} // namespace

RedmineClient::RedmineClient(RedmineClientOptions options) : _options(std::move(options)) {
    if (_options.apiKey.empty()) throw std::invalid_argument("the Redmine API key is empty");
    Poco::URI uri;
    try {
        uri = Poco::URI(_options.url);
    } catch (const Poco::Exception&) {
        throw std::invalid_argument("not a URL: " + _options.url);
    }
    _scheme = domain::asciiLower(uri.getScheme());
    _host = domain::asciiLower(uri.getHost());
    if ((_scheme != "http" && _scheme != "https") || _host.empty() || !uri.getQuery().empty() ||
        !uri.getFragment().empty() || !uri.getUserInfo().empty())
        throw std::invalid_argument("--url must be http(s)://host[:port][/path] without user, query or fragment: " +
                                    _options.url);
    _port = uri.getPort();
    _basePath = uri.getPath();
    while (!_basePath.empty() && _basePath.back() == '/') _basePath.pop_back();
    const bool defaultPort = (_scheme == "http" && _port == 80) || (_scheme == "https" && _port == 443);
    _source = _scheme + "://" + _host + (defaultPort ? "" : ":" + std::to_string(_port)) + _basePath;
}

RedmineClient::~RedmineClient() = default;

std::string RedmineClient::attempt(const std::string& target, const char* accept, int& status) {
    if (!_session) {
        if (_scheme == "https")
            _session = std::make_unique<Poco::Net::HTTPSClientSession>(
                _host, _port, tlsClientContext(_options.caFile, _options.verifyTls));
        else
            _session = std::make_unique<Poco::Net::HTTPClientSession>(_host, _port);
        _session->setKeepAlive(true);
        _session->setTimeout(Poco::Timespan(static_cast<long>(_options.timeout.count()), 0));
    }
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, target, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("X-Redmine-API-Key", _options.apiKey);
    request.set("Accept", accept);
    request.set("User-Agent", "ticketflow-admin import-redmine");
    _session->sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = _session->receiveResponse(response);
    std::string body;
    Poco::StreamCopier::copyToString(in, body);
    status = static_cast<int>(response.getStatus());
    return body;
}

std::string RedmineClient::get(const std::string& path, const char* accept) {
    const std::string target = _basePath + path;
    auto backoff = _options.firstBackoff;
    std::string lastFailure;
    bool staleRetried = false;
    for (int i = 1; i <= _options.attempts; ++i) {
        int status = 0;
        const bool reused = _session != nullptr;
        try {
            std::string body = attempt(target, accept, status);
            if (status == 200) return body;
            if (!transientStatus(status)) throw RedmineError(explain(status, path), status);
            lastFailure = explain(status, path);
        } catch (const Poco::Net::SSLException& e) {
            // A certificate that does not verify will not verify on the next attempt either.
            _session.reset();
            throw RedmineError("TLS with " + _host + " failed: " + e.displayText(), 0);
        } catch (const Poco::Exception& e) {
            // No answer (refused, reset, timed out): a new connection on the next attempt.
            _session.reset();
            lastFailure = "GET " + path + " failed: " + e.displayText();
            // A kept-alive connection the server has closed meanwhile (Passenger closes idle
            // ones) fails at once: one more try on a new connection, without waiting.
            if (reused && !staleRetried) {
                staleRetried = true;
                --i;
                continue;
            }
        }
        if (i < _options.attempts) {
            std::this_thread::sleep_for(backoff);
            backoff *= 2;
        }
    }
    throw RedmineError(lastFailure + " (after " + std::to_string(_options.attempts) + " attempts)", 0);
}

nlohmann::json RedmineClient::getJson(const std::string& path) {
    const std::string body = get(path, "application/json");
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        throw RedmineError("Redmine's answer to GET " + path + " is not a JSON object", 200);
    return json;
}

void RedmineClient::forEach(const std::string& path, const std::string& key,
                            const std::function<void(const nlohmann::json&)>& f,
                            const std::function<void(std::size_t)>& onTotal) {
    const char joiner = path.find('?') == std::string::npos ? '?' : '&';
    constexpr std::size_t kLimit = 100; // Redmine's maximum per request
    std::size_t offset = 0;
    bool first = true;
    while (true) {
        const auto page = getJson(path + joiner + "offset=" + std::to_string(offset) + "&limit=" + std::to_string(kLimit));
        const auto items = page.find(key);
        if (items == page.end() || !items->is_array())
            throw RedmineError("Redmine's answer to GET " + path + " has no \"" + key + "\" list", 200);
        const auto total = page.find("total_count");
        const bool paged = total != page.end() && total->is_number_unsigned();
        if (first && onTotal) onTotal(paged ? total->get<std::size_t>() : items->size());
        first = false;
        for (const auto& item : *items) f(item);
        offset += items->size();
        // Lists without total_count come whole; an empty page ends a list that shrank meanwhile.
        if (!paged || items->empty() || offset >= total->get<std::size_t>()) return;
    }
}

std::string RedmineClient::download(unsigned id) {
    return get("/attachments/download/" + std::to_string(id), "*/*");
}

} // namespace ticketflow::app
