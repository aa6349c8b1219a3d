// Administering users on a real MariaDB: create, edit, lock, memberships, and the refusals.
#include "tests/integration/team.hpp"

#include "core/app/auth_service.hpp"
#include "core/app/user_admin_service.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;
using testing::adminActor;
using testing::Team;

BOOST_AUTO_TEST_SUITE(user_admin)

BOOST_AUTO_TEST_CASE(admin_creates_edits_and_locks_a_user) {
    Team team;
    app::UserAdminService service(team.t.db());
    const auto admin = adminActor(team.bill);
    const auto made = service.create(admin, {"dora", "Dora", "Kim", "dora@example.org", "long password"}, false, false);
    BOOST_REQUIRE_MESSAGE(made.outcome == app::Outcome::Ok, (made.errors.empty() ? "" : made.errors.front()));
    app::AuthService auth(team.t.db(), 12);
    BOOST_TEST(auth.byPassword("dora", "long password", team.catalog).has_value());

    BOOST_TEST((service.addMembership(admin, made.userId, team.project("psprosupport"), 1).outcome == app::Outcome::Ok));
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM memberships WHERE user_id = " + std::to_string(made.userId)) == 1);
    BOOST_TEST((service.addMembership(admin, made.userId, 999, 1).outcome == app::Outcome::Invalid));
    BOOST_TEST((service.removeMembership(admin, made.userId, team.project("psprosupport"), 1).outcome ==
                app::Outcome::Ok));
    BOOST_TEST((service.removeMembership(admin, made.userId, team.project("psprosupport"), 1).outcome ==
                app::Outcome::NotFound));

    const auto locked = service.update(admin, made.userId, {"", "Dora", "Kim-Lee", "dora@example.org", ""}, false, true);
    BOOST_TEST((locked.outcome == app::Outcome::Ok));
    BOOST_TEST(!auth.byPassword("dora", "long password", team.catalog).has_value());
}

BOOST_AUTO_TEST_CASE(refusals_change_nothing) {
    Team team;
    app::UserAdminService service(team.t.db());
    const auto admin = adminActor(team.bill);
    BOOST_TEST((service.create(team.actor(team.alex), {"x1", "", "", "", ""}, false, false).outcome ==
                app::Outcome::Forbidden));
    BOOST_TEST((service.create(admin, {"bill", "", "", "", ""}, false, false).outcome == app::Outcome::Invalid));
    BOOST_TEST((service.create(admin, {"x2", "", "", "alex@example.com", ""}, false, false).outcome ==
                app::Outcome::Invalid));
    BOOST_TEST((service.create(admin, {"x3", "", "", "", ""}, false, true).outcome == app::Outcome::Invalid));
    // An admin cannot lock themself or drop their own admin flag.
    BOOST_TEST((service.update(admin, team.bill, {"", "Bill", "Support", "", ""}, true, true).outcome ==
                app::Outcome::Invalid));
    BOOST_TEST((service.update(admin, team.bill, {"", "Bill", "Support", "", ""}, false, false).outcome ==
                app::Outcome::Invalid));
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM users") == 4);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM users WHERE status = 'locked'") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
