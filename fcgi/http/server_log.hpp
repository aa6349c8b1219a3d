// logLine and typeName: the FastCGI server's one-line stderr log (internal to fcgi/http).
#pragma once

#include <string>
#include <typeinfo>

namespace ticketflow::http {

/// Writes "ticketflow-http: <text>" as one line to stderr with a single write(2), so lines
/// from different threads do not interleave; CR/LF in `text` become spaces (no forged lines)
/// and it is cut at 1000 bytes. Never throws except std::bad_alloc.
void logLine(std::string text);

/// Demangled type name for log lines ("std::runtime_error"). Throws only std::bad_alloc.
std::string typeName(const std::type_info& type);

} // namespace ticketflow::http
