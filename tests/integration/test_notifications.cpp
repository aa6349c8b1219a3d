// Notification mails end to end below the web: use cases write them into the outbox in their
// transaction, the sender delivers them to a real SMTP sink (aiosmtpd, fixture smtp), and each
// scenario checks exactly who got which mail — and that no private text reaches a customer.
#include "tests/integration/team.hpp"

#include "core/app/copy_service.hpp"
#include "core/app/crypto.hpp"
#include "core/app/mail_ids.hpp"
#include "core/app/secret_links.hpp"
#include "core/mail/mail_parser.hpp"
#include "core/storage/customer_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "intake/outbox_sender.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace ticketflow;
namespace fs = std::filesystem;

namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef-notifications";

/// A mail as the sink stored it: the envelope recipient (X-RcptTo), the raw text, and the
/// decoded subject and body text as intake's parser reads them.
struct Arrived {
    std::string to, text, subject, body;
    bool has(const std::string& part) const { return body.find(part) != std::string::npos; }
    std::string header(const std::string& name) const {
        const std::regex re("(^|\\n)" + name + ": ([^\\r\\n]*)", std::regex::icase);
        std::smatch m;
        return std::regex_search(text, m, re) ? m[2].str() : std::string();
    }
};

struct Notifications {
    testing::Team team;
    app::Notifier notifier{settings()};
    fs::path maildir = fs::path(testing::testEnv("TF_SMTP_MAILDIR")) / "new";
    std::set<fs::path> seen;
    unsigned customerId = 0;

    Notifications() {
        for (const auto& f : fs::directory_iterator(maildir)) seen.insert(f.path());
        customerId = storage::CustomerRepository(team.t.db()).insert({"Carla Customer", "carla@customer.example", "", "", ""});
        team.t.db().execute(
            "UPDATE projects SET support_address = 'support@vendor.example', catchall_address = 'all@vendor.example'"
            " WHERE identifier = 'psprosupport'");
        team.t.db().execute("UPDATE projects SET catchall_address = 'dev-all@vendor.example' WHERE identifier = 'psprointernal'");
        team.catalog = storage::CatalogRepository(team.t.db()).load();
    }

    static app::NotifySettings settings() {
        app::NotifySettings s;
        s.baseUrl = "https://tickets.vendor.example";
        s.secret = kSecret;
        s.fromAddress = "ticketflow@vendor.example";
        s.templatesDir = std::string(TICKETFLOW_SOURCE_DIR) + "/web/templates";
        return s;
    }

    app::IssueService service() { return app::IssueService(team.t.db(), team.catalog, nullptr, &notifier); }

    /// Sends the outbox to the sink and returns what arrived since the last call, by recipient.
    std::multimap<std::string, Arrived> deliver() {
        intake::SmtpConfig smtp;
        smtp.host = "127.0.0.1";
        smtp.port = std::stoi(testing::testEnv("TF_SMTP_PORT"));
        smtp.from = "ticketflow@vendor.example";
        smtp.timeoutSeconds = 10;
        std::ostringstream log;
        const auto report = intake::sendDue(team.t.db(), smtp, 100, log);
        BOOST_TEST_REQUIRE(report.failed == 0u, log.str());
        std::multimap<std::string, Arrived> out;
        for (const auto& f : fs::directory_iterator(maildir)) {
            if (!seen.insert(f.path()).second) continue;
            std::ifstream in(f.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            Arrived a{"", text.str(), "", ""};
            a.to = a.header("X-RcptTo");
            const auto parsed = mail::parseMessage(a.text);
            a.subject = parsed.subject;
            a.body = parsed.text;
            out.emplace(a.to, a);
        }
        return out;
    }

    unsigned customerIssue(const std::string& subject) {
        domain::IssueDraft d;
        d.projectId = team.project("psprosupport");
        d.trackerId = team.tracker("Support");
        d.subject = subject;
        d.description = "It crashes when I print.";
        d.source = "email";
        auto s = service();
        s.replyingTo("CAF=original@mail.customer.example");
        const auto r = s.create(domain::mailCustomerActor(customerId, d.projectId, "Carla Customer"), d);
        BOOST_TEST_REQUIRE((r.outcome == app::Outcome::Ok));
        return r.issueId;
    }

    unsigned lockVersion(unsigned issueId) { return storage::IssueRepository(team.t.db()).find(issueId)->lockVersion; }
};

std::set<std::string> recipients(const std::multimap<std::string, Arrived>& mails) {
    std::set<std::string> out;
    for (const auto& [to, mail] : mails) out.insert(to);
    return out;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(notifications, Notifications)

BOOST_AUTO_TEST_CASE(a_customer_mail_gets_a_confirmation_with_a_working_secret_link) {
    const unsigned id = customerIssue("Printing crashes");
    const auto mails = deliver();
    BOOST_TEST((recipients(mails) == std::set<std::string>{"all@vendor.example", "carla@customer.example"}));

    const Arrived& confirmation = mails.find("carla@customer.example")->second;
    const std::string tag = "[PSProSupport - Support #" + std::to_string(id) + "] (New) Printing crashes";
    BOOST_TEST(confirmation.subject == tag);
    BOOST_TEST(confirmation.header("From").find("<support@vendor.example>") != std::string::npos);
    BOOST_TEST(confirmation.header("Reply-To") == "support@vendor.example");
    BOOST_TEST(confirmation.header("Auto-Submitted") == "auto-generated");
    BOOST_TEST(confirmation.header("X-Auto-Response-Suppress") == "All");
    BOOST_TEST(confirmation.header("In-Reply-To").find(app::issueThreadId(kSecret, "vendor.example", id)) !=
               std::string::npos);
    BOOST_TEST(confirmation.header("References").find("<CAF=original@mail.customer.example>") != std::string::npos);
    // The Message-ID is ours and names the issue, so a reply threads back to it.
    const std::string messageId = confirmation.header("Message-ID");
    BOOST_TEST((app::issueOfMessageId(kSecret, messageId) == std::optional<unsigned>(id)));
    BOOST_TEST(!mails.find("all@vendor.example")->second.has("/t/"));

    const std::regex link("https://tickets\\.vendor\\.example/t/([A-Za-z0-9_-]{43})");
    std::smatch m;
    BOOST_TEST_REQUIRE(std::regex_search(confirmation.body, m, link));
    app::SecretLinks links(team.t.db(), kSecret);
    BOOST_TEST((links.issueOf(m[1].str()) == std::optional<unsigned>(id)));
    // Only its hash is stored.
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM secret_links WHERE token_hash = UNHEX('" +
                             app::toHex(app::sha256(m[1].str())) + "')") == 1);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM secret_links WHERE nonce = '" + m[1].str() +
                             "' OR token_hash = '" + m[1].str() + "'") == 0);
}

