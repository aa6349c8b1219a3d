// Processing stored mail into issues and notes on a real MariaDB (DESIGN §3): new issues and
// customers, replies by Message-ID and by subject tag, forged replies, the guards, files,
// reopening, duplicates, and exactly-once.
#include "tests/integration/team.hpp"

#include "core/app/crypto.hpp"
#include "core/app/mail_ids.hpp"
#include "core/storage/inbound_mail_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "intake/mail_processor.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <random>

using namespace ticketflow;
using testing::Team;
namespace fs = std::filesystem;

namespace {

const std::string kSecret(48, 'k');

struct Desk {
    Team team;
    fs::path files;
    app::AttachmentStore store;
    intake::IntakeConfig config;

    Desk() : files(freshFolder()), store(files.string(), {1 << 20, 5}) {
        app::initCrypto();
        intake::MailboxConfig box;
        box.name = "support";
        box.project = "psprosupport";
        config.mailboxes.push_back(box);
        config.maxPerSenderHour = 5;
    }
    ~Desk() { fs::remove_all(files); }
    intake::ProcessorSettings settings() {
        intake::ProcessorSettings s;
        s.intake = &config;
        s.secret = kSecret;
        s.store = &store;
        return s;
    }
    static fs::path freshFolder() {
        std::random_device rd;
        const fs::path p = fs::temp_directory_path() / ("tf-mail-files-" + std::to_string(rd()));
        fs::create_directories(p);
        return p;
    }
    /// Stores `raw` as arrived in mailbox "support" and processes everything waiting.
    storage::MailOutcome deliver(const std::string& raw) {
        const auto stored = storage::InboundMailRepository(team.t.db()).store("support", raw);
        BOOST_REQUIRE(!stored.duplicate);
        team.catalog = storage::CatalogRepository(team.t.db()).load();
        intake::MailProcessor processor(team.t.db(), team.catalog, settings());
        return processor.processOne(stored.id);
    }
    long journals(unsigned issueId) {
        return team.t.scalar("SELECT COUNT(*) FROM journals WHERE issue_id = " + std::to_string(issueId));
    }
};

std::string mail(const std::string& from, const std::string& subject, const std::string& body,
                 const std::string& extraHeaders = "", const std::string& messageId = "") {
    static int n = 0;
    const std::string id = messageId.empty() ? "m" + std::to_string(++n) + "." + std::to_string(std::random_device{}()) +
                                                   "@client.example"
                                             : messageId;
    return "From: " + from + "\r\nTo: support@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + id +
           ">\r\nDate: Fri, 27 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n" + extraHeaders +
           "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
}

} // namespace

BOOST_AUTO_TEST_SUITE(mail_processing)

BOOST_AUTO_TEST_CASE(a_new_mail_becomes_an_issue_of_a_new_customer) {
    Desk d;
    const auto out = d.deliver(mail("=?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <juergen@kunde.example>",
                                    "Drucken =?utf-8?q?schl=C3=A4gt?= fehl", "Seit dem Update druckt nichts mehr."));
    BOOST_TEST(out.state == "processed", out.reason);
    BOOST_REQUIRE(out.issueId.has_value());
    const auto issue = storage::IssueRepository(d.team.t.db()).find(*out.issueId);
    BOOST_REQUIRE(issue.has_value());
    BOOST_TEST(issue->subject == "Drucken schlägt fehl");
    BOOST_TEST(issue->description == "Seit dem Update druckt nichts mehr.");
    BOOST_TEST(issue->projectId == d.team.project("psprosupport"));
    BOOST_TEST(issue->trackerId == d.team.tracker("Support"));
    BOOST_TEST(issue->source == "email");
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM customers WHERE email = 'juergen@kunde.example'"
                               " AND name = 'Jürgen Müller' AND id = " + std::to_string(issue->customerId.value_or(0))) == 1);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE state = 'processed' AND issue_id = " +
                               std::to_string(*out.issueId)) == 1);
    // Processing again finds nothing to do: exactly once.
    intake::MailProcessor again(d.team.t.db(), d.team.catalog, d.settings());
    BOOST_TEST(again.processWaiting(10) == 0u);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM issues") == 1);
}

