// Administering projects, trackers, statuses, priorities, roles and the workflow on a real
// MariaDB: what is saved, what is refused, and that a refusal changes nothing.
#include "tests/integration/team.hpp"

#include "core/app/reference_data_service.hpp"
#include "core/domain/workflow_matrix.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;
using testing::adminActor;
using testing::Team;

namespace {

std::string firstError(const app::AdminResult& r) {
    return r.errors.empty() ? std::string() : r.errors.front();
}

bool ok(const app::AdminResult& r) {
    BOOST_TEST_INFO(firstError(r));
    return r.outcome == app::Outcome::Ok;
}

bool refused(const app::AdminResult& r, const std::string& word) {
    BOOST_TEST_INFO(firstError(r));
    return r.outcome == app::Outcome::Invalid && firstError(r).find(word) != std::string::npos;
}

/// A fingerprint of the reference tables, to prove a refused write changed nothing.
long setupRows(Team& team) {
    return team.t.scalar(
        "SELECT (SELECT COUNT(*) FROM projects) * 1000000 + (SELECT COUNT(*) FROM project_trackers) * 10000 +"
        " (SELECT COUNT(*) FROM workflow_transitions) * 10 + (SELECT COUNT(*) FROM issue_statuses) +"
        " (SELECT COUNT(*) FROM roles) + (SELECT COUNT(*) FROM trackers) + (SELECT COUNT(*) FROM priorities)");
}

} // namespace

BOOST_AUTO_TEST_SUITE(reference_data)

BOOST_AUTO_TEST_CASE(projects_are_created_with_their_trackers_queue_and_counts) {
    Team team;
    app::ReferenceDataService service(team.t.db());
    domain::ProjectFields f;
    f.identifier = "psmobile";
    f.name = "PSPro Mobile";
    f.customerFacing = true;
    f.supportAddress = "mobile@example.com";
    f.trackerIds = {team.tracker("Bug"), team.tracker("Task"), team.tracker("Bug")};
    const auto made = service.saveProject(adminActor(team.bill), std::nullopt, f);
    BOOST_REQUIRE(ok(made));
    const std::string id = std::to_string(made.id);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM project_trackers WHERE project_id = " + id) == 2);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM issue_counts WHERE project_id = " + id) == 10); // 2 x 5 statuses
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM queries WHERE builtin = 'new_issues' AND filters = 'status_id=1'"
                             " AND project_id = " + id) == 1);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM projects WHERE support_address = 'mobile@example.com'"
                             " AND customer_facing = 1 AND id = " + id) == 1);

    const long before = setupRows(team);
    BOOST_TEST(refused(service.saveProject(adminActor(team.bill), std::nullopt, f), "identifier exists"));
    f.identifier = "other";
    BOOST_TEST((service.saveProject(team.actor(team.bill), std::nullopt, f).outcome == app::Outcome::Forbidden));
    f.trackerIds = {999};
    BOOST_TEST(refused(service.saveProject(adminActor(team.bill), std::nullopt, f), "existing trackers"));
    BOOST_TEST(setupRows(team) == before);

    // Editing: the identifier stays, a tracker is added.
    f.identifier = "renamed";
    f.name = "PSPro Mobile Apps";
    f.trackerIds = {team.tracker("Bug"), team.tracker("Task"), team.tracker("Feature")};
    BOOST_REQUIRE(ok(service.saveProject(adminActor(team.bill), made.id, f)));
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM projects WHERE identifier = 'psmobile' AND name = 'PSPro Mobile Apps'") ==
               1);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM project_trackers WHERE project_id = " + id) == 3);
    BOOST_TEST((service.saveProject(adminActor(team.bill), 999, f).outcome == app::Outcome::NotFound));
}

