// Sending the outbox over SMTP, or into a folder of .eml files.
#include "intake/outbox_sender.hpp"

#include "core/domain/mail_text.hpp"
#include "core/storage/outbox_repository.hpp"
#include "core/app/tls_client.hpp"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureSMTPClientSession.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace ticketflow::intake {

namespace {

/// An SMTP session ready for mail: connected, EHLO, STARTTLS and AUTH as configured.
/// Poco writes a command and its line end, and a message's chunks, in separate sends: with
/// Nagle's algorithm every mail then waits for the server's delayed ACK (40 ms on Linux, 21
/// mails a second). The socket is only reachable from a subclass.
class Session : public Poco::Net::SecureSMTPClientSession {
public:
    using SecureSMTPClientSession::SecureSMTPClientSession;
    void sendAtOnce() { socket().setNoDelay(true); }
};

std::unique_ptr<Poco::Net::SecureSMTPClientSession> openSession(const SmtpConfig& c) {
    auto session = std::make_unique<Session>(c.host, static_cast<Poco::UInt16>(c.port));
    session->setTimeout(Poco::Timespan(c.timeoutSeconds, 0));
    session->sendAtOnce();
    session->login(c.heloName);
    if (c.starttls && !session->startTLS(app::tlsClientContext(c.caFile, c.verifyTls)))
        throw Poco::Net::SMTPException("the server does not offer STARTTLS");
    if (!c.user.empty()) session->login(c.heloName, Poco::Net::SMTPClientSession::AUTH_LOGIN, c.user, c.password);
    return session;
}

void sendOne(Poco::Net::SMTPClientSession& session, const SmtpConfig& c, const storage::OutboxEntry& e) {
    Poco::Net::SMTPClientSession::Recipients recipients(e.mail.recipients.begin(), e.mail.recipients.end());
    session.sendAddresses(c.from, recipients);
    session.sendData();
    std::istringstream message(e.mail.message);
    session.sendMessage(message); // dot-stuffed, ended with "." and checked for 250
}

/// Written under a temporary name and renamed: a reader never sees half a file.
void dropOne(const std::filesystem::path& folder, const storage::OutboxEntry& e) {
    std::filesystem::create_directories(folder);
    const auto name = folder / (std::to_string(e.id) + ".eml");
    const auto temporary = folder / ("." + std::to_string(e.id) + ".eml.tmp");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << e.mail.message;
        out.close();
        if (!out) throw std::runtime_error("cannot write " + temporary.string());
    }
    std::filesystem::rename(temporary, name);
}

bool permanent(const Poco::Exception& e) {
    return dynamic_cast<const Poco::Net::SMTPException*>(&e) && e.code() >= 500 && e.code() < 600;
}

} // namespace

SendReport sendDue(storage::Connection& db, const SmtpConfig& smtp, std::size_t limit, std::ostream& log) {
    SendReport report;
    storage::Transaction tx(db);
    storage::OutboxRepository outbox(db);
    const auto due = outbox.claimDue(static_cast<unsigned>(limit));
    if (due.empty()) {
        tx.commit();
        return report;
    }
    const auto failed = [&](const storage::OutboxEntry& e, const std::string& answer, bool final) {
        const std::string why = domain::cleanHeaderText(answer); // a server's answer may hold any bytes
        outbox.markFailed(e.id, e.tries, why, final ? e.tries + 1 : smtp.maxTries);
        ++report.failed;
        if (final || e.tries + 1 >= smtp.maxTries) ++report.dead;
        log << "ticketflow-mail: outbox " << e.id << ": " << why << (final ? " (final)" : "") << "\n";
    };
    if (!smtp.smtp()) {
        for (const auto& e : due) {
            try {
                dropOne(smtp.dropFolder, e);
                outbox.markSent(e.id);
                ++report.sent;
            } catch (const std::exception& x) {
                failed(e, x.what(), false);
            }
        }
        tx.commit();
        return report;
    }
    std::unique_ptr<Poco::Net::SecureSMTPClientSession> session;
    for (const auto& e : due) {
        try {
            if (!session) session = openSession(smtp);
            sendOne(*session, smtp, e);
            outbox.markSent(e.id);
            ++report.sent;
        } catch (const Poco::Exception& x) {
            failed(e, x.displayText(), permanent(x));
            if (!dynamic_cast<const Poco::Net::SMTPException*>(&x)) {
                session.reset(); // the connection is gone: the next mail opens a new one
            } else {
                try {
                    std::string ignored;
                    session->sendCommand("RSET", ignored);
                } catch (const Poco::Exception&) {
                    session.reset();
                }
            }
        }
    }
    if (session) {
        try {
            session->close();
        } catch (const Poco::Exception&) {
            // QUIT after the mails were accepted: nothing left to lose
        }
    }
    tx.commit();
    return report;
}

} // namespace ticketflow::intake
