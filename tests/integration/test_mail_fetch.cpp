// Fetching mail into inbound_mail on a real MariaDB and a real Dovecot (POP3, POP3S) and from
// a Maildir: stored before deleted, nothing lost or doubled when a run breaks off, one poller
// per mailbox, the size limit, and the MTA pipe.
#include "tests/integration/test_database.hpp"

#include "core/storage/inbound_mail_repository.hpp"
#include "core/storage/mail_delivery.hpp"
#include "intake/mail_fetcher.hpp"
#include "intake/maildir_source.hpp"
#include "intake/pop3_source.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

using namespace ticketflow;
namespace fs = std::filesystem;

namespace {

std::string message(int n, std::size_t bodyBytes = 40) {
    std::string body(bodyBytes, 'x');
    for (std::size_t i = 76; i < body.size(); i += 77) body[i] = '\n';
    return "From: Customer " + std::to_string(n) + " <c" + std::to_string(n) + "@example.com>\n"
           "To: support@example.org\nSubject: Printing fails " + std::to_string(n) + "\n"
           "Message-ID: <m" + std::to_string(n) + "@example.com>\n\n" + body + "\n";
}

/// Writes a message into a Maildir's new/ (owned by uid/gid `owner` when given, as Dovecot needs).
void drop(const fs::path& maildir, const std::string& name, const std::string& text, int owner = -1) {
    fs::create_directories(maildir / "new");
    const fs::path file = maildir / "new" / name;
    std::ofstream(file, std::ios::binary) << text;
    if (owner >= 0 && ::chown(file.c_str(), owner, owner) != 0) throw std::runtime_error("chown " + file.string());
}

std::size_t filesIn(const fs::path& maildir) {
    std::size_t n = 0;
    for (const char* sub : {"new", "cur"})
        if (fs::is_directory(maildir / sub)) n += std::distance(fs::directory_iterator(maildir / sub), {});
    return n;
}

intake::MailboxConfig pop3Box(bool tls) {
    intake::MailboxConfig box;
    box.name = "support";
    box.kind = tls ? intake::MailboxConfig::Kind::Pop3s : intake::MailboxConfig::Kind::Pop3;
    box.host = "127.0.0.1";
    box.port = std::stoi(testing::testEnv(tls ? "TF_POP3S_PORT" : "TF_POP3_PORT"));
    box.user = testing::testEnv("TF_POP3_USER");
    box.password = testing::testEnv("TF_POP3_PASSWORD");
    box.caFile = tls ? testing::testEnv("TF_POP3_CA") : "";
    box.timeoutSeconds = 10;
    return box;
}

struct TempMaildir {
    fs::path dir;
    TempMaildir() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("tf-maildir-" + std::to_string(rd()));
        fs::create_directories(dir / "new");
        fs::create_directories(dir / "cur");
    }
    ~TempMaildir() { fs::remove_all(dir); }
};

constexpr std::uint64_t kLimit = 64 * 1024 + 100;
constexpr int kMailUid = 8; // Debian's "mail", which the test Dovecot reads mailboxes as

} // namespace

BOOST_AUTO_TEST_SUITE(mail_fetch)

BOOST_AUTO_TEST_CASE(maildir_messages_are_stored_then_removed) {
    testing::TestDatabase t;
    TempMaildir box;
    drop(box.dir, "1700000001.a.host", message(1));
    drop(box.dir, "1700000002.b.host", message(2));
    drop(box.dir, "1700000003.c.host", message(3, 200 * 1024)); // over the limit
    intake::MaildirSource source(box.dir.string(), kLimit);
    const auto r = intake::fetchMailbox(t.db(), "inbox", source, kLimit);
    BOOST_TEST(r.stored == 2u);
    BOOST_TEST(r.rejected == 1u);
    BOOST_TEST(filesIn(box.dir) == 0u);
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE state = 'received' AND mailbox = 'inbox'") == 2);
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE sha256 = UNHEX(SHA2(raw, 256)) AND LENGTH(raw) = " +
                        std::to_string(message(1).size())) == 2);
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE state = 'rejected' AND size > 200 * 1024"
                        " AND LENGTH(raw) = 65536 AND reason LIKE '%over the limit%'") == 1);

    // The same bytes again (a crash between commit and unlink): recognised, nothing new.
    drop(box.dir, "1700000001.a.host", message(1));
    const auto again = intake::fetchMailbox(t.db(), "inbox", source, kLimit);
    BOOST_TEST(again.duplicates == 1u);
    BOOST_TEST(again.stored == 0u);
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail") == 3);
}

