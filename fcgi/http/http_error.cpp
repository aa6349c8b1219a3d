// HttpError: a request the client got wrong (malformed, too large), carried to the error page.
#include "fcgi/http/http_error.hpp"

namespace ticketflow::http {

HttpError::HttpError(int status, std::string message) : std::runtime_error(std::move(message)), _status(status) {}

int HttpError::status() const noexcept {
    return _status;
}

HttpError& HttpError::withHeader(std::string name, std::string value) {
    _headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

const std::vector<std::pair<std::string, std::string>>& HttpError::headers() const noexcept {
    return _headers;
}

} // namespace ticketflow::http
