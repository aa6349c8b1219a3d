// What the REST API relies on, on a real MariaDB: API keys, offset paging with totals, edits
// of tracker/subject/description, deletion with the counts kept right, customer hints.
#include "tests/integration/team.hpp"

#include "core/app/api_keys.hpp"
#include "core/app/auth_service.hpp"
#include "core/app/copy_service.hpp"
#include "core/storage/relation_repository.hpp"
#include "core/storage/issue_repository.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;
using testing::Team;

namespace {

const std::string kSecret(64, 's');

domain::IssueQuery allStatuses(unsigned limit) {
    domain::IssueQuery q;
    q.statusScope = domain::StatusScope::All;
    q.limit = limit;
    return q;
}

} // namespace

BOOST_AUTO_TEST_SUITE(api_support)

BOOST_AUTO_TEST_CASE(api_key_is_stable_stored_as_digest_and_reset_revokes_it) {
    Team team;
    app::ApiKeys keys(team.t.db(), kSecret);
    const auto key = keys.keyOf(team.bill);
    BOOST_REQUIRE(key);
    BOOST_TEST(app::looksLikeApiKey(*key));
    BOOST_TEST(*keys.keyOf(team.bill) == *key);
    BOOST_TEST(keys.userOf(*key)->id == team.bill);
    // Uppercase hex is the same key; anything not shaped like a key is not looked up.
    std::string upper = *key;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    BOOST_TEST(keys.userOf(upper)->id == team.bill);
    BOOST_TEST(!keys.userOf("bill"));
    // The database holds the digest, never the key.
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM users WHERE api_key = '" + app::apiKeyDigest(kSecret, *key) + "'") == 1);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM users WHERE api_key = '" + *key + "'") == 0);

    const std::string fresh = keys.reset(team.bill);
    BOOST_TEST(fresh != *key);
    BOOST_TEST(!keys.userOf(*key));
    BOOST_TEST(keys.userOf(fresh)->id == team.bill);
    BOOST_TEST(!keys.keyOf(999999));
}

BOOST_AUTO_TEST_CASE(a_new_server_secret_invalidates_keys_and_issues_new_ones) {
    Team team;
    const auto old = *app::ApiKeys(team.t.db(), kSecret).keyOf(team.alex);
    const std::string otherSecret(64, 'o');
    app::ApiKeys rotated(team.t.db(), otherSecret);
    BOOST_TEST(!rotated.userOf(old));
    const auto renewed = *rotated.keyOf(team.alex);
    BOOST_TEST(renewed != old);
    BOOST_TEST(rotated.userOf(renewed)->id == team.alex);
}

BOOST_AUTO_TEST_CASE(api_key_authenticates_active_users_only) {
    Team team;
    const auto key = *app::ApiKeys(team.t.db(), kSecret).keyOf(team.clemens);
    app::AuthService auth(team.t.db(), 12);
    const auto actor = auth.byApiKey(key, kSecret, team.catalog);
    BOOST_REQUIRE(actor);
    BOOST_TEST(actor->userId == team.clemens);
    BOOST_TEST(actor->staff);
    BOOST_TEST(!actor->roles.empty());
    team.t.db().execute("UPDATE users SET status = 'locked' WHERE login = 'clemens'");
    BOOST_TEST(!auth.byApiKey(key, kSecret, team.catalog));
}

BOOST_AUTO_TEST_CASE(offset_pages_carry_the_total_with_and_without_the_counts_table) {
    Team team;
    for (int i = 0; i < 7; ++i) team.create(team.bill, "psprosupport", "Support", ("Issue " + std::to_string(i)).c_str());
    storage::IssueRepository repo(team.t.db());
    storage::Visibility everything;
    everything.projectIds = {team.project("psprosupport"), team.project("psprointernal")};

    const auto first = repo.listAt(allStatuses(3), {}, everything, 0);
    BOOST_TEST(first.total == 7);
    BOOST_TEST(first.issues.size() == 3u);
    const auto last = repo.listAt(allStatuses(3), {}, everything, 6);
    BOOST_TEST(last.total == 7);
    BOOST_TEST(last.issues.size() == 1u);
    BOOST_TEST(last.issues.front().id < first.issues.back().id);
    const auto beyond = repo.listAt(allStatuses(3), {}, everything, 50);
    BOOST_TEST(beyond.issues.empty());
    BOOST_TEST(beyond.total == 7);

    // An assignee filter is counted from the issues themselves.
    app::IssueService service(team.t.db(), team.catalog);
    app::IssueEdit assign;
    assign.assigneeId = app::IdChange::to(team.bill);
    BOOST_REQUIRE(service.update(team.actor(team.bill), first.issues.front().id, assign).outcome == app::Outcome::Ok);
    auto mine = allStatuses(25);
    mine.assigneeIds = {team.bill};
    const auto assigned = repo.listAt(mine, {}, everything, 0);
    BOOST_TEST(assigned.total == 1);
    BOOST_TEST(repo.count(mine, {}, everything) == 1);
}

