// How `ticketflow-mail deliver` hands a message to the running poller over its Unix socket
// ([intake] deliver_socket): one request per connection, "DELIVER <mailbox> <bytes>\n" and the
// message's bytes; the answer is the exit code deliver ends with, "<code>\n" (0 stored, 65 too
// large, 75 try again later, 64 a malformed request).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::mail_tool::deliver_protocol {

inline constexpr std::size_t kMaxHeaderBytes = 128;

struct Request {
    std::string mailbox;
    std::uint64_t bytes = 0;
};

inline bool validMailboxName(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

inline std::string requestHeader(const std::string& mailbox, std::uint64_t bytes) {
    return "DELIVER " + mailbox + " " + std::to_string(bytes) + "\n";
}

/// The header line without its "\n"; nullopt unless it is exactly "DELIVER <name> <digits>".
inline std::optional<Request> parseRequestHeader(std::string_view line) {
    constexpr std::string_view verb = "DELIVER ";
    if (line.substr(0, verb.size()) != verb) return std::nullopt;
    line.remove_prefix(verb.size());
    const auto space = line.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view name = line.substr(0, space), digits = line.substr(space + 1);
    if (!validMailboxName(name) || digits.empty() || digits.size() > 12 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    return Request{std::string(name), std::stoull(std::string(digits))};
}

inline std::string replyLine(int code) {
    return std::to_string(code) + "\n";
}

/// The answer line without its "\n"; nullopt unless it is one of the codes deliver uses.
inline std::optional<int> parseReply(std::string_view line) {
    for (const int code : {0, 64, 65, 75})
        if (line == std::to_string(code)) return code;
    return std::nullopt;
}

} // namespace ticketflow::mail_tool::deliver_protocol
