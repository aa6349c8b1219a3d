// Who is mailed about a change (DESIGN §4), table-driven: each row a situation and the exact
// recipients expected, in order.
#include "core/domain/notification_recipients.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace ticketflow::domain;

namespace {

const StaffContact kBill{11, "Bill Support", "bill@vendor.example", true};
const StaffContact kDora{12, "Dora Developer", "dora@vendor.example", true};
const StaffContact kGus{13, "Gus Gatekeeper", "gus@vendor.example", true};
const StaffContact kGone{14, "Gone Staff", "gone@vendor.example", false};
const StaffContact kNoMail{15, "No Mail", "", true};

NotificationContext supportIssue(NotificationEvent event) {
    NotificationContext c;
    c.event = event;
    c.customerFacing = true;
    c.customerMail = "carol@kunde.example";
    c.customerName = "Carol Kunde";
    c.author = kBill;
    c.assignee = kDora;
    c.catchallAddress = "support-all@vendor.example";
    return c;
}

std::string show(const std::vector<NotificationRecipient>& rs) {
    std::ostringstream out;
    for (const auto& r : rs) {
        out << (r.kind == RecipientKind::Customer ? "customer:" : r.kind == RecipientKind::Staff ? "staff:" : "catchall:")
            << r.address << " ";
    }
    return out.str();
}

struct Row {
    const char* situation;
    NotificationContext context;
    const char* expected; ///< show() of the recipients
};

} // namespace

BOOST_AUTO_TEST_SUITE(domain_notification_recipients)

