// Issues on a real MariaDB: creation, workflow-checked edits, journals, counts, optimistic locking.
#include "tests/integration/team.hpp"
#include "tests/integration/test_database.hpp"

#include "core/app/issue_service.hpp"
#include "core/storage/catalog_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/user_repository.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>
#include <vector>

using namespace ticketflow;

namespace {

using testing::Team;

app::IssueEdit toStatus(unsigned statusId, unsigned lockVersion, std::string note = {}) {
    app::IssueEdit e;
    e.statusId = statusId;
    e.lockVersion = lockVersion;
    e.note = std::move(note);
    return e;
}

} // namespace

BOOST_AUTO_TEST_SUITE(issues)

BOOST_AUTO_TEST_CASE(created_issue_is_new_watched_by_its_author_and_counted) {
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "Export crashes");
    const auto issue = storage::IssueRepository(team.t.db()).find(id);
    BOOST_REQUIRE(issue);
    BOOST_CHECK_EQUAL(issue->statusId, team.status("New"));
    BOOST_CHECK_EQUAL(issue->subject, "Export crashes");
    BOOST_CHECK_EQUAL(issue->lockVersion, 0u);
    BOOST_CHECK_EQUAL(team.t.scalar("SELECT COUNT(*) FROM watchers WHERE issue_id = " + std::to_string(id)), 1);
    BOOST_CHECK_EQUAL(team.count(team.project("psprosupport"), "New"), 1);
}

BOOST_AUTO_TEST_CASE(manager_may_not_create_issues_and_nothing_is_written) {
    Team team;
    domain::IssueDraft d;
    d.projectId = team.project("psprosupport");
    d.trackerId = team.tracker("Support");
    d.subject = "should not exist";
    const auto r = app::IssueService(team.t.db(), team.catalog).create(team.actor(team.mia), d);
    BOOST_CHECK(r.outcome == app::Outcome::Forbidden);
    BOOST_CHECK_EQUAL(team.t.scalar("SELECT COUNT(*) FROM issues"), 0);
}

BOOST_AUTO_TEST_CASE(status_change_writes_one_journal_with_details_and_moves_the_count) {
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "License key rejected");
    auto edit = toStatus(team.status("Accepted"), 0, "Reproduced with 2.1.0");
    edit.assigneeId = app::IdChange::to(team.bill);
    const auto r = app::IssueService(team.t.db(), team.catalog).update(team.actor(team.bill), id, edit);
    BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));
    storage::IssueRepository repo(team.t.db());
    const auto issue = repo.find(id);
    BOOST_CHECK_EQUAL(issue->statusId, team.status("Accepted"));
    BOOST_CHECK_EQUAL(issue->lockVersion, 1u);
    const auto journals = repo.journals(id, true);
    BOOST_REQUIRE_EQUAL(journals.size(), 1u);
    BOOST_CHECK_EQUAL(journals[0].notes, "Reproduced with 2.1.0");
    BOOST_REQUIRE_EQUAL(journals[0].details.size(), 2u);
    BOOST_CHECK_EQUAL(journals[0].details[0].key, "status_id");
    BOOST_CHECK_EQUAL(*journals[0].details[0].oldValue, std::to_string(team.status("New")));
    BOOST_CHECK_EQUAL(*journals[0].details[0].value, std::to_string(team.status("Accepted")));
    BOOST_CHECK_EQUAL(journals[0].details[1].key, "assigned_to_id");
    BOOST_CHECK(!journals[0].details[1].oldValue);
    BOOST_CHECK_EQUAL(team.count(team.project("psprosupport"), "New"), 0);
    BOOST_CHECK_EQUAL(team.count(team.project("psprosupport"), "Accepted"), 1);
}

BOOST_AUTO_TEST_CASE(closing_without_the_required_note_is_refused_and_changes_nothing) {
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "Question about backups");
    const auto r = app::IssueService(team.t.db(), team.catalog)
                       .update(team.actor(team.bill), id, toStatus(team.status("Closed"), 0, "   "));
    BOOST_CHECK(r.outcome == app::Outcome::Invalid);
    BOOST_REQUIRE(!r.errors.empty());
    BOOST_CHECK_EQUAL(storage::IssueRepository(team.t.db()).find(id)->statusId, team.status("New"));
    BOOST_CHECK_EQUAL(team.t.scalar("SELECT COUNT(*) FROM journals"), 0);
}

