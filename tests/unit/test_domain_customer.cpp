// Unit tests of the customer (CRM) rules: address check, field validation, search escaping, merging.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/domain/customer.hpp"

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(domain_customer)

BOOST_AUTO_TEST_CASE(ordinary_addresses_are_valid) {
    for (const char* email : {"daniel.okafor@example.com", "a@b.co", "first+tag@mail.example.org", "o'brien@example.ie",
                              "x_y-z@sub-domain.example.com"}) {
        BOOST_TEST(isValidEmail(email), email << " should be accepted");
    }
}

BOOST_AUTO_TEST_CASE(typos_and_hostile_addresses_are_refused) {
    for (const char* email :
         {"", "plain", "@example.com", "daniel@", "daniel@localhost", "da niel@example.com", "a..b@example.com",
          ".a@example.com", "a.@example.com", "a@-example.com", "a@example-.com", "a@example..com", "a@exa_mple.com",
          "\"quoted\"@example.com", "a<b>@example.com", "a@b@example.com", "a@example.com\n", "jürgen@example.de",
          "a@exämple.de"}) {
        BOOST_TEST(!isValidEmail(email), "'" << email << "' should be refused");
    }
    BOOST_TEST(!isValidEmail(std::string(65, 'a') + "@example.com"), "a local part over 64 characters");
    BOOST_TEST(!isValidEmail("a@" + std::string(250, 'b') + ".com"), "an address over 254 characters");
}

BOOST_AUTO_TEST_CASE(name_is_required_and_email_optional_but_valid) {
    BOOST_TEST(validateCustomer({"Daniel Okafor", "", "", "", ""}).empty());
    BOOST_TEST(
        validateCustomer({"Daniel Okafor", " daniel@example.com ", "ACME", "+49 30 1234", "note\nline"}).empty());
    const auto blank = validateCustomer({" \t", "daniel@example.com", "", "", ""});
    BOOST_REQUIRE_EQUAL(blank.size(), 1u);
    BOOST_TEST(blank.front() == "Name cannot be blank.");
    const auto bad = validateCustomer({"Daniel", "daniel@", "", "", ""});
    BOOST_REQUIRE_EQUAL(bad.size(), 1u);
    BOOST_TEST(bad.front() == "Email is not a valid address.");
}

BOOST_AUTO_TEST_CASE(one_line_fields_refuse_line_breaks_and_overlong_text) {
    BOOST_TEST(!validateCustomer({"Dan\niel", "", "", "", ""}).empty());
    BOOST_TEST(!validateCustomer({std::string(256, 'x'), "", "", "", ""}).empty());
    BOOST_TEST(validateCustomer({std::string(255, 'x'), "", "", "", ""}).empty());
    BOOST_TEST(!validateCustomer({"Daniel", "", "", std::string(65, '1'), ""}).empty());
    BOOST_TEST(!validateCustomer({"Daniel", "", "\xff", "", ""}).empty());
}

BOOST_AUTO_TEST_CASE(normalizing_trims_fields_and_drops_blank_notes) {
    const auto n = normalizeCustomer({"  Daniel ", " d@example.com\t", " ACME ", " 123 ", " \n "});
    BOOST_TEST(n.name == "Daniel");
    BOOST_TEST(n.email == "d@example.com");
    BOOST_TEST(n.organisation == "ACME");
    BOOST_TEST(n.phone == "123");
    BOOST_TEST(n.notes.empty());
}

BOOST_AUTO_TEST_CASE(search_terms_match_wildcards_literally) {
    BOOST_TEST(likeContainsPattern("okafor") == "%okafor%");
    BOOST_TEST(likeContainsPattern("50%_off") == "%50\\%\\_off%");
    BOOST_TEST(likeContainsPattern("a\\b") == "%a\\\\b%");
    BOOST_TEST(likeContainsPattern("' OR 1=1 --") == "%' OR 1=1 --%", "quotes are data: the pattern is bound");
}

BOOST_AUTO_TEST_CASE(merge_is_refused_into_itself_and_for_unknown_customers) {
    BOOST_TEST(mergeRefusal(4, true, 4, true) == "A customer cannot be merged into itself.");
    BOOST_TEST(mergeRefusal(4, false, 5, true) == "No such customer to merge.");
    BOOST_TEST(mergeRefusal(4, true, 99, false) == "No customer #99 to merge into.");
    BOOST_TEST(mergeRefusal(4, true, 5, true).empty());
}

BOOST_AUTO_TEST_CASE(merge_keeps_the_kept_values_and_fills_empty_ones) {
    Customer keep{5, "Daniel Okafor", std::nullopt, "", "+49 30 1", "Prefers phone.", ""};
    Customer duplicate{4, "D. Okafor", "daniel@example.com", "Okafor GmbH", "+49 30 2", "Has two sites.", ""};
    const Customer merged = mergedCustomer(keep, duplicate);
    BOOST_TEST(merged.id == 5u);
    BOOST_TEST(merged.name == "Daniel Okafor");
    BOOST_TEST(merged.email.value_or("") == "daniel@example.com");
    BOOST_TEST(merged.organisation == "Okafor GmbH");
    BOOST_TEST(merged.phone == "+49 30 1");
    BOOST_TEST(merged.notes == "Prefers phone.\n\nHas two sites.");

    duplicate.notes = std::string(65'530, 'n');
    BOOST_TEST(mergedCustomer(keep, duplicate).notes == "Prefers phone.", "notes too long for the column together");
}

BOOST_AUTO_TEST_SUITE_END()