BOOST_AUTO_TEST_CASE(the_matrix_of_design_section_4) {
    std::vector<Row> rows;
    {
        auto c = supportIssue(NotificationEvent::IssueCreated);
        c.actorIsCustomer = true;
        c.author.reset(); // by mail: no staff author
        c.assignee.reset();
        rows.push_back({"created by the customer's mail", c,
                        "customer:carol@kunde.example catchall:support-all@vendor.example "});
    }
    {
        auto c = supportIssue(NotificationEvent::IssueCreated);
        c.actorUserId = kBill.userId; // support entered it on the phone
        rows.push_back({"created by support for a customer", c,
                        "customer:carol@kunde.example staff:dora@vendor.example catchall:support-all@vendor.example "});
    }
    {
        auto c = supportIssue(NotificationEvent::PublicChange);
        c.actorUserId = kBill.userId;
        c.watchers = {kGus};
        rows.push_back({"support answers publicly", c,
                        "customer:carol@kunde.example staff:dora@vendor.example staff:gus@vendor.example "
                        "catchall:support-all@vendor.example "});
    }
    {
        auto c = supportIssue(NotificationEvent::PublicChange);
        c.actorIsCustomer = true;
        rows.push_back({"the customer replies", c,
                        "staff:bill@vendor.example staff:dora@vendor.example catchall:support-all@vendor.example "});
    }
    {
        auto c = supportIssue(NotificationEvent::PrivateChange);
        c.actorUserId = kDora.userId;
        rows.push_back({"a private note", c, "staff:bill@vendor.example catchall:support-all@vendor.example "});
    }
    {
        auto c = supportIssue(NotificationEvent::PublicChange);
        c.customerFacing = false; // an internal project's issue never mails a customer
        c.actorUserId = kGus.userId;
        rows.push_back({"internal project", c,
                        "staff:bill@vendor.example staff:dora@vendor.example catchall:support-all@vendor.example "});
    }
    {
        auto c = supportIssue(NotificationEvent::InternalFixed);
        c.actorUserId = kDora.userId; // her commit closed the internal bug
        c.author = kBill;
        c.assignee = kGus;
        rows.push_back({"the internal copy was fixed", c,
                        "staff:bill@vendor.example staff:gus@vendor.example catchall:support-all@vendor.example "});
    }
    {
        auto c = supportIssue(NotificationEvent::PublicChange);
        c.actorUserId = kBill.userId;
        c.customerMail.reset(); // a customer known only by phone
        c.catchallAddress.clear();
        c.watchers = {kGone, kNoMail, kDora};
        rows.push_back({"no customer address, no catch-all, an inactive watcher, one without mail, a watcher twice", c,
                        "staff:dora@vendor.example "});
    }
    {
        auto c = supportIssue(NotificationEvent::PublicChange);
        c.actorUserId = kGus.userId;
        c.catchallAddress = "BILL@vendor.example"; // the catch-all is a staff member's own address
        c.customerMail = "Dora@Vendor.example";    // a customer at a staff address gets the customer mail only
        rows.push_back({"addresses met twice, in any case", c,
                        "customer:Dora@Vendor.example staff:bill@vendor.example "});
    }
    {
        auto c = supportIssue(NotificationEvent::PublicChange);
        c.actorUserId = kBill.userId;
        c.author = kBill;
        c.assignee = kBill;
        c.watchers = {kBill};
        c.customerMail = std::string();
        c.catchallAddress.clear();
        rows.push_back({"the actor is everybody on the issue", c, ""});
    }
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.situation) {
            BOOST_TEST(show(notificationRecipients(row.context)) == row.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(recipients_carry_names_for_the_to_header) {
    auto c = supportIssue(NotificationEvent::PublicChange);
    c.actorUserId = kBill.userId;
    const auto rs = notificationRecipients(c);
    BOOST_TEST_REQUIRE(rs.size() == 3u);
    BOOST_TEST((rs[0] == NotificationRecipient{RecipientKind::Customer, "carol@kunde.example", "Carol Kunde"}));
    BOOST_TEST((rs[1] == NotificationRecipient{RecipientKind::Staff, "dora@vendor.example", "Dora Developer"}));
    BOOST_TEST((rs[2] == NotificationRecipient{RecipientKind::Catchall, "support-all@vendor.example", ""}));
}

BOOST_AUTO_TEST_CASE(what_a_change_is_to_the_customer) {
    using E = NotificationEvent;
    const JournalDetail status{"attr", "status_id", "1", "2"}, subject{"attr", "subject", "a", "b"},
        description{"attr", "description", "a", "b"}, assignee{"attr", "assigned_to_id", std::nullopt, "4"},
        priority{"attr", "priority_id", "1", "2"}, milestone{"attr", "fixed_version_id", std::nullopt, "3"},
        checklist{"checklist", "triage_checklist", "", "repro"}, replied{"attr", "customer_replied", "0", "1"};
    struct Row {
        bool note, files;
        std::vector<JournalDetail> details;
        E expected;
    };
    const std::vector<Row> rows = {
        {true, false, {}, E::PublicChange},
        {false, true, {}, E::PublicChange},
        {false, false, {status}, E::PublicChange},
        {false, false, {subject}, E::PublicChange},
        {false, false, {description}, E::PublicChange},
        {false, false, {assignee, priority, milestone, status}, E::PublicChange},
        {false, false, {assignee}, E::PrivateChange},
        {false, false, {priority, milestone, checklist}, E::PrivateChange},
        {false, false, {replied}, E::PrivateChange},
        {false, false, {}, E::PrivateChange},
        // a checklist entry named like a field is not the field
        {false, false, {{"checklist", "status_id", "", "x"}}, E::PrivateChange},
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        BOOST_TEST_CONTEXT("row " << i) {
            BOOST_TEST((changeEvent(rows[i].note, rows[i].files, rows[i].details) == rows[i].expected));
        }
    }
}

BOOST_AUTO_TEST_CASE(only_customer_issues_of_customer_projects_have_a_customer_side) {
    Project support;
    support.customerFacing = true;
    Project internal;
    Issue withCustomer;
    withCustomer.customerId = 7;
    const Issue withoutCustomer;
    BOOST_TEST(hasCustomerSide(&support, withCustomer));
    BOOST_TEST(!hasCustomerSide(&support, withoutCustomer));
    BOOST_TEST(!hasCustomerSide(&internal, withCustomer));
    BOOST_TEST(!hasCustomerSide(nullptr, withCustomer));
}

BOOST_AUTO_TEST_SUITE_END()