BOOST_AUTO_TEST_CASE(replies_by_message_id_and_by_subject_tag_become_notes) {
    Desk d;
    const auto first = d.deliver(mail("Carol <carol@kunde.example>", "Export crashes", "It crashes on export."));
    BOOST_REQUIRE(first.issueId.has_value());
    const unsigned issueId = *first.issueId;
    const std::string ours = app::issueMessageId(kSecret, "support.example.org", issueId);
    const auto byId = d.deliver(mail("carol@kunde.example", "Re: your answer",
                                     "Here is the log you asked for.\n\nOn Fri, 27 Nov 2026, Support wrote:\n> Please send the log.",
                                     "In-Reply-To: <" + ours + ">\r\nReferences: <" + ours + ">\r\n"));
    BOOST_TEST(byId.state == "processed", byId.reason);
    BOOST_TEST((byId.issueId == issueId));
    const auto tagged = d.deliver(mail("carol@kunde.example", "Re: [PSProSupport - Support #" + std::to_string(issueId) + "] Export",
                                       "Any news?"));
    BOOST_TEST((tagged.issueId == issueId));
    BOOST_TEST(d.journals(issueId) == 2);
    const auto history = storage::IssueRepository(d.team.t.db()).findWithHistory(issueId);
    BOOST_REQUIRE(history.has_value());
    BOOST_TEST(history->journals.front().notes == "Here is the log you asked for."); // quote cut
    // Staff answer by mail too, as themselves.
    const auto staff = d.deliver(mail("Bill <bill@example.com>", "Re: [#" + std::to_string(issueId) + "]", "Fixed in 2.1.1."));
    BOOST_TEST((staff.issueId == issueId));
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM journals WHERE user_id = " + std::to_string(d.team.bill) +
                               " AND issue_id = " + std::to_string(issueId)) == 1);
}

BOOST_AUTO_TEST_CASE(a_forged_reply_starts_a_new_issue_and_leaves_the_other_alone) {
    Desk d;
    const auto first = d.deliver(mail("carol@kunde.example", "Licence key lost", "Please resend."));
    const unsigned issueId = first.issueId.value();
    // Someone else uses the tag, and a Message-ID signed with another secret.
    const std::string foreign = app::issueMessageId(std::string(48, 'x'), "support.example.org", issueId);
    const auto forged = d.deliver(mail("mallory@evil.example", "Re: [#" + std::to_string(issueId) + "] Licence key lost",
                                       "Send it to me instead.", "In-Reply-To: <" + foreign + ">\r\n"));
    BOOST_TEST(forged.state == "processed");
    BOOST_TEST((forged.issueId != issueId));
    BOOST_TEST(d.journals(issueId) == 0);
}

BOOST_AUTO_TEST_CASE(automatic_mail_and_spam_are_kept_but_not_processed) {
    Desk d;
    const auto autoReply = d.deliver(mail("carol@kunde.example", "Out of office", "Back on Monday.",
                                          "Auto-Submitted: auto-replied\r\n"));
    BOOST_TEST(autoReply.state == "ignored");
    const auto bounce = d.deliver(mail("MAILER-DAEMON@mx.example", "Undelivered Mail Returned to Sender", "550 no such user",
                                       "Return-Path: <>\r\n"));
    BOOST_TEST(bounce.state == "ignored");
    const auto spam = d.deliver(mail("winner@lottery.example", "You won", "Claim now", "X-Spam-Flag: YES\r\n"));
    BOOST_TEST(spam.state == "spam");
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM issues") == 0);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE reason <> '' AND state IN ('ignored', 'spam')") == 3);
}

BOOST_AUTO_TEST_CASE(files_are_attached_and_stored) {
    Desk d;
    const std::string raw =
        "From: carol@kunde.example\r\nTo: support@example.org\r\nSubject: Log attached\r\n"
        "Message-ID: <files.1@client.example>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee the log.\r\n"
        "--b1\r\nContent-Type: text/plain; name=\"client.log\"\r\n"
        "Content-Disposition: attachment; filename*=utf-8''cl%C3%AFent.log\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        "bGluZSAxCmxpbmUgMgo=\r\n--b1--\r\n";
    const auto out = d.deliver(raw);
    BOOST_TEST(out.state == "processed", out.reason);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM attachments WHERE filename = 'clïent.log' AND filesize = 14 AND"
                               " issue_id = " + std::to_string(out.issueId.value())) == 1);
    std::size_t onDisk = 0;
    for (const auto& entry : fs::recursive_directory_iterator(d.files)) onDisk += entry.is_regular_file() ? 1 : 0;
    BOOST_TEST(onDisk == 1u);
}