BOOST_AUTO_TEST_CASE(a_failed_store_leaves_the_message_in_the_source) {
    testing::TestDatabase t;
    TempMaildir box;
    drop(box.dir, "1700000001.a.host", message(1));
    drop(box.dir, "1700000002.b.host", message(2));
    intake::MaildirSource source(box.dir.string(), kLimit);
    int calls = 0;
    BOOST_CHECK_THROW(source.drain([&](const intake::FetchedMail&) {
        if (++calls == 2) throw std::runtime_error("database went away");
    }),
                      std::runtime_error);
    BOOST_TEST(filesIn(box.dir) == 1u); // the first was handed over and removed, the second stays
}

BOOST_AUTO_TEST_CASE(one_poller_per_mailbox) {
    testing::TestDatabase t;
    TempMaildir box;
    drop(box.dir, "1700000001.a.host", message(1));
    auto other = t.connect();
    BOOST_REQUIRE(storage::InboundMailRepository(*other).tryLock("ticketflow.mailbox.inbox"));
    intake::MaildirSource source(box.dir.string(), kLimit);
    BOOST_TEST(intake::fetchMailbox(t.db(), "inbox", source, kLimit).busy);
    BOOST_TEST(filesIn(box.dir) == 1u);
    storage::InboundMailRepository(*other).unlock("ticketflow.mailbox.inbox");
    BOOST_TEST(intake::fetchMailbox(t.db(), "inbox", source, kLimit).stored == 1u);
}

BOOST_AUTO_TEST_CASE(pop3_and_pop3s_fetch_store_and_delete) {
    testing::TestDatabase t;
    const fs::path maildir = testing::testEnv("TF_POP3_MAILDIR");
    BOOST_REQUIRE_MESSAGE(!maildir.empty(), "the mail fixture (services.sh start-mail) is not running");
    for (const bool tls : {false, true}) {
        BOOST_TEST_CONTEXT((tls ? "POP3S" : "POP3")) {
            const int base = tls ? 10 : 0;
            drop(maildir, std::to_string(1700000000 + base) + ".a.host", message(base + 1), kMailUid);
            drop(maildir, std::to_string(1700000001 + base) + ".b.host", message(base + 2), kMailUid);
            drop(maildir, std::to_string(1700000002 + base) + ".c.host", message(base + 3, 100 * 1024), kMailUid);
            intake::Pop3Source source(pop3Box(tls), kLimit);
            const auto r = intake::fetchMailbox(t.db(), "support", source, kLimit);
            BOOST_TEST(r.stored == 2u);
            BOOST_TEST(r.rejected == 1u);
            BOOST_TEST(filesIn(maildir) == 0u); // deleted on the server after QUIT
            // POP3 hands lines over with CRLF; the body is intact.
            BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE mailbox = 'support' AND raw LIKE"
                                " '%Subject: Printing fails " + std::to_string(base + 2) + "\r\n%'") == 1);
        }
    }
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE state = 'received'") == 4);
}