BOOST_AUTO_TEST_CASE(private_notes_reach_staff_only_and_public_ones_the_customer) {
    const unsigned id = customerIssue("Invoice wrong");
    deliver();
    team.t.db().execute("INSERT INTO watchers (issue_id, user_id) VALUES (" + std::to_string(id) + ", " +
                        std::to_string(team.mia) + ")");

    app::IssueEdit secret;
    secret.lockVersion = lockVersion(id);
    secret.note = "SECRET-INTERNAL: the customer's licence expired";
    secret.privateNote = true;
    BOOST_TEST_REQUIRE((service().update(team.actor(team.bill), id, secret).outcome == app::Outcome::Ok));
    auto mails = deliver();
    // bill acted (not mailed); mia watches; the customer wrote it but hears nothing of a private note.
    BOOST_TEST((recipients(mails) == std::set<std::string>{"all@vendor.example", "mia@example.com"}));
    for (const auto& [to, mail] : mails) {
        BOOST_TEST(mail.has("SECRET-INTERNAL"));
        BOOST_TEST(mail.has("Private note"));
    }

    app::IssueEdit answer;
    answer.lockVersion = lockVersion(id);
    answer.statusId = team.status("Accepted");
    answer.note = "We are on it.";
    BOOST_TEST_REQUIRE((service().update(team.actor(team.bill), id, answer).outcome == app::Outcome::Ok));
    mails = deliver();
    BOOST_TEST((recipients(mails) ==
                std::set<std::string>{"all@vendor.example", "carla@customer.example", "mia@example.com"}));
    const Arrived& toCustomer = mails.find("carla@customer.example")->second;
    BOOST_TEST(toCustomer.has("We are on it."));
    BOOST_TEST(toCustomer.has("Status changed from New to Accepted"));
    BOOST_TEST(toCustomer.subject.find("(Accepted)") != std::string::npos);
    BOOST_TEST(toCustomer.has("https://tickets.vendor.example/t/"));

    // Never a private word to the customer, in any mail of the issue.
    const long leaked = team.t.scalar("SELECT COUNT(*) FROM outbox WHERE issue_id = " + std::to_string(id) +
                                      " AND recipients LIKE '%carla%' AND message LIKE '%SECRET-INTERNAL%'");
    BOOST_TEST(leaked == 0);

    // A field only staff care about: staff are told, the customer is not.
    app::IssueEdit assign;
    assign.lockVersion = lockVersion(id);
    assign.priorityId = team.catalog.priorities.back().id;
    BOOST_TEST_REQUIRE((service().update(team.actor(team.bill), id, assign).outcome == app::Outcome::Ok));
    mails = deliver();
    BOOST_TEST((recipients(mails) == std::set<std::string>{"all@vendor.example", "mia@example.com"}));
}