BOOST_AUTO_TEST_CASE(transition_outside_the_workflow_is_forbidden_and_changes_nothing) {
    Team team;
    const unsigned id = team.create(team.alex, "psprointernal", "Bug", "Crash in scheduler");
    // A developer who is not a gatekeeper cannot triage New -> Seen.
    auto edit = toStatus(team.status("Seen"), 0);
    edit.assigneeId = app::IdChange::to(team.clemens);
    edit.milestoneId = app::IdChange::to(team.milestone("2.1.1"));
    const auto r = app::IssueService(team.t.db(), team.catalog).update(team.actor(team.clemens), id, edit);
    BOOST_CHECK(r.outcome == app::Outcome::Forbidden);
    BOOST_CHECK_EQUAL(storage::IssueRepository(team.t.db()).find(id)->statusId, team.status("New"));
    BOOST_CHECK_EQUAL(team.t.scalar("SELECT COUNT(*) FROM journals"), 0);
}

BOOST_AUTO_TEST_CASE(gatekeeper_triage_needs_assignee_and_milestone_then_assignee_accepts) {
    Team team;
    const unsigned id = team.create(team.alex, "psprointernal", "Bug", "Crash in scheduler");
    app::IssueService service(team.t.db(), team.catalog);
    auto r = service.update(team.actor(team.alex), id, toStatus(team.status("Seen"), 0));
    BOOST_CHECK(r.outcome == app::Outcome::Invalid);
    auto edit = toStatus(team.status("Seen"), 0);
    edit.assigneeId = app::IdChange::to(team.clemens);
    edit.milestoneId = app::IdChange::to(team.milestone("2.1.1"));
    r = service.update(team.actor(team.alex), id, edit);
    BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));
    // Seen -> Accepted belongs to the assignee only.
    r = service.update(team.actor(team.alex), id, toStatus(team.status("Accepted"), 1));
    BOOST_CHECK(r.outcome == app::Outcome::Forbidden);
    r = service.update(team.actor(team.clemens), id, toStatus(team.status("Accepted"), 1));
    BOOST_CHECK(r.outcome == app::Outcome::Ok);
    BOOST_CHECK_EQUAL(storage::IssueRepository(team.t.db()).find(id)->statusId, team.status("Accepted"));
}

BOOST_AUTO_TEST_CASE(support_tracker_refuses_an_assignee_outside_the_support_team) {
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "Install fails");
    app::IssueEdit edit;
    edit.lockVersion = 0;
    edit.assigneeId = app::IdChange::to(team.mia);
    const auto r = app::IssueService(team.t.db(), team.catalog).update(team.actor(team.bill), id, edit);
    BOOST_CHECK(r.outcome == app::Outcome::Invalid);
    BOOST_CHECK(!storage::IssueRepository(team.t.db()).find(id)->assigneeId);
}

BOOST_AUTO_TEST_CASE(stale_edit_conflicts_and_keeps_the_other_change) {
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "Report looks wrong");
    auto other = team.t.connect();
    app::IssueService first(team.t.db(), team.catalog), second(*other, team.catalog);
    BOOST_REQUIRE(first.update(team.actor(team.bill), id, toStatus(team.status("Accepted"), 0, "mine")).outcome ==
                  app::Outcome::Ok);
    const auto r = second.update(team.actor(team.bill), id, toStatus(team.status("Rejected"), 0, "theirs"));
    BOOST_CHECK(r.outcome == app::Outcome::Conflict);
    BOOST_REQUIRE(r.current);
    BOOST_CHECK_EQUAL(r.current->lockVersion, 1u);
    BOOST_CHECK_EQUAL(storage::IssueRepository(team.t.db()).find(id)->statusId, team.status("Accepted"));
    BOOST_CHECK_EQUAL(team.t.scalar("SELECT COUNT(*) FROM journals"), 1);
}

BOOST_AUTO_TEST_CASE(notes_without_lock_version_from_four_writers_at_once_all_land) {
    // Replies by mail on two hosts and REST clients without lock_version: each note applies to
    // the issue as it is now, however the others change it meanwhile.
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "Busy issue");
    const auto bill = team.actor(team.bill);
    constexpr int kWriters = 4, kNotes = 25;
    std::atomic<int> refused{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            auto db = team.t.connect();
            app::IssueService service(*db, team.catalog);
            for (int n = 0; n < kNotes; ++n) {
                app::IssueEdit edit;
                edit.note = "writer " + std::to_string(w) + " note " + std::to_string(n);
                if (service.update(bill, id, edit).outcome != app::Outcome::Ok) ++refused;
            }
        });
    }
    for (auto& t : writers) t.join();
    BOOST_CHECK_EQUAL(refused.load(), 0);
    BOOST_CHECK_EQUAL(team.t.scalar("SELECT COUNT(*) FROM journals WHERE issue_id = " + std::to_string(id)),
                      kWriters * kNotes);
    BOOST_CHECK_EQUAL(storage::IssueRepository(team.t.db()).find(id)->lockVersion,
                      static_cast<unsigned>(kWriters * kNotes));
}

