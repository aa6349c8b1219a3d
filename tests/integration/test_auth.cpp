// Sign-in against real users and sessions: argon2id passwords, session lookup, logout.
#include "tests/integration/test_database.hpp"

#include "core/app/auth_service.hpp"
#include "core/app/crypto.hpp"
#include "core/storage/catalog_repository.hpp"
#include "core/storage/user_repository.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;

namespace {

struct Users {
    testing::TestDatabase t;
    unsigned bill = 0;
    Users() {
        app::initCrypto();
        storage::UserRepository users(t.db());
        bill = users.create({"bill", "Bill", "Support", "bill@example.com", app::hashPassword("demo"), false, false});
        BOOST_REQUIRE(users.addMembership(bill, "psprosupport", "Support"));
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(auth)

BOOST_AUTO_TEST_CASE(password_hash_is_argon2id_and_verifies_only_the_right_password) {
    app::initCrypto();
    const auto hash = app::hashPassword("correct horse");
    BOOST_CHECK_EQUAL(hash.rfind("$argon2id$", 0), 0u);
    BOOST_CHECK(app::verifyPassword("correct horse", hash));
    BOOST_CHECK(!app::verifyPassword("correct horsE", hash));
    BOOST_CHECK(!app::verifyPassword("x", "not a hash"));
}

BOOST_AUTO_TEST_CASE(login_opens_a_session_that_resolves_to_the_user_with_roles) {
    Users u;
    const auto catalog = storage::CatalogRepository(u.t.db()).load();
    app::AuthService auth(u.t.db(), 12);
    const auto signIn = auth.login("bill", "demo", "127.0.0.1");
    BOOST_REQUIRE(signIn);
    BOOST_CHECK_GE(signIn->token.size(), 43u); // 256 bits
    // the table stores only the token's hash
    BOOST_CHECK_EQUAL(u.t.scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = '" + signIn->token + "'"), 0);
    const auto session = auth.resolve(signIn->token, catalog);
    BOOST_REQUIRE(session);
    BOOST_CHECK_EQUAL(session->actor.userId, u.bill);
    BOOST_CHECK(session->actor.staff);
    BOOST_CHECK(
        session->actor.allowedTo(domain::Permission::EditIssues, catalog.projectByIdentifier("psprosupport")->id));
    BOOST_CHECK(
        !session->actor.allowedTo(domain::Permission::EditIssues, catalog.projectByIdentifier("psprointernal")->id));
    BOOST_CHECK_EQUAL(session->csrfToken.size(), 43u);
    auth.logout(signIn->token);
    BOOST_CHECK(!auth.resolve(signIn->token, catalog));
}

BOOST_AUTO_TEST_CASE(wrong_password_unknown_user_and_locked_user_are_refused_alike) {
    Users u;
    app::AuthService auth(u.t.db(), 12);
    BOOST_CHECK(!auth.login("bill", "wrong", "127.0.0.1"));
    BOOST_CHECK(!auth.login("nobody", "demo", "127.0.0.1"));
    BOOST_CHECK(!auth.login("", "", "127.0.0.1"));
    u.t.db().execute("UPDATE users SET status = 'locked' WHERE login = 'bill'");
    BOOST_CHECK(!auth.login("bill", "demo", "127.0.0.1"));
    BOOST_CHECK_EQUAL(u.t.scalar("SELECT COUNT(*) FROM sessions"), 0);
}

BOOST_AUTO_TEST_CASE(expired_or_forged_sessions_do_not_resolve) {
    Users u;
    const auto catalog = storage::CatalogRepository(u.t.db()).load();
    app::AuthService auth(u.t.db(), 12);
    const auto signIn = auth.login("bill", "demo", "127.0.0.1");
    BOOST_REQUIRE(signIn);
    BOOST_CHECK(!auth.resolve(signIn->token + "x", catalog));
    BOOST_CHECK(!auth.resolve("", catalog));
    u.t.db().execute("UPDATE sessions SET expires_at = NOW() - INTERVAL 1 SECOND");
    BOOST_CHECK(!auth.resolve(signIn->token, catalog));
}

BOOST_AUTO_TEST_SUITE_END()
