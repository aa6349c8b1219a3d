// Request: one decoded HTTP request as handlers see it (built by buildRequest, routed by Router).
#include "fcgi/http/request.hpp"

#include "fcgi/http/text.hpp"

namespace ticketflow::http {
namespace {

// multimap::find may return any of several equal keys; lower_bound returns the first one
// inserted, which is the first one received.
const std::string* firstValue(const std::multimap<std::string, std::string>& m, std::string_view name) {
    auto it = m.lower_bound(std::string(name));
    if (it == m.end() || it->first != name) return nullptr;
    return &it->second;
}

std::vector<std::string> allValues(const std::multimap<std::string, std::string>& m, std::string_view name) {
    std::vector<std::string> out;
    auto [first, last] = m.equal_range(std::string(name));
    for (auto it = first; it != last; ++it) out.push_back(it->second);
    return out;
}

} // namespace

std::string Request::contentType() const {
    auto it = headers.find("content-type");
    if (it == headers.end()) return {};
    std::string_view v = it->second;
    v = trimSpace(v.substr(0, v.find(';')));
    return toLowerAscii(v);
}

const std::string* Request::queryValue(std::string_view name) const {
    return firstValue(query, name);
}

const std::string* Request::formValue(std::string_view name) const {
    return firstValue(form, name);
}

std::string Request::param(std::string_view name, std::string def) const {
    if (auto it = params.find(std::string(name)); it != params.end()) return it->second;
    if (const std::string* v = queryValue(name)) return *v;
    if (const std::string* v = formValue(name)) return *v;
    return def;
}

std::vector<std::string> Request::queryValues(std::string_view name) const {
    return allValues(query, name);
}

std::vector<std::string> Request::formValues(std::string_view name) const {
    return allValues(form, name);
}

std::string Request::header(std::string_view lowerName) const {
    auto it = headers.find(std::string(lowerName));
    return it == headers.end() ? std::string() : it->second;
}

std::string Request::cookie(std::string_view name) const {
    auto it = cookies.find(std::string(name));
    return it == cookies.end() ? std::string() : it->second;
}

} // namespace ticketflow::http