BOOST_AUTO_TEST_CASE(the_customers_own_reply_is_not_mailed_back_to_them) {
    const unsigned id = customerIssue("Reply test");
    deliver();
    app::IssueEdit reply;
    reply.lockVersion = lockVersion(id);
    reply.note = "Here is more detail.";
    const auto customer = domain::mailCustomerActor(customerId, team.project("psprosupport"), "Carla Customer");
    BOOST_TEST_REQUIRE((service().update(customer, id, reply).outcome == app::Outcome::Ok));
    const auto mails = deliver();
    BOOST_TEST((recipients(mails) == std::set<std::string>{"all@vendor.example"}));
    BOOST_TEST(mails.begin()->second.has("Here is more detail."));
    BOOST_TEST(mails.begin()->second.has("Carla Customer"));
}

BOOST_AUTO_TEST_CASE(a_rolled_back_change_mails_nobody) {
    const unsigned id = customerIssue("Rollback");
    deliver();
    const long before = team.t.scalar("SELECT COUNT(*) FROM outbox");
    auto s = service();
    s.alsoInTransaction([](storage::Connection&, unsigned, std::optional<unsigned>) {
        throw std::runtime_error("the caller's part failed");
    });
    app::IssueEdit note;
    note.lockVersion = lockVersion(id);
    note.note = "Never sent.";
    BOOST_CHECK_THROW(s.update(team.actor(team.bill), id, note), std::runtime_error);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM outbox") == before);
    BOOST_TEST(deliver().empty());
}

BOOST_AUTO_TEST_CASE(internal_projects_never_mail_customers_and_a_fix_is_told_to_support) {
    const unsigned supportId = customerIssue("Crash on save");
    // bill answers, so he is the support issue's assignee
    app::IssueEdit take;
    take.lockVersion = lockVersion(supportId);
    take.assigneeId = app::IdChange::to(team.bill);
    BOOST_TEST_REQUIRE((service().update(team.actor(team.bill), supportId, take).outcome == app::Outcome::Ok));
    const auto copy = app::CopyService(team.t.db(), team.catalog, &notifier)
                          .copy(testing::adminActor(team.bill), supportId, team.project("psprointernal"),
                                team.tracker("Bug"));
    BOOST_TEST_REQUIRE((copy.outcome == app::Outcome::Ok));
    deliver();
    // Pretend the internal bug had a customer: it still never mails one.
    team.t.db().execute("UPDATE issues SET customer_id = " + std::to_string(customerId) +
                        " WHERE id = " + std::to_string(copy.issueId));

    app::IssueEdit triage; // gatekeeper: New -> Seen with assignee and milestone
    triage.lockVersion = lockVersion(copy.issueId);
    triage.statusId = team.status("Seen");
    triage.assigneeId = app::IdChange::to(team.clemens);
    triage.milestoneId = app::IdChange::to(team.milestone("2.1.1"));
    BOOST_TEST_REQUIRE((service().update(team.actor(team.alex), copy.issueId, triage).outcome == app::Outcome::Ok));
    auto mails = deliver();
    BOOST_TEST((recipients(mails) ==
                std::set<std::string>{"bill@example.com", "clemens@example.com", "dev-all@vendor.example"}));

    for (const char* status : {"Accepted", "Closed"}) {
        app::IssueEdit work;
        work.lockVersion = lockVersion(copy.issueId);
        work.statusId = team.status(status);
        const auto r = service().update(team.actor(team.clemens), copy.issueId, work);
        BOOST_TEST_REQUIRE((r.outcome == app::Outcome::Ok), (r.errors.empty() ? "" : r.errors.front()));
    }
    mails = deliver();
    // The internal bug's own mails (Accepted, Closed) go to its author bill and the catch-all;
    // the fix goes to the support issue's assignee bill and the support catch-all.
    std::vector<Arrived> fixed;
    for (const auto& [to, mail] : mails) {
        BOOST_TEST(to != "carla@customer.example");
        if (mail.has("fixed in 2.1.1")) fixed.push_back(mail);
    }
    BOOST_TEST_REQUIRE(fixed.size() == 2u);
    std::set<std::string> told;
    for (const auto& mail : fixed) {
        told.insert(mail.to);
        BOOST_TEST(mail.subject.find("[PSProSupport - Support #" + std::to_string(supportId) + "]") !=
                   std::string::npos);
        BOOST_TEST(mail.has("Close with release note"));
    }
    BOOST_TEST((told == std::set<std::string>{"all@vendor.example", "bill@example.com"}));
}

