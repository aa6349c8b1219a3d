// Milestones on a real MariaDB: gatekeepers create, edit and delete them (others may not),
// names are unique per project, a milestone in use is not deleted, and the load counts only
// the issues the reader may list.
#include "tests/integration/team.hpp"

#include "core/app/milestone_service.hpp"
#include "core/domain/issue_access.hpp"
#include "core/storage/milestone_repository.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow;

namespace {

struct Roadmap : testing::Team {
    app::MilestoneService service{t.db(), catalog};
    storage::MilestoneRepository repo{t.db()};
    unsigned internal = project("psprointernal");

    long milestoneCount() { return t.scalar("SELECT COUNT(*) FROM milestones"); }

    domain::MilestoneFields fields(const char* name, const char* due = "", const char* status = "open") {
        domain::MilestoneFields f;
        f.name = name;
        f.dueDate = due;
        f.status = status;
        return f;
    }

    domain::ListScope scopeOf(unsigned userId) {
        std::vector<unsigned> ids;
        for (const auto& p : catalog.projects) ids.push_back(p.id);
        return domain::listScope(actor(userId), ids);
    }

    void assign(unsigned issueId, unsigned milestoneId, const char* statusName, std::optional<unsigned> assignee) {
        t.db().execute("UPDATE issues SET milestone_id = " + std::to_string(milestoneId) +
                       ", status_id = " + std::to_string(status(statusName)) +
                       ", assigned_to_id = " + (assignee ? std::to_string(*assignee) : std::string("NULL")) +
                       " WHERE id = " + std::to_string(issueId));
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(milestones)

BOOST_FIXTURE_TEST_CASE(gatekeeper_creates_a_milestone_that_the_roadmap_lists, Roadmap) {
    const auto r = service.create(actor(alex), internal, fields("  2.3.0 ", "2027-03-31"));
    BOOST_REQUIRE(r.outcome == app::Outcome::Ok);
    const auto row = repo.find(r.milestoneId);
    BOOST_REQUIRE(row);
    BOOST_TEST(row->fields.name == "2.3.0");
    BOOST_TEST(row->fields.dueDate == "2027-03-31");
    BOOST_TEST(row->fields.status == "open");
    bool listed = false;
    for (const auto& m : repo.ofProject(internal)) listed = listed || m.id == r.milestoneId;
    BOOST_TEST(listed);
}

BOOST_FIXTURE_TEST_CASE(developers_and_support_may_not_manage_milestones, Roadmap) {
    const long before = milestoneCount();
    BOOST_TEST((service.create(actor(clemens), internal, fields("2.4.0")).outcome == app::Outcome::Forbidden));
    BOOST_TEST((service.create(actor(bill), internal, fields("2.4.0")).outcome == app::Outcome::Forbidden));
    BOOST_TEST(
        (service.update(actor(clemens), milestone("2.2.0"), fields("2.2.1")).outcome == app::Outcome::Forbidden));
    BOOST_TEST((service.remove(actor(clemens), milestone("ToDoList")).outcome == app::Outcome::Forbidden));
    BOOST_TEST(milestoneCount() == before);
    BOOST_TEST(repo.find(milestone("2.2.0"))->fields.name == "2.2.0");
}

BOOST_FIXTURE_TEST_CASE(a_name_used_in_the_project_is_refused_whatever_its_case, Roadmap) {
    const long before = milestoneCount();
    const auto r = service.create(actor(alex), internal, fields("todolist"));
    BOOST_TEST((r.outcome == app::Outcome::Invalid));
    BOOST_REQUIRE(!r.errors.empty());
    BOOST_TEST(r.errors.front().find("already been taken") != std::string::npos);
    BOOST_TEST(milestoneCount() == before);
    // Renaming onto another milestone's name is refused too; keeping one's own name is fine.
    BOOST_TEST((service.update(actor(alex), milestone("2.2.0"), fields("2.1.1")).outcome == app::Outcome::Invalid));
    BOOST_TEST((service.update(actor(alex), milestone("2.2.0"), fields("2.2.0", "2027-01-15", "locked")).outcome ==
                app::Outcome::Ok));
    const auto row = repo.find(milestone("2.2.0"));
    BOOST_TEST(row->fields.status == "locked");
    BOOST_TEST(row->fields.dueDate == "2027-01-15");
}

BOOST_FIXTURE_TEST_CASE(a_bad_date_changes_nothing, Roadmap) {
    const auto before = repo.find(milestone("2.2.0"));
    const auto r = service.update(actor(alex), milestone("2.2.0"), fields("2.2.0-renamed", "2027-02-30"));
    BOOST_TEST((r.outcome == app::Outcome::Invalid));
    const auto after = repo.find(milestone("2.2.0"));
    BOOST_TEST(after->fields.name == before->fields.name);
    BOOST_TEST(after->fields.dueDate == before->fields.dueDate);
}

BOOST_FIXTURE_TEST_CASE(a_milestone_in_use_is_not_deleted_and_an_unused_one_is, Roadmap) {
    const unsigned used = milestone("2.1.1");
    assign(create(alex, "psprointernal", "Bug", "crash on save"), used, "Seen", clemens);
    const auto refused = service.remove(actor(alex), used);
    BOOST_TEST((refused.outcome == app::Outcome::Conflict));
    BOOST_REQUIRE(!refused.errors.empty());
    BOOST_TEST(refused.errors.front().find("1 issue uses it") != std::string::npos);
    BOOST_TEST(repo.find(used).has_value());

    const auto spare = service.create(actor(alex), internal, fields("2.9.9"));
    BOOST_REQUIRE(spare.outcome == app::Outcome::Ok);
    BOOST_TEST((service.remove(actor(alex), spare.milestoneId).outcome == app::Outcome::Ok));
    BOOST_TEST(!repo.find(spare.milestoneId).has_value());
    BOOST_TEST((service.remove(actor(alex), spare.milestoneId).outcome == app::Outcome::NotFound));
}

BOOST_FIXTURE_TEST_CASE(load_counts_issues_by_status_and_assignee_for_readers_only, Roadmap) {
    const unsigned m = milestone("2.2.0");
    assign(create(alex, "psprointernal", "Bug", "one"), m, "Seen", clemens);
    assign(create(alex, "psprointernal", "Bug", "two"), m, "Accepted", clemens);
    assign(create(alex, "psprointernal", "Task", "three"), m, "Closed", alex);
    assign(create(alex, "psprointernal", "Task", "four"), m, "Seen", std::nullopt);
    create(alex, "psprointernal", "Task", "not in the milestone");

    const auto row = *repo.find(m);
    const auto load = service.load(row, scopeOf(alex));
    BOOST_TEST(load.all.open == 3);
    BOOST_TEST(load.all.closed == 1);
    BOOST_TEST(load.byStatus.size() == 3u);
    BOOST_REQUIRE(!load.byAssignee.empty());
    // Most open issues first: clemens with two.
    BOOST_TEST(load.byAssignee.front().first.value_or(0) == clemens);
    BOOST_TEST(load.byAssignee.front().second.open == 2);
    bool unassigned = false;
    for (const auto& [who, counts] : load.byAssignee) unassigned = unassigned || (!who && counts.open == 1);
    BOOST_TEST(unassigned);

    const auto progress = service.progress(internal, scopeOf(alex));
    BOOST_TEST(progress.at(m).open == 3);
    BOOST_TEST(progress.at(m).closed == 1);

    // bill is not in the internal project: nothing of it is counted for him.
    BOOST_TEST(service.load(row, scopeOf(bill)).all.total() == 0);
    BOOST_TEST(service.progress(internal, scopeOf(bill)).empty());
}

BOOST_AUTO_TEST_SUITE_END()