BOOST_AUTO_TEST_CASE(repository_update_with_old_lock_version_touches_no_row) {
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "Two editors");
    storage::IssueRepository repo(team.t.db());
    const auto issue = *repo.find(id);
    storage::IssueFields f{issue.trackerId,   issue.statusId, issue.priorityId,        issue.assigneeId,
                           issue.milestoneId, issue.subject,  issue.description,       issue.triageChecklist,
                           false};
    BOOST_CHECK(repo.update(id, 0, f));
    BOOST_CHECK(!repo.update(id, 0, f));
    BOOST_CHECK_EQUAL(repo.find(id)->lockVersion, 1u);
}

BOOST_AUTO_TEST_CASE(private_notes_are_hidden_from_readers_without_the_right) {
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "Invoice question");
    app::IssueEdit edit;
    edit.lockVersion = 0;
    edit.note = "internal: customer is on the old contract";
    edit.privateNote = true;
    BOOST_REQUIRE(app::IssueService(team.t.db(), team.catalog).update(team.actor(team.bill), id, edit).outcome ==
                  app::Outcome::Ok);
    storage::IssueRepository repo(team.t.db());
    BOOST_CHECK_EQUAL(repo.journals(id, true).size(), 1u);
    BOOST_CHECK_EQUAL(repo.journals(id, false).size(), 0u);
}

BOOST_AUTO_TEST_CASE(list_pages_by_keyset_without_gaps_or_repeats) {
    Team team;
    for (int i = 0; i < 7; ++i)
        team.create(team.bill, "psprosupport", "Support", ("issue " + std::to_string(i)).c_str());
    storage::IssueRepository repo(team.t.db());
    domain::IssueQuery q;
    q.limit = 3;
    storage::Visibility v{{team.project("psprosupport")}, std::nullopt};
    std::vector<unsigned> seen;
    auto page = repo.list(q, {team.status("New")}, v);
    BOOST_CHECK(!page.hasPrevious);
    BOOST_REQUIRE(page.total);
    BOOST_CHECK_EQUAL(*page.total, 7);
    for (int guard = 0; guard < 5; ++guard) {
        for (const auto& r : page.rows) seen.push_back(r.id);
        if (!page.hasNext) break;
        q.after = domain::encodeCursor({page.rows.back().sortValue, page.rows.back().id, false});
        page = repo.list(q, {team.status("New")}, v);
        BOOST_CHECK(page.hasPrevious);
    }
    BOOST_REQUIRE_EQUAL(seen.size(), 7u);
    for (size_t i = 1; i < seen.size(); ++i) BOOST_CHECK_GT(seen[i - 1], seen[i]);
    // and back again from the last page
    q.after.reset();
    q.before = domain::encodeCursor({page.rows.front().sortValue, page.rows.front().id, false});
    const auto back = repo.list(q, {team.status("New")}, v);
    BOOST_REQUIRE_EQUAL(back.rows.size(), 3u);
    BOOST_CHECK_EQUAL(back.rows.front().id, seen[3]);
    BOOST_CHECK(back.hasNext);
}

BOOST_AUTO_TEST_CASE(list_by_subject_pages_by_keyset_too) {
    Team team;
    for (const char* s : {"delta", "alpha", "echo", "bravo", "charlie"})
        team.create(team.bill, "psprosupport", "Support", s);
    storage::IssueRepository repo(team.t.db());
    domain::IssueQuery q;
    q.sort = domain::SortKey::Subject;
    q.descending = false;
    q.limit = 2;
    storage::Visibility v{{team.project("psprosupport")}, std::nullopt};
    std::vector<std::string> subjects;
    auto page = repo.list(q, {}, v);
    for (int guard = 0; guard < 5; ++guard) {
        for (const auto& r : page.rows) subjects.push_back(r.subject);
        if (!page.hasNext) break;
        q.after = domain::encodeCursor({page.rows.back().sortValue, page.rows.back().id, false});
        page = repo.list(q, {}, v);
    }
    const std::vector<std::string> expected{"alpha", "bravo", "charlie", "delta", "echo"};
    BOOST_CHECK_EQUAL_COLLECTIONS(subjects.begin(), subjects.end(), expected.begin(), expected.end());
}

