// Customers (CRM) on a real MariaDB: search, edit, merge, and staff filing issues for a customer.
#include "tests/integration/team.hpp"
#include "tests/integration/test_database.hpp"

#include "core/app/customer_service.hpp"
#include "core/app/issue_service.hpp"
#include "core/storage/customer_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/user_repository.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;

namespace {

using testing::Team;

unsigned addCustomer(Team& team, const std::string& name, const std::string& email, const std::string& org = "") {
    storage::Transaction tx(team.t.db());
    const unsigned id = storage::CustomerRepository(team.t.db()).insert({name, email, org, "", ""});
    tx.commit();
    return id;
}

void fileUnder(Team& team, unsigned issueId, unsigned customerId) {
    team.t.db().execute("UPDATE issues SET customer_id = " + std::to_string(customerId) +
                        " WHERE id = " + std::to_string(issueId));
}

long countWhere(Team& team, const std::string& table, const std::string& where) {
    return team.t.scalar("SELECT COUNT(*) FROM " + table + " WHERE " + where);
}

} // namespace

BOOST_AUTO_TEST_SUITE(customers)

BOOST_AUTO_TEST_CASE(merge_moves_issues_journals_and_logins_and_deletes_the_duplicate) {
    Team team;
    const unsigned keep = addCustomer(team, "Daniel Okafor", "");
    storage::UserRepository users(team.t.db());
    const unsigned login = users.create({"dokafor", "Dan", "Okafor", "dan@okafor.example", "", false, true});
    const unsigned duplicate = *users.findById(login)->customerId;
    const unsigned issue = team.create(team.bill, "psprosupport", "Support", "Licence server down");
    fileUnder(team, issue, duplicate);
    storage::Transaction tx(team.t.db());
    storage::IssueRepository(team.t.db()).insertJournal(issue, {login, duplicate}, "Still down.", false, {});
    tx.commit();

    const auto result = app::CustomerService(team.t.db()).merge(team.actor(team.bill), duplicate, keep);
    BOOST_REQUIRE_MESSAGE(result.outcome == app::Outcome::Ok, (result.errors.empty() ? "" : result.errors.front()));
    BOOST_CHECK_EQUAL(result.issuesMoved, 1);
    const std::string keepId = std::to_string(keep), dupId = std::to_string(duplicate);
    BOOST_CHECK_EQUAL(countWhere(team, "issues", "customer_id = " + keepId), 1);
    BOOST_CHECK_EQUAL(countWhere(team, "journals", "customer_id = " + keepId), 1);
    BOOST_CHECK_EQUAL(countWhere(team, "users", "customer_id = " + keepId), 1);
    BOOST_CHECK_EQUAL(countWhere(team, "customers", "id = " + dupId), 0);
    const auto kept = storage::CustomerRepository(team.t.db()).find(keep);
    BOOST_REQUIRE(kept);
    BOOST_CHECK_EQUAL(kept->name, "Daniel Okafor");
    BOOST_CHECK_EQUAL(kept->email.value_or("(none)"), "dan@okafor.example"); // the empty address was filled
}

BOOST_AUTO_TEST_CASE(merge_into_itself_or_an_unknown_customer_changes_nothing) {
    Team team;
    const unsigned a = addCustomer(team, "A", "a@example.com");
    const unsigned issue = team.create(team.bill, "psprosupport", "Support", "A's issue");
    fileUnder(team, issue, a);
    app::CustomerService service(team.t.db());
    const auto self = service.merge(team.actor(team.bill), a, a);
    BOOST_CHECK(self.outcome == app::Outcome::Invalid);
    BOOST_CHECK_EQUAL(self.errors.at(0), "A customer cannot be merged into itself.");
    BOOST_CHECK(service.merge(team.actor(team.bill), a, 999999).outcome == app::Outcome::Invalid);
    BOOST_CHECK(service.merge(team.actor(team.bill), 999999, a).outcome == app::Outcome::NotFound);
    BOOST_CHECK_EQUAL(countWhere(team, "customers", "id = " + std::to_string(a)), 1);
    BOOST_CHECK_EQUAL(countWhere(team, "issues", "customer_id = " + std::to_string(a)), 1);
}

