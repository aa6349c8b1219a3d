// The demo's staff on a fresh database, for integration tests of the use cases.
#pragma once
#include "tests/integration/test_database.hpp"

#include "core/app/issue_service.hpp"
#include "core/storage/catalog_repository.hpp"
#include "core/storage/user_repository.hpp"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

namespace ticketflow::testing {

/// An active administrator (no project roles needed: admins hold every permission).
inline domain::Actor adminActor(unsigned id) {
    domain::Actor a;
    a.userId = id;
    a.staff = true;
    a.admin = true;
    return a;
}

/// The demo's cast on a fresh database: bill (Support), alex (Gatekeeper+Developer),
/// clemens (Developer), mia (Manager).
struct Team {
    TestDatabase t;
    unsigned bill = 0, alex = 0, clemens = 0, mia = 0;
    domain::Catalog catalog;

    Team() {
        storage::UserRepository users(t.db());
        bill = users.create({"bill", "Bill", "Support", "bill@example.com", "", false, false});
        alex = users.create({"alex", "Alex", "Gatekeeper", "alex@example.com", "", false, false});
        clemens = users.create({"clemens", "Clemens", "Developer", "clemens@example.com", "", false, false});
        mia = users.create({"mia", "Mia", "Manager", "mia@example.com", "", false, false});
        BOOST_REQUIRE(users.addMembership(bill, "psprosupport", "Support"));
        BOOST_REQUIRE(users.addMembership(alex, "psprointernal", "Gatekeeper"));
        BOOST_REQUIRE(users.addMembership(alex, "psprointernal", "Developer"));
        BOOST_REQUIRE(users.addMembership(clemens, "psprointernal", "Developer"));
        BOOST_REQUIRE(users.addMembership(mia, "psprosupport", "Manager"));
        catalog = storage::CatalogRepository(t.db()).load();
    }

    domain::Actor actor(unsigned id) const {
        domain::Actor a;
        a.userId = id;
        a.staff = true;
        a.roles = catalog.rolesOf(id);
        return a;
    }
    unsigned project(const char* identifier) const { return catalog.projectByIdentifier(identifier)->id; }
    unsigned status(const char* name) const {
        for (const auto& s : catalog.statuses)
            if (s.name == name) return s.id;
        throw std::runtime_error("no status");
    }
    unsigned tracker(const char* name) const {
        for (const auto& tr : catalog.trackers)
            if (tr.name == name) return tr.id;
        throw std::runtime_error("no tracker");
    }
    unsigned milestone(const char* name) const {
        for (const auto& m : catalog.milestones)
            if (m.name == name) return m.id;
        throw std::runtime_error("no milestone");
    }
    unsigned create(unsigned author, const char* projectId, const char* trackerName, const char* subject) {
        domain::IssueDraft d;
        d.projectId = project(projectId);
        d.trackerId = tracker(trackerName);
        d.subject = subject;
        d.description = "steps to reproduce";
        const auto r = app::IssueService(t.db(), catalog).create(actor(author), d);
        BOOST_REQUIRE_MESSAGE(r.outcome == app::Outcome::Ok, (r.errors.empty() ? "" : r.errors.front()));
        return r.issueId;
    }
    long count(unsigned projectId, const char* statusName) {
        return t.scalar("SELECT COALESCE(SUM(n), 0) FROM issue_counts WHERE project_id = " + std::to_string(projectId) +
                        " AND status_id = " + std::to_string(status(statusName)));
    }
};

} // namespace ticketflow::testing