BOOST_AUTO_TEST_CASE(issue_with_history_comes_in_order_with_private_notes_marked) {
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "History order");
    app::IssueService service(team.t.db(), team.catalog);
    auto edit = toStatus(team.status("Accepted"), 0, "first");
    edit.assigneeId = app::IdChange::to(team.bill);
    edit.priorityId = team.catalog.priorities.back().id;
    BOOST_REQUIRE(service.update(team.actor(team.bill), id, edit).outcome == app::Outcome::Ok);
    app::IssueEdit secret;
    secret.lockVersion = 1;
    secret.note = "staff only";
    secret.privateNote = true;
    BOOST_REQUIRE(service.update(team.actor(team.bill), id, secret).outcome == app::Outcome::Ok);
    BOOST_REQUIRE(service.update(team.actor(team.bill), id, toStatus(team.status("Closed"), 2, "done")).outcome ==
                  app::Outcome::Ok);

    const auto found = storage::IssueRepository(team.t.db()).findWithHistory(id);
    BOOST_REQUIRE(found);
    BOOST_CHECK_EQUAL(found->issue.subject, "History order");
    BOOST_CHECK_EQUAL(found->issue.statusId, team.status("Closed"));
    BOOST_CHECK(found->issue.closedAt);
    BOOST_REQUIRE_EQUAL(found->journals.size(), 3u);
    BOOST_CHECK_EQUAL(found->journals[0].notes, "first");
    BOOST_CHECK(found->journals[0].id < found->journals[1].id && found->journals[1].id < found->journals[2].id);
    BOOST_REQUIRE_EQUAL(found->journals[0].details.size(), 3u); // status, priority, assignee in that order
    BOOST_CHECK_EQUAL(found->journals[0].details[0].key, "status_id");
    BOOST_CHECK_EQUAL(found->journals[0].details[1].key, "priority_id");
    BOOST_CHECK_EQUAL(found->journals[0].details[2].key, "assigned_to_id");
    BOOST_CHECK(found->journals[1].privateNotes);
    BOOST_CHECK(found->journals[1].details.empty());
    BOOST_CHECK_EQUAL(found->journals[2].notes, "done");
    // an issue without history still comes back
    const unsigned quiet = team.create(team.bill, "psprosupport", "Support", "No history");
    const auto empty = storage::IssueRepository(team.t.db()).findWithHistory(quiet);
    BOOST_REQUIRE(empty);
    BOOST_CHECK(empty->journals.empty());
    BOOST_CHECK(!storage::IssueRepository(team.t.db()).findWithHistory(999999));
}

BOOST_AUTO_TEST_CASE(customer_may_add_a_note_to_their_issue_but_not_change_it) {
    Team team;
    storage::UserRepository users(team.t.db());
    const unsigned carolUser = users.create({"carol", "Carol", "Jensen", "carol@example.org", "", false, true});
    BOOST_REQUIRE(users.addMembership(carolUser, "psprosupport", "Customer"));
    team.catalog = storage::CatalogRepository(team.t.db()).load();
    const auto carolCustomer = users.findById(carolUser)->customerId;
    BOOST_REQUIRE(carolCustomer);
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "Carol's question");
    team.t.db().execute("UPDATE issues SET customer_id = " + std::to_string(*carolCustomer) +
                        " WHERE id = " + std::to_string(id));

    domain::Actor carol;
    carol.userId = carolUser;
    carol.customerId = carolCustomer;
    carol.roles = team.catalog.rolesOf(carolUser);
    app::IssueService service(team.t.db(), team.catalog);
    BOOST_CHECK(service.update(carol, id, toStatus(team.status("Closed"), 0, "please close")).outcome ==
                app::Outcome::Forbidden);
    app::IssueEdit note;
    note.note = "It happens again since this morning.";
    BOOST_REQUIRE(service.update(carol, id, note).outcome == app::Outcome::Ok);
    const auto found = storage::IssueRepository(team.t.db()).findWithHistory(id);
    BOOST_REQUIRE_EQUAL(found->journals.size(), 1u);
    BOOST_CHECK_EQUAL(found->journals[0].userName, "Carol Jensen");
    BOOST_CHECK(!found->journals[0].privateNotes);
    BOOST_CHECK_EQUAL(found->issue.statusId, team.status("New"));
    // another customer's issue stays invisible to her
    const unsigned other = team.create(team.bill, "psprosupport", "Support", "Someone else's");
    BOOST_CHECK(service.update(carol, other, note).outcome == app::Outcome::NotFound);
}

BOOST_AUTO_TEST_CASE(customer_visibility_lists_only_their_own_issues) {
    Team team;
    const unsigned mine = team.create(team.bill, "psprosupport", "Support", "mine");
    team.create(team.bill, "psprosupport", "Support", "someone else's");
    const unsigned carol = static_cast<unsigned>(team.t.db().insertReturningId(
        team.t.db().prepare("INSERT INTO customers (name, email) VALUES ('Carol', 'carol@example.org') RETURNING id")));
    team.t.db().execute("UPDATE issues SET customer_id = " + std::to_string(carol) +
                        " WHERE id = " + std::to_string(mine));
    storage::IssueRepository repo(team.t.db());
    const auto page = repo.list(domain::IssueQuery{}, {}, {{team.project("psprosupport")}, carol});
    BOOST_REQUIRE_EQUAL(page.rows.size(), 1u);
    BOOST_CHECK_EQUAL(page.rows[0].id, mine);
}

BOOST_AUTO_TEST_SUITE_END()
