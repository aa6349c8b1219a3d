// Unit tests of what an administrator may enter for a user account.
#include <boost/test/unit_test.hpp>

#include "core/domain/user_rules.hpp"

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(domain_user_rules)

BOOST_AUTO_TEST_CASE(good_fields_pass) {
    BOOST_TEST(validateUserFields({"dora.k@x-1", "Dora", "Kim", "dora@example.org", "long enough"}, true).empty());
    BOOST_TEST(validateUserFields({"", "", "", "", ""}, false).empty()); // on edit the login is not checked
}

BOOST_AUTO_TEST_CASE(each_bad_field_is_named) {
    const std::vector<std::pair<UserFields, std::string>> rows{
        {{"", "A", "B", "", ""}, "Login"},
        {{"bad login", "A", "B", "", ""}, "Login"},
        {{std::string(65, 'a'), "A", "B", "", ""}, "Login"},
        {{"ok", "A\nB", "B", "", ""}, "First name"},
        {{"ok", "A", std::string(65, 'b'), "", ""}, "Last name"},
        {{"ok", "A", "B", "not-an-address", ""}, "Email"},
        {{"ok", "A", "B", "", "short"}, "password"},
    };
    for (const auto& [fields, word] : rows) {
        BOOST_TEST_CONTEXT(word) {
            const auto errors = validateUserFields(fields, true);
            BOOST_REQUIRE(errors.size() == 1u);
            BOOST_TEST(errors.front().find(word) != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
