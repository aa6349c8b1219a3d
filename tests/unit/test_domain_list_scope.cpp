// Which issues an issue list may show: projects by role, customers only their own issues.
#include "core/domain/issue_access.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::domain;

namespace {

Role role(const char* permissions) {
    return Role{1, "r", PermissionSet::parse(permissions)};
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_list_scope)

BOOST_AUTO_TEST_CASE(staff_see_the_projects_where_they_may_view_issues) {
    Actor a;
    a.userId = 2;
    a.staff = true;
    a.roles[1] = {role("view_issues add_issues")};
    a.roles[2] = {role("add_issues")};
    const auto scope = listScope(a, {1, 2, 3});
    BOOST_CHECK(scope.projectIds == std::vector<unsigned>{1});
    BOOST_CHECK(!scope.customerId);
}

BOOST_AUTO_TEST_CASE(admin_sees_every_project) {
    Actor a;
    a.userId = 1;
    a.staff = true;
    a.admin = true;
    BOOST_CHECK(listScope(a, {1, 2, 3}).projectIds == (std::vector<unsigned>{1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(customer_sees_only_their_own_issues_even_with_a_staff_role) {
    Actor a;
    a.userId = 6;
    a.customerId = 40;
    a.roles[1] = {role("view_own_issues")};
    a.roles[2] = {role("view_issues")}; // a misconfigured membership grants nothing more
    const auto scope = listScope(a, {1, 2});
    BOOST_CHECK(scope.projectIds == std::vector<unsigned>{1});
    BOOST_REQUIRE(scope.customerId);
    BOOST_CHECK_EQUAL(*scope.customerId, 40u);
}

BOOST_AUTO_TEST_CASE(customer_login_without_a_customer_record_and_anonymous_see_nothing) {
    Actor customer;
    customer.userId = 7;
    customer.roles[1] = {role("view_own_issues")};
    BOOST_CHECK(listScope(customer, {1}).projectIds.empty());
    BOOST_CHECK(listScope(Actor{}, {1}).projectIds.empty());
}

BOOST_AUTO_TEST_SUITE_END()