BOOST_AUTO_TEST_CASE(pop3_interrupted_run_loses_and_doubles_nothing) {
    testing::TestDatabase t;
    const fs::path maildir = testing::testEnv("TF_POP3_MAILDIR");
    BOOST_REQUIRE(!maildir.empty());
    for (int i = 1; i <= 5; ++i) drop(maildir, std::to_string(1700000100 + i) + ".x.host", message(100 + i), kMailUid);
    storage::InboundMailRepository mail(t.db());
    // The store fails at the third message: the first two are stored and deleted, the rest stay.
    {
        intake::Pop3Source source(pop3Box(false), kLimit);
        int calls = 0;
        BOOST_CHECK_THROW(source.drain([&](const intake::FetchedMail& m) {
            if (++calls == 3) throw std::runtime_error("database went away");
            mail.store("support", m.raw);
        }),
                          std::runtime_error);
    }
    BOOST_TEST(filesIn(maildir) == 3u);
    // A run whose third message is stored but never deleted: it comes again and is recognised.
    {
        intake::MailboxConfig box = pop3Box(false);
        intake::Pop3Source source(box, kLimit);
        int calls = 0;
        BOOST_CHECK_THROW(source.drain([&](const intake::FetchedMail& m) {
            mail.store("support", m.raw);
            if (++calls == 3) throw std::runtime_error("killed");
        }),
                          std::runtime_error);
    }
    intake::Pop3Source source(pop3Box(false), kLimit);
    const auto r = intake::fetchMailbox(t.db(), "support", source, kLimit);
    BOOST_TEST(filesIn(maildir) == 0u);
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail") == 5);
    BOOST_TEST(r.stored + r.duplicates >= 1u);
}

BOOST_AUTO_TEST_CASE(pop3s_refuses_an_unknown_certificate) {
    testing::TestDatabase t;
    const fs::path maildir = testing::testEnv("TF_POP3_MAILDIR");
    BOOST_REQUIRE(!maildir.empty());
    drop(maildir, "1700000200.y.host", message(200), kMailUid);
    auto box = pop3Box(true);
    box.caFile.clear(); // the system's CAs do not know the test certificate
    intake::Pop3Source source(box, kLimit);
    bool refused = false;
    try {
        intake::fetchMailbox(t.db(), "support", source, kLimit);
    } catch (const std::exception&) {
        refused = true;
    }
    BOOST_TEST(refused);
    BOOST_TEST(filesIn(maildir) == 1u);
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail") == 0);
    // Clean up for the other cases: fetch it with the right CA.
    intake::Pop3Source trusted(pop3Box(true), kLimit);
    BOOST_TEST(intake::fetchMailbox(t.db(), "support", trusted, kLimit).stored == 1u);
}

BOOST_AUTO_TEST_CASE(mta_pipe_delivery) {
    testing::TestDatabase t;
    using storage::Delivery;
    // Bigger than a chunk of long data, so the message goes in several pieces.
    const std::string large = message(300, 3 * 1024 * 1024 + 17);
    BOOST_TEST((storage::deliverMessage(t.config(), "pipe", large) == Delivery::Stored));
    BOOST_TEST((storage::deliverMessage(t.config(), "pipe", large) == Delivery::AlreadyStored));
    auto viaTcp = t.config();
    viaTcp.socket.clear();
    BOOST_TEST((storage::deliverMessage(viaTcp, "pipe", message(301)) == Delivery::Stored));
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail") == 2);
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE mailbox = 'pipe' AND state = 'received'"
                        " AND reason = '' AND processed_at IS NULL AND sha256 = UNHEX(SHA2(raw, 256))") == 2);
    auto& same = t.db().prepare("SELECT COUNT(*) FROM inbound_mail WHERE raw = ? AND size = ?");
    same.setString(1, large);
    same.setUInt(2, static_cast<unsigned>(large.size()));
    long sameBytes = 0;
    storage::forEachRow(t.db(), same, [&](sql::ResultSet& rs) { sameBytes = rs.getInt(1); });
    BOOST_TEST(sameBytes == 1);
    // In UTC, as every other writer stores its times, whatever the server's time zone.
    BOOST_TEST(t.scalar("SELECT MAX(ABS(TIMESTAMPDIFF(SECOND, received_at, UTC_TIMESTAMP()))) FROM inbound_mail") < 60);

    auto wrong = t.config();
    wrong.password = "not-the-password";
    BOOST_CHECK_THROW(storage::deliverMessage(wrong, "pipe", message(302)), storage::StorageError);
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM inbound_mail") == 2);

    std::istringstream fits(message(303, 1000)), over(message(304, 100 * 1024));
    BOOST_TEST(storage::readLimited(fits, kLimit).value_or("") == message(303, 1000));
    BOOST_TEST(!storage::readLimited(over, kLimit));
}

BOOST_AUTO_TEST_SUITE_END()
