// A POP3 or POP3S mailbox as a mail source (Poco's POP3 client).
#pragma once
#include "intake/mail_source.hpp"
#include "intake/mailbox_config.hpp"

namespace ticketflow::intake {

class Pop3Source : public MailSource {
public:
    Pop3Source(MailboxConfig mailbox, std::uint64_t maxBytes) : _box(std::move(mailbox)), _maxBytes(maxBytes) {}
    /// LIST, then per message RETR and, after `keep`, DELE; QUIT at the end commits the
    /// deletions. A crash before QUIT leaves every message on the server, to be fetched (and
    /// recognised as already stored) next time. Over the limit only the head is kept.
    std::size_t drain(const std::function<void(const FetchedMail&)>& keep) override;

private:
    MailboxConfig _box;
    std::uint64_t _maxBytes;
};

} // namespace ticketflow::intake