BOOST_AUTO_TEST_CASE(a_tracker_with_issues_stays_in_its_project) {
    Team team;
    team.create(team.alex, "psprointernal", "Bug", "Crash on start");
    app::ReferenceDataService service(team.t.db());
    domain::ProjectFields f;
    f.name = "PSProInternal";
    f.trackerIds = {team.tracker("Task"), team.tracker("Feature")};
    const long before = setupRows(team);
    BOOST_TEST(refused(service.saveProject(adminActor(team.bill), team.project("psprointernal"), f), "Bug issues"));
    BOOST_TEST(setupRows(team) == before);
    // Trackers with issues, or used by projects, cannot be deleted either.
    BOOST_TEST(refused(service.removeTracker(adminActor(team.bill), team.tracker("Bug")), "in use"));
    BOOST_TEST(refused(service.removeTracker(adminActor(team.bill), team.tracker("Task")), "in use"));
    BOOST_TEST(setupRows(team) == before);
}

BOOST_AUTO_TEST_CASE(trackers_statuses_and_the_new_issues_queue) {
    Team team;
    app::ReferenceDataService service(team.t.db());
    const auto admin = adminActor(team.bill);
    const auto waiting = service.saveStatus(admin, std::nullopt, {"Waiting for triage", 6, false, true});
    BOOST_REQUIRE(ok(waiting));
    const std::string both = "status_id=1|" + std::to_string(waiting.id);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM queries WHERE builtin = 'new_issues' AND filters = '" + both + "'") ==
               2);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM issue_counts WHERE status_id = " + std::to_string(waiting.id)) == 5);

    const auto tracker = service.saveTracker(admin, std::nullopt, {"Incident", 6, waiting.id, 1u});
    BOOST_REQUIRE(ok(tracker));
    BOOST_TEST(refused(service.saveTracker(admin, std::nullopt, {"Incident", 7, waiting.id, std::nullopt}), "exists"));
    BOOST_TEST(refused(service.saveTracker(admin, tracker.id, {"Incident", 6, 999, std::nullopt}), "existing status"));
    BOOST_TEST(refused(service.saveTracker(admin, tracker.id, {"Incident", 6, waiting.id, 999u}), "existing role"));

    // The status is the tracker's default: in use.
    const long before = setupRows(team);
    BOOST_TEST(refused(service.removeStatus(admin, waiting.id), "in use"));
    // New has issues' counts and workflow rules; the refusal keeps its rules (one transaction).
    team.create(team.bill, "psprosupport", "Support", "Printing fails");
    BOOST_TEST(refused(service.removeStatus(admin, team.status("New")), "in use"));
    BOOST_TEST(setupRows(team) == before);

    BOOST_REQUIRE(ok(service.removeTracker(admin, tracker.id)));
    BOOST_REQUIRE(ok(service.removeStatus(admin, waiting.id)));
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM queries WHERE builtin = 'new_issues' AND filters = 'status_id=1'") == 2);
    BOOST_TEST((service.removeStatus(admin, waiting.id).outcome == app::Outcome::NotFound));
    BOOST_TEST(refused(service.saveStatus(admin, team.status("New"), {"New", 1, true, true}), "both new and closed"));
}

BOOST_AUTO_TEST_CASE(one_priority_is_always_the_default) {
    Team team;
    app::ReferenceDataService service(team.t.db());
    const auto admin = adminActor(team.bill);
    const unsigned high = 3, normal = 2;
    BOOST_REQUIRE(ok(service.savePriority(admin, high, {"High", 3, true})));
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM priorities WHERE is_default = 1") == 1);
    BOOST_TEST(team.t.scalar("SELECT is_default FROM priorities WHERE id = 3") == 1);
    BOOST_TEST(refused(service.savePriority(admin, high, {"High", 3, false}), "default"));
    BOOST_TEST(refused(service.removePriority(admin, high), "default"));
    team.catalog = storage::CatalogRepository(team.t.db()).load();
    team.create(team.bill, "psprosupport", "Support", "Slow export"); // gets High now
    BOOST_REQUIRE(ok(service.savePriority(admin, normal, {"Normal", 2, true})));
    BOOST_TEST(refused(service.removePriority(admin, high), "Issues have"));
    const auto blocker = service.savePriority(admin, std::nullopt, {"Blocker", 6, false});
    BOOST_REQUIRE(ok(blocker));
    BOOST_REQUIRE(ok(service.removePriority(admin, blocker.id)));
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM priorities") == 5);
}