BOOST_AUTO_TEST_CASE(only_customer_managers_may_edit_or_merge) {
    Team team;
    const unsigned a = addCustomer(team, "A", "a@example.com");
    const unsigned b = addCustomer(team, "B", "b@example.com");
    app::CustomerService service(team.t.db());
    for (unsigned who : {team.mia, team.clemens}) {
        BOOST_CHECK(service.update(team.actor(who), a, {"Renamed", "", "", "", ""}).outcome == app::Outcome::Forbidden);
        BOOST_CHECK(service.merge(team.actor(who), a, b).outcome == app::Outcome::Forbidden);
    }
    BOOST_CHECK(app::CustomerService::mayView(team.actor(team.mia)));
    BOOST_CHECK(!app::CustomerService::mayView(team.actor(team.clemens)));
    BOOST_CHECK_EQUAL(storage::CustomerRepository(team.t.db()).find(a)->name, "A");
    BOOST_CHECK_EQUAL(countWhere(team, "customers", "id IN (" + std::to_string(a) + "," + std::to_string(b) + ")"), 2);
}

BOOST_AUTO_TEST_CASE(edit_requires_a_name_and_an_unused_valid_address) {
    Team team;
    const unsigned a = addCustomer(team, "A", "a@example.com");
    addCustomer(team, "B", "b@example.com");
    app::CustomerService service(team.t.db());
    const auto bill = team.actor(team.bill);
    const auto taken = service.update(bill, a, {"A", "B@Example.com", "", "", ""});
    BOOST_CHECK(taken.outcome == app::Outcome::Invalid);
    BOOST_CHECK_EQUAL(taken.errors.at(0), "Email is already used by another customer.");
    BOOST_CHECK(service.update(bill, a, {"", "a@example.com", "", "", ""}).outcome == app::Outcome::Invalid);
    BOOST_CHECK(service.update(bill, a, {"A", "not-an-address", "", "", ""}).outcome == app::Outcome::Invalid);
    BOOST_CHECK(service.update(bill, 999999, {"A", "", "", "", ""}).outcome == app::Outcome::NotFound);
    BOOST_CHECK_EQUAL(storage::CustomerRepository(team.t.db()).find(a)->email.value_or(""), "a@example.com");

    const auto ok = service.update(bill, a, {" Anna Adams ", " anna@example.com ", "ACME", "+1 555", "VIP"});
    BOOST_REQUIRE(ok.outcome == app::Outcome::Ok);
    const auto stored = storage::CustomerRepository(team.t.db()).find(a);
    BOOST_CHECK_EQUAL(stored->name, "Anna Adams");
    BOOST_CHECK_EQUAL(stored->email.value_or(""), "anna@example.com");
    BOOST_CHECK_EQUAL(stored->organisation, "ACME");
    // Keeping one's own address is not "taken"; clearing it stores NULL.
    BOOST_CHECK(service.update(bill, a, {"Anna Adams", "anna@example.com", "", "", ""}).outcome == app::Outcome::Ok);
    BOOST_CHECK(service.update(bill, a, {"Anna Adams", "", "", "", ""}).outcome == app::Outcome::Ok);
    BOOST_CHECK(!storage::CustomerRepository(team.t.db()).find(a)->email);
}

BOOST_AUTO_TEST_CASE(search_matches_name_email_or_organisation_with_literal_wildcards) {
    Team team;
    addCustomer(team, "Daniel Okafor", "daniel@okafor.example");
    addCustomer(team, "Sophie Lambert", "s.lambert@example.fr", "50% Off Ltd");
    addCustomer(team, "Xavier 500", "x@example.com", "5000 Off");
    app::CustomerService service(team.t.db());
    BOOST_CHECK_EQUAL(service.search("okaf", 0).customers.size(), 1u);
    BOOST_CHECK_EQUAL(service.search("LAMBERT@", 0).customers.size(), 1u);
    const auto percent = service.search("50%", 0);
    BOOST_REQUIRE_EQUAL(percent.customers.size(), 1u);
    BOOST_CHECK_EQUAL(percent.customers[0].name, "Sophie Lambert");
    BOOST_CHECK(service.search("_", 0).customers.empty());
    BOOST_CHECK(service.search("' OR '1'='1", 0).customers.empty());
    BOOST_CHECK_EQUAL(service.search("", 0).customers.size(), 3u);
    BOOST_CHECK(!service.search(std::string(101, 'x'), 0).error.empty());
}

BOOST_AUTO_TEST_CASE(search_pages_by_name) {
    Team team;
    for (unsigned i = 0; i < app::kCustomersPerPage + 3; ++i) {
        addCustomer(team, "Customer " + std::string(i < 10 ? "0" : "") + std::to_string(i), "");
    }
    app::CustomerService service(team.t.db());
    const auto first = service.search("customer", 0);
    BOOST_CHECK_EQUAL(first.customers.size(), app::kCustomersPerPage);
    BOOST_CHECK(first.hasNext);
    BOOST_CHECK_EQUAL(first.customers.front().name, "Customer 00");
    const auto second = service.search("customer", 1);
    BOOST_CHECK_EQUAL(second.customers.size(), 3u);
    BOOST_CHECK(!second.hasNext);
}

