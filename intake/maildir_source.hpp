// A Maildir folder as a mail source: the files in new/ and cur/.
#pragma once
#include "intake/mail_source.hpp"

namespace ticketflow::intake {

class MaildirSource : public MailSource {
public:
    MaildirSource(std::string folder, std::uint64_t maxBytes) : _folder(std::move(folder)), _maxBytes(maxBytes) {}
    /// Files are taken in name order (Maildir names start with the delivery time); names
    /// starting with "." and tmp/ are left alone. A missing new/ or cur/ counts as empty.
    std::size_t drain(const std::function<void(const FetchedMail&)>& keep) override;

private:
    std::string _folder;
    std::uint64_t _maxBytes;
};

} // namespace ticketflow::intake