BOOST_AUTO_TEST_CASE(roles_and_their_permissions) {
    Team team;
    app::ReferenceDataService service(team.t.db());
    const auto admin = adminActor(team.bill);
    const auto tester = service.saveRole(admin, std::nullopt, {"Tester", 6, {"view_issues", "add_notes"}});
    BOOST_REQUIRE(ok(tester));
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM roles WHERE permissions = 'view_issues add_notes'") == 1);
    BOOST_TEST(refused(service.saveRole(admin, tester.id, {"Tester", 6, {"view_issues", "sudo"}}), "sudo"));
    BOOST_TEST(refused(service.saveRole(admin, tester.id, {"Support", 6, {}}), "exists"));
    const long before = setupRows(team);
    BOOST_TEST(refused(service.removeRole(admin, 1), "in use")); // Support: bill holds it, a tracker names it
    BOOST_TEST(setupRows(team) == before);
    BOOST_REQUIRE(ok(service.removeRole(admin, tester.id)));
    BOOST_TEST((service.removeRole(team.actor(team.alex), 2).outcome == app::Outcome::Forbidden));
}

BOOST_AUTO_TEST_CASE(workflow_matrix_replaces_one_tracker_and_role) {
    Team team;
    app::ReferenceDataService service(team.t.db());
    const auto admin = adminActor(team.bill);
    const unsigned bug = team.tracker("Bug"), developer = 3;
    const auto rulesOf = [&](unsigned tracker, unsigned role) {
        return team.t.scalar("SELECT COUNT(*) FROM workflow_transitions WHERE tracker_id = " + std::to_string(tracker) +
                             " AND role_id = " + std::to_string(role));
    };
    const long taskRules = rulesOf(team.tracker("Task"), developer);
    BOOST_REQUIRE(rulesOf(bug, developer) == 3);
    const std::vector<domain::TransitionRule> rules{{bug, developer, team.status("Seen"), team.status("Closed"),
                                                     true, false, false, false}};
    BOOST_REQUIRE(ok(service.saveWorkflow(admin, bug, developer, rules)));
    BOOST_TEST(rulesOf(bug, developer) == 1);
    BOOST_TEST(team.t.scalar("SELECT note_required FROM workflow_transitions WHERE tracker_id = " + std::to_string(bug) +
                             " AND role_id = 3") == 1);
    BOOST_TEST(rulesOf(team.tracker("Task"), developer) == taskRules);

    const std::vector<domain::TransitionRule> bad{{bug, developer, 999, team.status("Closed"), false, false, false, false}};
    BOOST_TEST(refused(service.saveWorkflow(admin, bug, developer, bad), "status"));
    BOOST_TEST(rulesOf(bug, developer) == 1);
    BOOST_TEST((service.saveWorkflow(admin, 999, developer, {}).outcome == app::Outcome::NotFound));
    BOOST_TEST((service.saveWorkflow(team.actor(team.alex), bug, developer, {}).outcome == app::Outcome::Forbidden));

    // The editor's catalog sees the change: a developer may now close a Seen bug with a note.
    const auto catalog = storage::CatalogRepository(team.t.db()).load();
    domain::Actor dev = team.actor(team.clemens);
    dev.roles = catalog.rolesOf(team.clemens);
    domain::IssueRef issue;
    issue.projectId = team.project("psprointernal");
    issue.trackerId = bug;
    issue.statusId = team.status("Seen");
    BOOST_TEST((catalog.workflow.check(dev, issue, {team.status("Closed"), "", std::nullopt, std::nullopt}) ==
                domain::TransitionError::NoteRequired));
}

BOOST_AUTO_TEST_SUITE_END()
