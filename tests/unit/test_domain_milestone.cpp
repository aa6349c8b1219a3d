// Milestone rules: field validation (name, description, due date, status), who may manage
// milestones, overdue and progress arithmetic.
#include "core/domain/milestone.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::domain;

namespace {

MilestoneFields fields(std::string name, std::string due = "", std::string status = "open") {
    MilestoneFields f;
    f.name = std::move(name);
    f.dueDate = std::move(due);
    f.status = std::move(status);
    return f;
}

bool hasErrorAbout(const std::vector<std::string>& errors, const std::string& word) {
    for (const auto& e : errors)
        if (e.find(word) != std::string::npos) return true;
    return false;
}

Actor staffWith(const char* permissions, unsigned projectId) {
    Actor a;
    a.userId = 5;
    a.staff = true;
    a.roles[projectId] = {Role{3, "Gatekeeper", PermissionSet::parse(permissions)}};
    return a;
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_milestone)

BOOST_AUTO_TEST_CASE(a_named_dated_open_milestone_is_valid) {
    BOOST_TEST(milestoneErrors(fields("2.3.0", "2027-03-31")).empty());
    BOOST_TEST(milestoneErrors(fields("ToDoList", "", "locked")).empty());
}

BOOST_AUTO_TEST_CASE(blank_name_is_refused_after_trimming) {
    const auto f = normalizedMilestone(fields("   "));
    BOOST_TEST(f.name.empty());
    BOOST_TEST(hasErrorAbout(milestoneErrors(f), "Name cannot be blank"));
}

BOOST_AUTO_TEST_CASE(name_of_sixty_characters_passes_and_sixty_one_is_too_long) {
    BOOST_TEST(milestoneErrors(fields(std::string(60, 'x'))).empty());
    BOOST_TEST(hasErrorAbout(milestoneErrors(fields(std::string(61, 'x'))), "too long"));
    // Characters, not bytes: 60 umlauts are 120 bytes and still fine.
    std::string umlauts;
    for (int i = 0; i < 60; ++i) umlauts += "\xC3\xA4";
    BOOST_TEST(milestoneErrors(fields(umlauts)).empty());
}

BOOST_AUTO_TEST_CASE(name_with_control_characters_or_broken_utf8_is_refused) {
    BOOST_TEST(!milestoneErrors(fields("2.3\n0")).empty());
    BOOST_TEST(!milestoneErrors(fields("2.3\xC3")).empty());
}

BOOST_AUTO_TEST_CASE(description_longer_than_the_column_is_refused) {
    MilestoneFields f = fields("2.3.0");
    f.description = std::string(255, 'd');
    BOOST_TEST(milestoneErrors(f).empty());
    f.description += "d";
    BOOST_TEST(hasErrorAbout(milestoneErrors(f), "Description is too long"));
}

BOOST_AUTO_TEST_CASE(due_date_must_be_a_real_iso_date) {
    for (const char* bad : {"2027-13-01", "2027-02-30", "2026-02-29", "27-01-01", "2027/01/01", "2027-1-1", "tomorrow",
                            "2027-01-01x", "0999-01-01", "2027-00-10", "2027-04-31"}) {
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(!isIsoDate(bad));
            BOOST_TEST(hasErrorAbout(milestoneErrors(fields("m", bad)), "Due date"));
        }
    }
    for (const char* good : {"2028-02-29", "2000-02-29", "2027-12-31", "2027-01-01"}) {
        BOOST_TEST_CONTEXT(good) {
            BOOST_TEST(isIsoDate(good));
        }
    }
    BOOST_TEST(!isIsoDate("1900-02-29")); // not a leap year
}

BOOST_AUTO_TEST_CASE(status_must_be_open_locked_or_closed) {
    BOOST_TEST(hasErrorAbout(milestoneErrors(fields("m", "", "done")), "Status"));
    BOOST_TEST(normalizedMilestone(fields("m", "", "")).status == "open");
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_at_once) {
    BOOST_TEST(milestoneErrors(fields("", "2027-02-30", "x")).size() == 3u);
}

BOOST_AUTO_TEST_CASE(only_holders_of_manage_milestones_in_the_project_may_manage) {
    constexpr unsigned kInternal = 2, kSupport = 1;
    const Actor gatekeeper = staffWith("view_issues manage_milestones", kInternal);
    BOOST_TEST(canManageMilestones(gatekeeper, kInternal));
    BOOST_TEST(!canManageMilestones(gatekeeper, kSupport));
    BOOST_TEST(!canManageMilestones(staffWith("view_issues edit_issues", kInternal), kInternal));
    Actor locked = gatekeeper;
    locked.locked = true;
    BOOST_TEST(!canManageMilestones(locked, kInternal));
    Actor customer = gatekeeper;
    customer.staff = false;
    customer.customerId = 9;
    BOOST_TEST(!canManageMilestones(customer, kInternal));
    Actor admin;
    admin.userId = 1;
    admin.staff = true;
    admin.admin = true;
    BOOST_TEST(canManageMilestones(admin, kSupport));
    BOOST_TEST(!canManageMilestones(Actor{}, kInternal));
}

BOOST_AUTO_TEST_CASE(overdue_means_past_due_with_open_issues) {
    BOOST_TEST(isOverdue("2026-11-25", "2026-11-26", 1));
    BOOST_TEST(!isOverdue("2026-11-26", "2026-11-26", 1)); // due today is not late yet
    BOOST_TEST(!isOverdue("2026-11-25", "2026-11-26", 0));
    BOOST_TEST(!isOverdue("", "2026-11-26", 5));
}

BOOST_AUTO_TEST_CASE(percent_done_rounds_down_and_bars_never_vanish) {
    BOOST_TEST(percentDone(0, 0) == 0);
    BOOST_TEST(percentDone(1, 2) == 66);
    BOOST_TEST(percentDone(1, 999) == 99);
    BOOST_TEST(percentDone(0, 3) == 100);
    BOOST_TEST(barPercent(0, 10) == 0);
    BOOST_TEST(barPercent(1, 1000) == 1);
    BOOST_TEST(barPercent(10, 10) == 100);
}

BOOST_AUTO_TEST_SUITE_END()