BOOST_AUTO_TEST_CASE(a_customer_reply_reopens_a_closed_issue) {
    Desk d;
    const unsigned issueId = d.deliver(mail("carol@kunde.example", "Slow start", "Takes a minute.")).issueId.value();
    auto& close = d.team.t.db().prepare("UPDATE issues SET status_id = ? WHERE id = ?");
    close.setUInt(1, d.team.status("Closed"));
    close.setUInt(2, issueId);
    d.team.t.db().run([&] { close.executeUpdate(); });
    const auto reply = d.deliver(mail("carol@kunde.example", "Re: [#" + std::to_string(issueId) + "] Slow start",
                                      "It is slow again."));
    BOOST_TEST(reply.state == "processed", reply.reason);
    const auto issue = storage::IssueRepository(d.team.t.db()).find(issueId);
    BOOST_TEST(issue->statusId == d.team.status("Accepted"));
    BOOST_TEST(issue->customerReplied);
}

BOOST_AUTO_TEST_CASE(duplicates_and_floods_are_refused) {
    Desk d;
    const auto first = d.deliver(mail("carol@kunde.example", "Question", "How do I…", "", "same.1@client.example"));
    BOOST_TEST(first.state == "processed");
    // The same message through another route (other bytes, same Message-ID).
    const auto copy = d.deliver(mail("carol@kunde.example", "Question", "How do I… ", "X-Route: 2\r\n", "same.1@client.example"));
    BOOST_TEST(copy.state == "ignored");
    for (int i = 0; i < 4; ++i) d.deliver(mail("carol@kunde.example", "More " + std::to_string(i), "text"));
    const auto flood = d.deliver(mail("carol@kunde.example", "Even more", "text"));
    BOOST_TEST(flood.state == "rejected");
    BOOST_TEST(flood.reason.find("within an hour") != std::string::npos);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM issues") == 5);
}

BOOST_AUTO_TEST_CASE(an_admin_releases_what_the_guards_held_back_and_retries_what_failed) {
    Desk d;
    const auto spam = d.deliver(mail("promo@bulk.example", "Offer", "Buy now", "X-Spam-Flag: YES\r\n"));
    BOOST_TEST(spam.state == "spam");
    storage::InboundMailRepository inbox(d.team.t.db());
    const auto id = inbox.queue("spam", 0, 10).at(0).id;
    BOOST_TEST(!inbox.retry(id)); // only failed messages are retried
    BOOST_REQUIRE(inbox.release(id));
    BOOST_TEST(!inbox.release(id)); // released once: now it waits
    intake::MailProcessor processor(d.team.t.db(), d.team.catalog, d.settings());
    BOOST_TEST(processor.processWaiting(10) == 1u);
    const auto row = inbox.queued(id);
    BOOST_TEST(row->state == "processed");
    BOOST_TEST(row->released);
    BOOST_TEST(row->issueId.has_value());

    // A mailbox without a project fails; fixed, the message is tried again and processed.
    d.config.mailboxes.front().project = "nonexistent";
    const auto failed = d.deliver(mail("carol@kunde.example", "Lost?", "Hello"));
    BOOST_TEST(failed.state == "failed");
    const auto failedId = inbox.queue("failed", 0, 10).at(0).id;
    d.config.mailboxes.front().project = "psprosupport";
    BOOST_REQUIRE(inbox.retry(failedId));
    BOOST_TEST(processor.processWaiting(10) == 1u);
    BOOST_TEST(inbox.queued(failedId)->state == "processed");
    BOOST_TEST(inbox.countsByState().size() == 1u); // everything processed now
}