BOOST_AUTO_TEST_CASE(staff_file_an_issue_for_a_new_customer_by_phone) {
    Team team;
    app::CustomerService customers(team.t.db());
    const auto choice = customers.choose(" eve@example.com ", "Eve Example");
    BOOST_REQUIRE(choice.errors.empty());
    BOOST_REQUIRE(choice.create);
    domain::IssueDraft draft;
    draft.projectId = team.project("psprosupport");
    draft.trackerId = team.tracker("Support");
    draft.subject = "Called: cannot print";
    draft.source = "phone";
    app::IssueService issues(team.t.db(), team.catalog);
    issues.createCustomerWith(app::CustomerService::creator(*choice.create));
    const auto created = issues.create(team.actor(team.bill), draft);
    BOOST_REQUIRE(created.outcome == app::Outcome::Ok);
    const auto customer = storage::CustomerRepository(team.t.db()).findByEmail("EVE@example.com");
    BOOST_REQUIRE(customer);
    BOOST_CHECK_EQUAL(customer->name, "Eve Example");
    const auto issue = storage::IssueRepository(team.t.db()).find(created.issueId);
    BOOST_CHECK(issue->customerId == customer->id);
    BOOST_CHECK_EQUAL(
        team.t.scalar("SELECT source = 'phone' FROM issues WHERE id = " + std::to_string(created.issueId)), 1);

    // The same address again picks the existing customer, whatever name is typed.
    const auto again = customers.choose("eve@example.com", "Someone Else");
    BOOST_CHECK(again.existingId == customer->id);
    BOOST_CHECK(!again.create);
}

BOOST_AUTO_TEST_CASE(a_refused_issue_leaves_no_new_customer_behind) {
    Team team;
    const auto choice = app::CustomerService(team.t.db()).choose("ghost@example.com", "Ghost");
    BOOST_REQUIRE(choice.create);
    domain::IssueDraft draft;
    draft.projectId = team.project("psprosupport");
    draft.trackerId = team.tracker("Support");
    draft.subject = "   "; // invalid
    app::IssueService issues(team.t.db(), team.catalog);
    issues.createCustomerWith(app::CustomerService::creator(*choice.create));
    BOOST_CHECK(issues.create(team.actor(team.bill), draft).outcome == app::Outcome::Invalid);
    BOOST_CHECK_EQUAL(countWhere(team, "customers", "email = 'ghost@example.com'"), 0);
}

BOOST_AUTO_TEST_CASE(choosing_a_customer_needs_a_valid_address_and_a_name_for_a_new_one) {
    Team team;
    app::CustomerService customers(team.t.db());
    BOOST_CHECK(customers.choose("", "").errors.empty());
    BOOST_CHECK(!customers.choose("", "").existingId && !customers.choose("", "").create);
    BOOST_CHECK(!customers.choose("eve@", "Eve").errors.empty());
    BOOST_CHECK(!customers.choose("", "Eve").errors.empty());
    const auto nameless = customers.choose("new@example.com", "");
    BOOST_REQUIRE_EQUAL(nameless.errors.size(), 1u);
    BOOST_CHECK_EQUAL(nameless.errors[0], "No customer has this email address: enter a name to create one.");
}

BOOST_AUTO_TEST_CASE(customer_issue_list_respects_the_readers_projects) {
    Team team;
    const unsigned c = addCustomer(team, "C", "c@example.com");
    const unsigned support = team.create(team.bill, "psprosupport", "Support", "support issue");
    const unsigned internal = team.create(team.alex, "psprointernal", "Bug", "internal issue");
    fileUnder(team, support, c);
    fileUnder(team, internal, c);
    std::vector<unsigned> projectIds;
    for (const auto& p : team.catalog.projects) projectIds.push_back(p.id);
    domain::IssueQuery query;
    query.statusScope = domain::StatusScope::All;
    auto visibility = domain::listScope(team.actor(team.mia), projectIds);
    visibility.customerId = c;
    const auto page = storage::IssueRepository(team.t.db()).list(query, {}, visibility);
    BOOST_REQUIRE_EQUAL(page.rows.size(), 1u);
    BOOST_CHECK_EQUAL(page.rows[0].id, support);
}

BOOST_AUTO_TEST_SUITE_END()