BOOST_AUTO_TEST_CASE(subject_description_and_tracker_change_in_one_journal_with_counts_moved) {
    Team team;
    const unsigned id = team.create(team.alex, "psprointernal", "Bug", "Crash on save");
    app::IssueService service(team.t.db(), team.catalog);
    app::IssueEdit edit;
    edit.trackerId = team.tracker("Task");
    edit.subject = "  Crash on save of large files ";
    edit.description = "new steps";
    const auto r = service.update(team.actor(team.alex), id, edit);
    BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));

    storage::IssueRepository repo(team.t.db());
    const auto issue = *repo.find(id);
    BOOST_TEST(issue.subject == "Crash on save of large files");
    BOOST_TEST(issue.trackerId == team.tracker("Task"));
    const auto journals = repo.journals(id, true);
    BOOST_REQUIRE(journals.size() == 1u);
    std::vector<std::string> keys;
    for (const auto& d : journals.front().details) keys.push_back(d.key);
    BOOST_TEST((keys == std::vector<std::string>{"tracker_id", "subject", "description"}));
    const auto bugs = team.t.scalar("SELECT COALESCE(SUM(n), 0) FROM issue_counts WHERE tracker_id = " +
                                    std::to_string(team.tracker("Bug")) + " AND status_id = " +
                                    std::to_string(team.status("New")) + " AND project_id = " +
                                    std::to_string(team.project("psprointernal")));
    const auto tasks = team.t.scalar("SELECT COALESCE(SUM(n), 0) FROM issue_counts WHERE tracker_id = " +
                                     std::to_string(team.tracker("Task")) + " AND status_id = " +
                                     std::to_string(team.status("New")) + " AND project_id = " +
                                     std::to_string(team.project("psprointernal")));
    BOOST_TEST(bugs == 0);
    BOOST_TEST(tasks == 1);

    // A tracker of another project and a blank subject are refused; nothing changes.
    app::IssueEdit bad;
    bad.lockVersion = issue.lockVersion;
    bad.trackerId = team.tracker("Support");
    bad.subject = " ";
    const auto refused = service.update(team.actor(team.alex), id, bad);
    BOOST_TEST((refused.outcome == app::Outcome::Invalid));
    BOOST_TEST(refused.errors.size() == 2u);
    BOOST_TEST(repo.find(id)->lockVersion == issue.lockVersion);
}

BOOST_AUTO_TEST_CASE(moving_an_issue_into_the_support_tracker_rechecks_its_assignee) {
    Team team;
    // bill is Support in psprosupport; the FeatureRequests tracker has no assignable role.
    team.t.db().execute("INSERT INTO memberships (user_id, project_id, role_id) SELECT u.id, 1, 3 FROM users u"
                        " WHERE u.login = 'clemens'");
    team.catalog = storage::CatalogRepository(team.t.db()).load();
    const unsigned id = team.create(team.bill, "psprosupport", "FeatureRequests", "Dark mode");
    app::IssueService service(team.t.db(), team.catalog);
    app::IssueEdit assign;
    assign.assigneeId = app::IdChange::to(team.clemens);
    BOOST_REQUIRE(service.update(team.actor(team.bill), id, assign).outcome == app::Outcome::Ok);
    app::IssueEdit move;
    move.lockVersion = 1;
    move.trackerId = team.tracker("Support");
    const auto r = service.update(team.actor(team.bill), id, move);
    BOOST_TEST((r.outcome == app::Outcome::Invalid));
    BOOST_TEST(r.errors.front().find("Assignee") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(delete_needs_the_permission_and_keeps_the_counts_right) {
    Team team;
    const unsigned id = team.create(team.bill, "psprosupport", "Support", "Spam");
    app::IssueService service(team.t.db(), team.catalog);
    BOOST_TEST((service.destroy(team.actor(team.bill), id) == app::Outcome::Forbidden));
    BOOST_TEST(team.count(team.project("psprosupport"), "New") == 1);
    domain::Actor admin;
    admin.userId = team.bill;
    admin.staff = true;
    admin.admin = true;
    BOOST_TEST((service.destroy(admin, id) == app::Outcome::Ok));
    BOOST_TEST(team.count(team.project("psprosupport"), "New") == 0);
    BOOST_TEST((service.destroy(admin, id) == app::Outcome::NotFound));
}

BOOST_AUTO_TEST_CASE(a_customers_priority_and_assignee_become_hints) {
    Team team;
    storage::UserRepository users(team.t.db());
    const unsigned carol =
        users.create({"carol", "Carol", "Customer", "carol@customer.example", "", false, true});
    BOOST_REQUIRE(users.addMembership(carol, "psprosupport", "Customer"));
    team.catalog = storage::CatalogRepository(team.t.db()).load();
    domain::Actor customer;
    customer.userId = carol;
    customer.customerId = users.findById(carol)->customerId;
    customer.roles = team.catalog.rolesOf(carol);

    domain::IssueDraft d;
    d.projectId = team.project("psprosupport");
    d.trackerId = team.tracker("Support");
    d.subject = "Please hurry";
    d.priorityId = 5;
    d.assigneeId = team.clemens;
    const auto r = app::IssueService(team.t.db(), team.catalog).create(customer, d);
    BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));
    const auto issue = *storage::IssueRepository(team.t.db()).find(r.issueId);
    BOOST_TEST(issue.priorityId == *team.catalog.defaultPriorityId());
    BOOST_TEST(!issue.assigneeId);
    BOOST_TEST((issue.hintPriorityId == std::optional<unsigned>(5)));
    BOOST_TEST((issue.hintAssigneeId == std::optional<unsigned>(team.clemens)));
    BOOST_TEST((issue.customerId == customer.customerId));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(copy_and_triage)

BOOST_AUTO_TEST_CASE(copy_makes_a_linked_internal_issue_without_the_customer_in_one_step) {
    Team team;
    BOOST_REQUIRE(storage::UserRepository(team.t.db()).addMembership(team.bill, "psprointernal", "Support"));
    team.catalog = storage::CatalogRepository(team.t.db()).load();
    const unsigned source = team.create(team.bill, "psprosupport", "Support", "Crash on export");
    team.t.db().execute("UPDATE issues SET hint_priority_id = 5, customer_id = NULL WHERE id = " + std::to_string(source));
    const auto r = app::CopyService(team.t.db(), team.catalog)
                       .copy(team.actor(team.bill), source, team.project("psprointernal"), team.tracker("Bug"));
    BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));
    storage::IssueRepository repo(team.t.db());
    const auto copy = *repo.find(r.issueId);
    BOOST_TEST(copy.subject == "Crash on export");
    BOOST_TEST(copy.description == "steps to reproduce");
    BOOST_TEST((copy.authorId == std::optional<unsigned>(team.bill)));
    BOOST_TEST(!copy.hintPriorityId);
    BOOST_TEST(copy.statusId == team.status("New"));
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM watchers WHERE issue_id = " + std::to_string(r.issueId)) == 1);
    const auto links = storage::RelationRepository(team.t.db()).forIssue(source);
    BOOST_REQUIRE(links.size() == 1u);
    BOOST_TEST(links.front().type == "copied_to");
    BOOST_TEST(links.front().toId == r.issueId);
    // Journaled on both sides, read from each side.
    BOOST_TEST(repo.journals(source, true).back().details.front().key == "copied_to");
    BOOST_TEST(repo.journals(r.issueId, true).back().details.front().key == "copied_from");
    BOOST_TEST(team.count(team.project("psprointernal"), "New") == 1);
}

