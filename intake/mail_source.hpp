// A place mail arrives (a POP3 mailbox, a Maildir folder): read each message, hand it over,
// delete it only once it is safely stored.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

namespace ticketflow::intake {

/// One message as fetched. Over the size limit only its head (the first kHeadBytes, enough
/// for the headers) is kept and `truncated` is set; `size` is always the whole size.
struct FetchedMail {
    std::string raw;
    std::uint64_t size = 0;
    bool truncated = false;
};

inline constexpr std::size_t kHeadBytes = 64 * 1024;

class MailSource {
public:
    virtual ~MailSource() = default;
    /// Hands every waiting message to `keep`, oldest first, and deletes it from the source once
    /// `keep` has returned. When `keep` throws, that message and the rest stay where they are
    /// and the exception propagates. Returns how many messages were handed over. Throws
    /// std::runtime_error (or Poco::Exception) when the source cannot be read.
    virtual std::size_t drain(const std::function<void(const FetchedMail&)>& keep) = 0;
};

} // namespace ticketflow::intake