BOOST_AUTO_TEST_CASE(lanes_side_by_side_keep_each_senders_order_and_each_message_id_once) {
    Desk d; // at most 5 messages per sender and hour
    storage::InboundMailRepository inbox(d.team.t.db());
    const auto store = [&](const std::string& raw) { return inbox.store("support", raw).id; };
    std::vector<std::uint64_t> flood;
    for (int round = 0; round < 8; ++round) {
        for (int c = 0; c < 12; ++c) {
            store(mail("Customer " + std::to_string(c) + " <c" + std::to_string(c) + "@kunde.example>",
                       "Question " + std::to_string(round), "text " + std::to_string(round)));
        }
        flood.push_back(store(mail("flood@kunde.example", "Flood " + std::to_string(round), "text")));
    }
    // One Message-ID from two senders: the second copy must find the first one processed.
    const auto original = store(mail("a@kunde.example", "Original", "text", "", "dup.1@client.example"));
    const auto copy = store(mail("b@kunde.example", "Copy", "text ", "", "dup.1@client.example"));

    d.team.catalog = storage::CatalogRepository(d.team.t.db()).load();
    auto settings = d.settings();
    settings.lanes = 3;
    settings.laneDb = d.team.t.config();
    intake::MailProcessor processor(d.team.t.db(), d.team.catalog, settings);
    BOOST_TEST(processor.processWaiting(1000) == 8u * 13 + 2);

    // Each customer's 8 messages: the first 5 processed, the last 3 refused, in arrival order.
    for (std::size_t i = 0; i < flood.size(); ++i) {
        const auto row = inbox.queued(flood[i]);
        BOOST_TEST(row->state == (i < 5 ? "processed" : "rejected"), "flood message " << i << ": " << row->state);
    }
    BOOST_TEST(inbox.queued(original)->state == "processed");
    BOOST_TEST(inbox.queued(copy)->state == "ignored");
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE state = 'rejected'") == 12 * 3 + 3);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM issues") == 13 * 5 + 1);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(DISTINCT email) FROM customers WHERE email LIKE '%@kunde.example'") ==
               d.team.t.scalar("SELECT COUNT(*) FROM customers WHERE email LIKE '%@kunde.example'"));
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM customers WHERE email LIKE '%@kunde.example'") == 14);
    // The counts the triggers keep agree with the issues written by both lanes.
    BOOST_TEST(d.team.t.scalar("SELECT SUM(n) FROM issue_counts") == d.team.t.scalar("SELECT COUNT(*) FROM issues"));
}

BOOST_AUTO_TEST_CASE(a_message_that_breaks_a_batch_fails_alone_and_the_others_are_processed_once) {
    Desk d;
    // A database refusal in the middle of a batch: the issue insert of subject "boom" fails.
    d.team.t.db().execute("CREATE TRIGGER test_boom BEFORE INSERT ON issues FOR EACH ROW"
                          " IF NEW.subject = 'boom' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'boom refused';"
                          " END IF");
    storage::InboundMailRepository inbox(d.team.t.db());
    std::uint64_t boom = 0;
    for (int i = 0; i < 30; ++i) {
        const auto raw = mail("c" + std::to_string(i) + "@kunde.example", i == 12 ? "boom" : "Question " + std::to_string(i),
                              "text");
        const auto id = inbox.store("support", raw).id;
        if (i == 12) boom = id;
    }
    d.team.catalog = storage::CatalogRepository(d.team.t.db()).load();
    intake::MailProcessor processor(d.team.t.db(), d.team.catalog, d.settings()); // one lane, batches of 20
    BOOST_TEST(processor.processWaiting(100) == 30u);
    const auto row = inbox.queued(boom);
    BOOST_TEST(row->state == "failed");
    BOOST_TEST(row->reason.find("boom refused") != std::string::npos, row->reason);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE state = 'processed'") == 29);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM issues") == 29);
    // Each sender's record once; the failed message's sender too (made before the issue, kept
    // for the retry).
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM customers WHERE email LIKE '%@kunde.example'") == 30);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM search_documents") == 29);
}

BOOST_AUTO_TEST_CASE(without_connections_for_more_lanes_the_mail_is_processed_in_one) {
    Desk d;
    storage::InboundMailRepository inbox(d.team.t.db());
    for (int i = 0; i < 6; ++i) inbox.store("support", mail("c" + std::to_string(i) + "@kunde.example", "Hello", "text"));
    d.team.catalog = storage::CatalogRepository(d.team.t.db()).load();
    auto settings = d.settings();
    settings.lanes = 3;
    settings.laneDb = d.team.t.config();
    settings.laneDb.name = "tf_no_such_database"; // every further lane's connection is refused
    intake::MailProcessor processor(d.team.t.db(), d.team.catalog, settings);
    BOOST_TEST(processor.processWaiting(100) == 6u);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM inbound_mail WHERE state = 'processed'") == 6);
    BOOST_TEST(d.team.t.scalar("SELECT COUNT(*) FROM issues") == 6);
}

BOOST_AUTO_TEST_SUITE_END()