BOOST_AUTO_TEST_CASE(copy_is_refused_without_copy_permission_or_to_a_foreign_tracker) {
    Team team;
    const unsigned source = team.create(team.bill, "psprosupport", "Support", "Question");
    app::CopyService copies(team.t.db(), team.catalog);
    // mia (Manager) may see but not copy; bill may not add to the internal project.
    BOOST_TEST((copies.copy(team.actor(team.mia), source, team.project("psprointernal"), team.tracker("Bug")).outcome ==
                app::Outcome::Forbidden));
    BOOST_TEST((copies.copy(team.actor(team.bill), source, team.project("psprointernal"), team.tracker("Bug")).outcome ==
                app::Outcome::Forbidden));
    BOOST_TEST((copies.copy(team.actor(team.clemens), source, team.project("psprointernal"), team.tracker("Bug"))
                    .outcome == app::Outcome::NotFound));
    BOOST_REQUIRE(storage::UserRepository(team.t.db()).addMembership(team.bill, "psprointernal", "Support"));
    team.catalog = storage::CatalogRepository(team.t.db()).load();
    BOOST_TEST((app::CopyService(team.t.db(), team.catalog)
                    .copy(team.actor(team.bill), source, team.project("psprointernal"), team.tracker("Support"))
                    .outcome == app::Outcome::Invalid));
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM issues") == 1);
}

BOOST_AUTO_TEST_CASE(only_gatekeepers_tick_the_checklist_and_it_is_journaled) {
    Team team;
    const unsigned id = team.create(team.alex, "psprointernal", "Bug", "Crash");
    app::IssueService service(team.t.db(), team.catalog);
    app::IssueEdit tick;
    tick.triageChecklist = std::vector<std::string>{"screenshot", "problem"};
    BOOST_TEST((service.update(team.actor(team.clemens), id, tick).outcome == app::Outcome::Forbidden));
    BOOST_REQUIRE(service.update(team.actor(team.alex), id, tick).outcome == app::Outcome::Ok);
    storage::IssueRepository repo(team.t.db());
    BOOST_TEST(repo.find(id)->triageChecklist == "problem screenshot");
    const auto detail = repo.journals(id, true).back().details.front();
    BOOST_TEST(detail.property == "checklist");
    BOOST_TEST(*detail.value == "problem screenshot");
    // The same boxes again change nothing.
    tick.lockVersion = 1;
    BOOST_TEST(service.update(team.actor(team.alex), id, tick).unchanged);
}

BOOST_AUTO_TEST_SUITE_END()
