// The outbox sender against a real SMTP sink (aiosmtpd, fixture smtp): what arrives, to whom,
// once; SMTP down: nothing lost, sent once it is back; two senders: no mail twice; a
// rolled-back change sends nothing; dead letters and retry; the .eml folder without SMTP.
#include "tests/integration/test_database.hpp"

#include "core/storage/outbox_repository.hpp"
#include "intake/outbox_sender.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

using namespace ticketflow;
namespace fs = std::filesystem;

namespace {

/// The sink's Maildir: each file a message it accepted, with X-RcptTo added.
struct Sink {
    fs::path maildir = fs::path(testing::testEnv("TF_SMTP_MAILDIR")) / "new";
    std::set<fs::path> before;
    Sink() {
        for (const auto& f : fs::directory_iterator(maildir)) before.insert(f.path());
    }
    /// Messages that arrived since this Sink was made.
    std::vector<std::string> arrived() const {
        std::vector<std::string> out;
        for (const auto& f : fs::directory_iterator(maildir)) {
            if (before.count(f.path())) continue;
            std::ifstream in(f.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            out.push_back(text.str());
        }
        return out;
    }
};

intake::SmtpConfig sink() {
    intake::SmtpConfig c;
    c.host = "127.0.0.1";
    c.port = std::stoi(testing::testEnv("TF_SMTP_PORT"));
    c.from = "support@vendor.example";
    c.timeoutSeconds = 10;
    c.maxTries = 3;
    return c;
}

storage::OutgoingMail mail(const std::string& tag, std::vector<std::string> to) {
    storage::OutgoingMail m;
    m.messageId = "tf.test." + tag + "@vendor.example";
    m.recipients = std::move(to);
    m.subject = "[PSProSupport - Support #1] (New) " + tag;
    m.message = "From: Support <support@vendor.example>\r\nTo: " + m.recipients.front() + "\r\nSubject: " + m.subject +
                "\r\nMessage-ID: <" + m.messageId + ">\r\nAuto-Submitted: auto-generated\r\n\r\nBody of " + tag +
                "\r\n.\r\nA line that is only a dot, above.\r\n";
    return m;
}

std::uint64_t enqueue(storage::Connection& db, const storage::OutgoingMail& m) {
    storage::Transaction tx(db);
    const auto id = storage::OutboxRepository(db).enqueue(m);
    tx.commit();
    return id;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(outbox)

BOOST_AUTO_TEST_CASE(due_mails_reach_their_recipients_once) {
    testing::TestDatabase t;
    Sink box;
    enqueue(t.db(), mail("first", {"carol@kunde.example"}));
    enqueue(t.db(), mail("second", {"bill@vendor.example", "support-all@vendor.example"}));
    std::ostringstream log;
    const auto r = intake::sendDue(t.db(), sink(), 50, log);
    BOOST_TEST(r.sent == 2u);
    BOOST_TEST(r.failed == 0u);
    const auto got = box.arrived();
    BOOST_TEST_REQUIRE(got.size() == 2u);
    const std::string& first = contains(got[0], "Body of first") ? got[0] : got[1];
    const std::string& second = contains(got[0], "Body of first") ? got[1] : got[0];
    BOOST_TEST(contains(first, "X-RcptTo: carol@kunde.example"));
    BOOST_TEST(contains(first, "X-MailFrom: support@vendor.example"));
    BOOST_TEST(contains(first, "Message-ID: <tf.test.first@vendor.example>"));
    BOOST_TEST((contains(first, "\n.\r\nA line that is only a dot") || contains(first, "\n.\nA line that is only a dot")));
    BOOST_TEST(contains(second, "X-RcptTo: bill@vendor.example, support-all@vendor.example"));
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM outbox WHERE state = 'sent' AND sent_at IS NOT NULL") == 2);
    BOOST_TEST(intake::sendDue(t.db(), sink(), 50, log).sent == 0u); // nothing twice
    BOOST_TEST(box.arrived().size() == 2u);
}

BOOST_AUTO_TEST_CASE(smtp_down_loses_nothing_and_sends_once_when_back) {
    testing::TestDatabase t;
    Sink box;
    enqueue(t.db(), mail("while-down", {"carol@kunde.example"}));
    auto down = sink();
    down.port = 1; // nobody listens
    std::ostringstream log;
    const auto r = intake::sendDue(t.db(), down, 50, log);
    BOOST_TEST(r.failed == 1u);
    BOOST_TEST(r.dead == 0u);
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND tries = 1 AND last_error <> ''"
                        " AND next_attempt_at > NOW() + INTERVAL 50 SECOND") == 1);
    BOOST_TEST(intake::sendDue(t.db(), sink(), 50, log).sent == 0u); // not due yet: the backoff
    t.db().execute("UPDATE outbox SET next_attempt_at = NOW()");     // a minute later
    BOOST_TEST(intake::sendDue(t.db(), sink(), 50, log).sent == 1u);
    BOOST_TEST(box.arrived().size() == 1u);
    BOOST_TEST(t.scalar("SELECT tries FROM outbox") == 2);
}

BOOST_AUTO_TEST_CASE(a_mail_that_keeps_failing_is_dead_until_an_admin_retries_it) {
    testing::TestDatabase t;
    Sink box;
    const auto id = enqueue(t.db(), mail("dying", {"carol@kunde.example"}));
    auto down = sink();
    down.port = 1;
    std::ostringstream log;
    for (int i = 0; i < 3; ++i) {
        intake::sendDue(t.db(), down, 50, log);
        t.db().execute("UPDATE outbox SET next_attempt_at = NOW()");
    }
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM outbox WHERE state = 'dead' AND tries = 3") == 1);
    BOOST_TEST(intake::sendDue(t.db(), sink(), 50, log).sent == 0u); // dead mail is not sent
    storage::OutboxRepository outbox(t.db());
    BOOST_TEST(outbox.list("dead", 0, 10).size() == 1u);
    BOOST_TEST(outbox.retry(id));
    BOOST_TEST(!outbox.retry(id)); // only a dead one
    BOOST_TEST(intake::sendDue(t.db(), sink(), 50, log).sent == 1u);
    BOOST_TEST(box.arrived().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_rolled_back_change_sends_nothing) {
    testing::TestDatabase t;
    Sink box;
    {
        storage::Transaction tx(t.db());
        storage::OutboxRepository(t.db()).enqueue(mail("rolled-back", {"carol@kunde.example"}));
    } // no commit
    std::ostringstream log;
    BOOST_TEST(intake::sendDue(t.db(), sink(), 50, log).sent == 0u);
    BOOST_TEST(box.arrived().empty());
}

BOOST_AUTO_TEST_CASE(two_senders_never_send_a_mail_twice) {
    testing::TestDatabase t;
    Sink box;
    constexpr int kMails = 60;
    for (int i = 0; i < kMails; ++i) enqueue(t.db(), mail("parallel-" + std::to_string(i), {"carol@kunde.example"}));
    std::size_t sent[2] = {0, 0};
    std::vector<std::thread> senders;
    for (int s = 0; s < 2; ++s) {
        senders.emplace_back([&, s] {
            auto db = t.connect();
            std::ostringstream log;
            for (std::size_t n = 1; n > 0;) {
                n = intake::sendDue(*db, sink(), 5, log).sent;
                sent[s] += n;
            }
        });
    }
    for (auto& th : senders) th.join();
    BOOST_TEST(sent[0] + sent[1] == static_cast<std::size_t>(kMails));
    const auto got = box.arrived();
    BOOST_TEST(got.size() == static_cast<std::size_t>(kMails));
    std::set<std::string> bodies;
    for (const auto& m : got) bodies.insert(m.substr(m.find("Body of ")));
    BOOST_TEST(bodies.size() == static_cast<std::size_t>(kMails));
    BOOST_TEST(t.scalar("SELECT COUNT(*) FROM outbox WHERE state = 'sent' AND tries = 1") == kMails);
}

BOOST_AUTO_TEST_CASE(without_smtp_mails_become_eml_files) {
    testing::TestDatabase t;
    const fs::path folder = fs::temp_directory_path() / ("tf-outbox-" + t.config().name);
    fs::remove_all(folder);
    const auto id = enqueue(t.db(), mail("as-file", {"carol@kunde.example"}));
    intake::SmtpConfig none;
    none.dropFolder = folder.string();
    std::ostringstream log;
    BOOST_TEST(intake::sendDue(t.db(), none, 50, log).sent == 1u);
    std::ifstream in(folder / (std::to_string(id) + ".eml"), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    BOOST_TEST(contains(text.str(), "Body of as-file"));
    BOOST_TEST(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1); // no temporary left
    fs::remove_all(folder);
}

BOOST_AUTO_TEST_SUITE_END()