BOOST_AUTO_TEST_CASE(names_and_subjects_cannot_inject_headers) {
    storage::CustomerRepository(team.t.db()).insert({"x", "eve@customer.example", "", "", ""});
    team.t.db().execute(
        "UPDATE customers SET name = 'Eve\\r\\nBcc: victim@evil.example\\r\\nX-Evil: 1' WHERE email = 'eve@customer.example'");
    const long eve = team.t.scalar("SELECT id FROM customers WHERE email = 'eve@customer.example'");
    domain::IssueDraft d;
    d.projectId = team.project("psprosupport");
    d.trackerId = team.tracker("Support");
    d.subject = "Hello =?UTF-8?B?QmNjOiB2aWN0aW1AZXZpbC5leGFtcGxl?= Subject: x";
    d.description = "Bcc: victim@evil.example";
    const auto r = service().create(
        domain::mailCustomerActor(static_cast<unsigned>(eve), d.projectId, "Eve\r\nBcc: victim@evil.example"), d);
    BOOST_TEST_REQUIRE((r.outcome == app::Outcome::Ok));
    const auto mails = deliver();
    BOOST_TEST((recipients(mails) == std::set<std::string>{"all@vendor.example", "eve@customer.example"}));
    for (const auto& [to, mail] : mails) {
        const std::string unix = std::regex_replace(mail.text, std::regex("\r\n"), "\n"); // the sink keeps LF
        const std::string head = unix.substr(0, unix.find("\n\n"));
        std::set<std::string> names;
        std::istringstream lines(head);
        for (std::string line; std::getline(lines, line);) {
            if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;
            names.insert(line.substr(0, line.find(':')));
        }
        BOOST_TEST((names == std::set<std::string>{"X-Peer", "X-MailFrom", "X-RcptTo", "Auto-Submitted", "Content-Type",
                                                   "Date", "From", "In-Reply-To", "Mime-Version", "Message-ID",
                                                   "References", "Reply-To", "Subject", "To",
                                                   "X-Auto-Response-Suppress", "X-Ticketflow-Loop"}),
                   "headers of the mail to " << to << ":\n" << head);
        BOOST_TEST(head.find("\nBcc:") == std::string::npos);
        BOOST_TEST(head.find("\nX-Evil") == std::string::npos);
        // What looked like an encoded word is encoded, so readers see the text that was typed.
        BOOST_TEST(mail.subject.find("Hello =?UTF-8?B?QmNjOiB2aWN0aW1AZXZpbC5leGFtcGxl?= Subject: x") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(support_can_send_the_link_again_and_renewing_revokes_the_old_one) {
    const unsigned id = customerIssue("Lost my link");
    deliver();
    app::SecretLinks links(team.t.db(), kSecret);
    const std::string first = links.tokenFor(id);
    BOOST_TEST(first == links.tokenFor(id)); // stable: every mail can carry it again
    const auto issue = storage::IssueRepository(team.t.db()).find(id);
    {
        storage::Transaction tx(team.t.db());
        BOOST_TEST(notifier.sendLink(team.t.db(), team.catalog, *issue, false));
        tx.commit();
    }
    auto mails = deliver();
    BOOST_TEST((recipients(mails) == std::set<std::string>{"carla@customer.example"}));
    BOOST_TEST(mails.begin()->second.has("/t/" + first));
    BOOST_TEST(mails.begin()->second.has("here is the private link to your Support #" + std::to_string(id)));
    {
        storage::Transaction tx(team.t.db());
        BOOST_TEST(notifier.sendLink(team.t.db(), team.catalog, *issue, true));
        tx.commit();
    }
    mails = deliver();
    BOOST_TEST_REQUIRE(mails.size() == 1u);
    BOOST_TEST(!mails.begin()->second.has("/t/" + first));
    BOOST_TEST(!links.issueOf(first).has_value());
    BOOST_TEST((links.issueOf(links.tokenFor(id)) == std::optional<unsigned>(id)));
    // Malformed and unknown tokens open nothing.
    BOOST_TEST(!links.issueOf("").has_value());
    BOOST_TEST(!links.issueOf(first.substr(1)).has_value());
    BOOST_TEST(!links.issueOf(app::randomToken(32)).has_value());
}

BOOST_AUTO_TEST_CASE(ten_thousand_guessed_tokens_open_nothing) {
    const unsigned id = customerIssue("Guess me");
    deliver();
    app::SecretLinks links(team.t.db(), kSecret);
    const std::string real = links.tokenFor(id);
    unsigned opened = 0;
    for (int i = 0; i < 10'000; ++i) {
        const std::string guess = app::randomToken(32);
        if (guess != real && links.issueOf(guess)) ++opened;
    }
    BOOST_TEST(opened == 0u);
    BOOST_TEST((links.issueOf(real) == std::optional<unsigned>(id)));
}

BOOST_AUTO_TEST_SUITE_END()
