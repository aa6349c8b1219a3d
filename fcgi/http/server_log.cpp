// logLine and typeName: the FastCGI server's one-line stderr log (internal to fcgi/http).
#include "fcgi/http/server_log.hpp"

#include <cstdlib>
#include <cxxabi.h>
#include <unistd.h>

namespace ticketflow::http {

void logLine(std::string text) {
    if (text.size() > 1000) text.resize(1000);
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    text = "ticketflow-http: " + text + "\n";
    ssize_t ignored = ::write(STDERR_FILENO, text.data(), text.size());
    (void)ignored;
}

std::string typeName(const std::type_info& type) {
    int status = 0;
    char* name = abi::__cxa_demangle(type.name(), nullptr, nullptr, &status);
    std::string out = status == 0 && name ? name : type.name();
    std::free(name);
    return out;
}

} // namespace ticketflow::http
