// Migrations build the whole schema from scratch, idempotently, with the default setup seeded.
#include "tests/integration/test_database.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(migrate_from_scratch_creates_every_table_and_records_each_migration) {
    testing::TestDatabase t(false);
    storage::Migrator migrator(t.db(), testing::sourceDir() + "/sql");
    const auto files = storage::listMigrations(testing::sourceDir() + "/sql");
    BOOST_REQUIRE(!files.empty());
    BOOST_CHECK_EQUAL(migrator.pending().size(), files.size());
    const auto applied = migrator.migrate();
    BOOST_CHECK_EQUAL(applied.size(), files.size());
    BOOST_CHECK(migrator.pending().empty());
    for (const char* table : {"users",      "roles",           "memberships",      "projects",
                              "trackers",   "issue_statuses",  "priorities",       "workflow_transitions",
                              "milestones", "customers",       "issues",           "issue_counts",
                              "journals",   "journal_details", "issue_relations",  "attachments",
                              "watchers",   "queries",         "sessions",         "inbound_mail",
                              "outbox",     "settings",        "schema_migrations", "changesets",
                              "changeset_issues"}) {
        BOOST_TEST_CONTEXT("table " << table) {
            BOOST_CHECK_EQUAL(
                t.scalar(std::string("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                                     " AND engine = 'InnoDB' AND table_name = '") +
                         table + "'"),
                1);
        }
    }
}

BOOST_AUTO_TEST_CASE(second_migrate_applies_nothing) {
    testing::TestDatabase t;
    storage::Migrator migrator(t.db(), testing::sourceDir() + "/sql");
    BOOST_CHECK(migrator.migrate().empty());
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM schema_migrations"),
                      static_cast<long>(storage::listMigrations(testing::sourceDir() + "/sql").size()));
}

BOOST_AUTO_TEST_CASE(seed_holds_the_default_setup_of_the_design) {
    testing::TestDatabase t;
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM projects WHERE identifier IN ('psprosupport', 'psprointernal')"),
                      2);
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM issue_statuses WHERE is_closed = 1"), 2);
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM issue_statuses WHERE name = 'New' AND is_new = 1"), 1);
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM priorities WHERE is_default = 1 AND name = 'Normal'"), 1);
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM milestones m JOIN projects p ON p.id = m.project_id"
                               " WHERE p.identifier = 'psprointernal' AND m.name IN ('2.1.1', '2.2.0', 'ToDoList')"),
                      3);
    // New -> Seen in Bug requires an assignee and a milestone, for gatekeepers only
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM workflow_transitions w JOIN roles r ON r.id = w.role_id"
                               " JOIN trackers t ON t.id = w.tracker_id WHERE t.name = 'Bug' AND w.old_status_id = 1"
                               " AND w.new_status_id = 2 AND w.assignee_required = 1 AND w.milestone_required = 1"
                               " AND r.name = 'Gatekeeper'"),
                      1);
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM workflow_transitions w JOIN roles r ON r.id = w.role_id"
                               " WHERE w.old_status_id = 1 AND w.new_status_id = 2 AND r.name <> 'Gatekeeper'"),
                      0);
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM trackers t JOIN roles r ON r.id = t.assignable_role_id"
                               " WHERE t.name = 'Support' AND r.name = 'Support'"),
                      1);
}

BOOST_AUTO_TEST_CASE(splitter_keeps_statements_and_drops_comments) {
    const auto s =
        storage::splitStatements("-- a comment\nCREATE TABLE a (x INT);\n\nINSERT INTO a VALUES (1),\n (2);\n");
    BOOST_REQUIRE_EQUAL(s.size(), 2u);
    BOOST_CHECK_EQUAL(s[0], "CREATE TABLE a (x INT)");
    BOOST_CHECK_EQUAL(s[1], "INSERT INTO a VALUES (1),\n (2)");
}

BOOST_AUTO_TEST_CASE(issue_counts_follow_every_write_to_issues_even_plain_sql) {
    testing::TestDatabase t;
    const std::string count =
        "SELECT COALESCE(SUM(c.n), 0) FROM issue_counts c JOIN trackers tr ON tr.id = c.tracker_id"
        " JOIN issue_statuses s ON s.id = c.status_id WHERE tr.name = ? AND s.name = ?";
    const auto n = [&](const char* tracker, const char* status) {
        std::string sql = count;
        sql.replace(sql.find('?'), 1, std::string("'") + tracker + "'");
        sql.replace(sql.find('?'), 1, std::string("'") + status + "'");
        return t.scalar(sql);
    };
    const std::string ids = " (SELECT id FROM projects WHERE identifier = 'psprointernal'),"
                            " (SELECT id FROM trackers WHERE name = 'Bug'),"
                            " (SELECT id FROM issue_statuses WHERE name = 'New'),"
                            " (SELECT id FROM priorities WHERE is_default = 1)";
    t.db().execute("INSERT INTO issues (project_id, tracker_id, status_id, priority_id, subject, created_at, updated_at)"
                   " VALUES (" + ids + ", 'one', NOW(), NOW()), (" + ids + ", 'two', NOW(), NOW())");
    BOOST_CHECK_EQUAL(n("Bug", "New"), 2);
    t.db().execute("UPDATE issues SET status_id = (SELECT id FROM issue_statuses WHERE name = 'Seen')"
                   " WHERE subject = 'one'");
    BOOST_CHECK_EQUAL(n("Bug", "New"), 1);
    BOOST_CHECK_EQUAL(n("Bug", "Seen"), 1);
    t.db().execute("UPDATE issues SET subject = 'one, renamed' WHERE subject = 'one'"); // no count moves
    BOOST_CHECK_EQUAL(n("Bug", "Seen"), 1);
    t.db().execute("UPDATE issues SET tracker_id = (SELECT id FROM trackers WHERE name = 'Task') WHERE subject = 'two'");
    BOOST_CHECK_EQUAL(n("Bug", "New"), 0);
    BOOST_CHECK_EQUAL(n("Task", "New"), 1);
    t.db().execute("DELETE FROM issues");
    BOOST_CHECK_EQUAL(n("Task", "New"), 0);
    BOOST_CHECK_EQUAL(n("Bug", "Seen"), 0);
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM issue_counts WHERE n <> 0"), 0);

    // Connections add to their own slots; the sums stay right whoever moves an issue.
    const auto other = t.connect();
    t.db().execute("INSERT INTO issues (project_id, tracker_id, status_id, priority_id, subject, created_at, updated_at)"
                   " VALUES (" + ids + ", 'three', NOW(), NOW())");
    BOOST_CHECK_EQUAL(t.scalar("SELECT COUNT(*) FROM issue_counts WHERE n = 1 AND slot = CONNECTION_ID() % 8"), 1);
    other->execute("UPDATE issues SET status_id = (SELECT id FROM issue_statuses WHERE name = 'Seen')"
                   " WHERE subject = 'three'");
    BOOST_CHECK_EQUAL(n("Bug", "New"), 0);
    BOOST_CHECK_EQUAL(n("Bug", "Seen"), 1);
    other->execute("DELETE FROM issues");
    BOOST_CHECK_EQUAL(n("Bug", "Seen"), 0);
}

BOOST_AUTO_TEST_SUITE_END()
