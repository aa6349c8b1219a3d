// A POP3 or POP3S mailbox as a mail source.
#include "intake/pop3_source.hpp"

#include "core/app/tls_client.hpp"

#include <Poco/Net/POP3ClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>

#include <memory>
#include <ostream>

namespace ticketflow::intake {

namespace {

/// Keeps the first `limit` bytes written to it and counts the rest.
class HeadBuffer : public std::streambuf {
public:
    explicit HeadBuffer(std::size_t limit) : _limit(limit) {}
    std::string text;
    std::uint64_t total = 0;

protected:
    int_type overflow(int_type c) override {
        if (c != traits_type::eof()) {
            ++total;
            if (text.size() < _limit) text.push_back(static_cast<char>(c));
        }
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        total += static_cast<std::uint64_t>(n);
        const std::size_t room = _limit - std::min(_limit, text.size());
        text.append(s, std::min(room, static_cast<std::size_t>(n)));
        return n;
    }

private:
    std::size_t _limit;
};

std::unique_ptr<Poco::Net::POP3ClientSession> connect(const MailboxConfig& box) {
    const Poco::Timespan timeout(box.timeoutSeconds, 0);
    if (box.kind != MailboxConfig::Kind::Pop3s) {
        auto session = std::make_unique<Poco::Net::POP3ClientSession>(box.host, static_cast<Poco::UInt16>(box.port));
        session->setTimeout(timeout);
        return session;
    }
    const auto context = app::tlsClientContext(box.caFile, box.verifyTls);
    Poco::Net::SecureStreamSocket socket(Poco::Net::SocketAddress(box.host, static_cast<Poco::UInt16>(box.port)),
                                         box.host, context);
    socket.setReceiveTimeout(timeout);
    socket.setSendTimeout(timeout);
    auto session = std::make_unique<Poco::Net::POP3ClientSession>(socket);
    session->setTimeout(timeout);
    return session;
}

} // namespace

std::size_t Pop3Source::drain(const std::function<void(const FetchedMail&)>& keep) {
    auto session = connect(_box);
    session->login(_box.user, _box.password);
    Poco::Net::POP3ClientSession::MessageInfoVec messages;
    session->listMessages(messages);
    std::size_t handed = 0;
    for (const auto& info : messages) {
        FetchedMail mail;
        // LIST's size decides what to keep; the bytes counted while reading decide the verdict.
        const bool tooLarge = static_cast<std::uint64_t>(info.size) > _maxBytes;
        HeadBuffer buffer(tooLarge ? kHeadBytes : static_cast<std::size_t>(_maxBytes));
        std::ostream out(&buffer);
        session->retrieveMessage(info.id, out);
        mail.size = buffer.total;
        mail.truncated = buffer.total > _maxBytes;
        if (mail.truncated && buffer.text.size() > kHeadBytes) buffer.text.resize(kHeadBytes);
        mail.raw = std::move(buffer.text);
        keep(mail);
        ++handed;
        session->deleteMessage(info.id);
    }
    session->close(); // QUIT: the server deletes what was marked
    return handed;
}

} // namespace ticketflow::intake
