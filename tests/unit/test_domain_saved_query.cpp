// Saved queries: private ones only for their owner, public ones for the project's staff,
// publishing needs edit_issues (or admin), built-in queries are never deleted.
#include "core/domain/saved_query.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::domain;

namespace {

constexpr unsigned kSupport = 1, kInternal = 2;

Role role(const char* permissions) {
    return Role{1, "r", PermissionSet::parse(permissions)};
}

Actor staff(unsigned id, std::map<unsigned, std::vector<Role>> roles) {
    Actor a;
    a.userId = id;
    a.staff = true;
    a.roles = std::move(roles);
    return a;
}

// Roles of sql/002_seed.sql, reduced to what the rules look at.
const Role kSupportRole = role("view_issues add_issues edit_issues add_notes view_private_notes");
const Role kManagerRole = role("view_issues view_private_notes view_reports");
const Role kCustomerRole = role("view_own_issues add_issues add_notes");

const Actor kBill = staff(2, {{kSupport, {kSupportRole}}});
const Actor kMia = staff(5, {{kSupport, {kManagerRole}}, {kInternal, {kManagerRole}}});
const Actor kClemens = staff(4, {{kInternal, {kSupportRole}}});

Actor admin() {
    Actor a = staff(1, {});
    a.admin = true;
    return a;
}

Actor carol() {
    Actor a;
    a.userId = 6;
    a.customerId = 40;
    a.roles[kSupport] = {kCustomerRole};
    return a;
}

SavedQueryRef query(std::optional<unsigned> project, std::optional<unsigned> owner, bool isPublic,
                    bool builtin = false) {
    return SavedQueryRef{project, owner, isPublic, builtin};
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_saved_query)

BOOST_AUTO_TEST_CASE(a_private_query_is_seen_by_its_owner_only_admins_included) {
    const auto mine = query(kSupport, kBill.userId, false);
    BOOST_TEST(canSeeQuery(kBill, mine));
    BOOST_TEST(!canSeeQuery(kMia, mine));
    BOOST_TEST(!canSeeQuery(admin(), mine));
}

BOOST_AUTO_TEST_CASE(a_public_query_is_seen_by_staff_who_may_view_the_projects_issues) {
    const auto shared = query(kSupport, kBill.userId, true);
    BOOST_TEST(canSeeQuery(kMia, shared));
    BOOST_TEST(canSeeQuery(admin(), shared));
    BOOST_TEST(!canSeeQuery(kClemens, shared)); // not in the support project
    const auto global = query(std::nullopt, kBill.userId, true);
    BOOST_TEST(canSeeQuery(kClemens, global));
}

BOOST_AUTO_TEST_CASE(customers_anonymous_and_locked_users_see_no_query) {
    const auto builtin = query(kSupport, std::nullopt, true, true);
    BOOST_TEST(!canSeeQuery(carol(), builtin));
    BOOST_TEST(!canSeeQuery(Actor{}, builtin));
    Actor locked = kBill;
    locked.locked = true;
    BOOST_TEST(!canSeeQuery(locked, query(kSupport, kBill.userId, false)));
    BOOST_TEST(!canSaveQuery(carol(), kSupport));
    BOOST_TEST(!canSaveQuery(Actor{}, std::nullopt));
}

BOOST_AUTO_TEST_CASE(staff_save_queries_where_they_may_view_issues) {
    BOOST_TEST(canSaveQuery(kBill, kSupport));
    BOOST_TEST(!canSaveQuery(kBill, kInternal));
    BOOST_TEST(canSaveQuery(kBill, std::nullopt));
    BOOST_TEST(canSaveQuery(kMia, kInternal));
    BOOST_TEST(canSaveQuery(admin(), kInternal));
}

BOOST_AUTO_TEST_CASE(publishing_needs_edit_issues_in_the_project_or_admin) {
    BOOST_TEST(canPublishQuery(kBill, kSupport));
    BOOST_TEST(!canPublishQuery(kMia, kSupport)); // managers read, they do not run the project
    BOOST_TEST(!canPublishQuery(kBill, kInternal));
    BOOST_TEST(!canPublishQuery(kBill, std::nullopt)); // for all projects: admins only
    BOOST_TEST(canPublishQuery(admin(), std::nullopt));
    BOOST_TEST(!canPublishQuery(carol(), kSupport));
}

BOOST_AUTO_TEST_CASE(owners_and_admins_delete_queries_but_never_a_builtin_one) {
    const auto billsPublic = query(kSupport, kBill.userId, true);
    BOOST_TEST(canDeleteQuery(kBill, billsPublic));
    BOOST_TEST(!canDeleteQuery(kMia, billsPublic));
    BOOST_TEST(canDeleteQuery(admin(), billsPublic));
    const auto newIssues = query(kSupport, std::nullopt, true, true);
    BOOST_TEST(!canDeleteQuery(kBill, newIssues));
    BOOST_TEST(!canDeleteQuery(admin(), newIssues));
    BOOST_TEST(!canDeleteQuery(admin(), query(kSupport, kBill.userId, false))); // cannot see it
}

BOOST_AUTO_TEST_CASE(names_must_be_present_short_and_printable) {
    BOOST_TEST(queryNameErrors("Escalations").empty());
    BOOST_TEST(queryNameErrors("").size() == 1u);
    BOOST_TEST(queryNameErrors(std::string(255, 'x')).empty());
    BOOST_TEST(queryNameErrors(std::string(256, 'x')).size() == 1u);
    BOOST_TEST(queryNameErrors(std::string(255, 'x') + "\u00FC").size() == 1u);
    BOOST_TEST(queryNameErrors("tab\there").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
