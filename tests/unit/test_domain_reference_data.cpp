// Unit tests of what an administrator may enter for projects, trackers, statuses, priorities,
// roles, and of the workflow editor's matrix.
#include <boost/test/unit_test.hpp>

#include "core/domain/reference_data_rules.hpp"
#include "core/domain/workflow_matrix.hpp"

#include <set>

using namespace ticketflow::domain;

namespace {

ProjectFields goodProject() {
    ProjectFields f;
    f.identifier = "pspro-mobile_2";
    f.name = "PSPro Mobile";
    f.supportAddress = "mobile@example.com";
    f.position = 3;
    f.trackerIds = {1};
    return f;
}

bool mentions(const std::vector<std::string>& errors, const std::string& word) {
    for (const auto& e : errors)
        if (e.find(word) != std::string::npos) return true;
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_reference_data)

BOOST_AUTO_TEST_CASE(project_identifiers_follow_redmine) {
    for (const char* ok : {"a", "psprosupport", "pspro-mobile", "x_1", "abc123"}) {
        BOOST_TEST_CONTEXT(ok) { BOOST_TEST(isValidProjectIdentifier(ok)); }
    }
    for (const std::string& bad : std::vector<std::string>{"", "new", "1abc", "-a", "Upper", "with space", "ü", "a/b",
                                                           std::string(65, 'a')}) {
        BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!isValidProjectIdentifier(bad)); }
    }
}

BOOST_AUTO_TEST_CASE(project_fields) {
    BOOST_TEST(validateProjectFields(goodProject(), true).empty());
    auto f = goodProject();
    f.identifier = "Bad Id";
    BOOST_TEST(mentions(validateProjectFields(f, true), "Identifier"));
    BOOST_TEST(validateProjectFields(f, false).empty()); // fixed once created: not checked on edit
    f = goodProject();
    f.name = "  ";
    BOOST_TEST(mentions(validateProjectFields(f, true), "Name"));
    f = goodProject();
    f.supportAddress = "not an address";
    BOOST_TEST(mentions(validateProjectFields(f, true), "Support address"));
    f = goodProject();
    f.catchallAddress = "x@";
    BOOST_TEST(mentions(validateProjectFields(f, true), "Catch-all"));
    f = goodProject();
    f.trackerIds.clear();
    BOOST_TEST(mentions(validateProjectFields(f, true), "tracker"));
    f = goodProject();
    f.position = -1; // what a non-number in the form becomes
    BOOST_TEST(mentions(validateProjectFields(f, true), "Position"));
    f = goodProject();
    f.description = "\xff\xfe";
    BOOST_TEST(mentions(validateProjectFields(f, true), "Description"));
}

BOOST_AUTO_TEST_CASE(enumeration_fields) {
    BOOST_TEST(validateTrackerFields({"Bug", 1, 1, std::nullopt}).empty());
    BOOST_TEST(mentions(validateTrackerFields({"Bug", 1, 0, std::nullopt}), "default status"));
    BOOST_TEST(mentions(validateTrackerFields({"Bug\nTwo", 1, 1, 2u}), "Name"));
    BOOST_TEST(validateStatusFields({"Waiting", 6, false, false}).empty());
    BOOST_TEST(mentions(validateStatusFields({"Odd", 6, true, true}), "both new and closed"));
    BOOST_TEST(mentions(validateStatusFields({std::string(65, 's'), 6, false, false}), "Name"));
    BOOST_TEST(validatePriorityFields({"Blocker", 6, false}).empty());
    BOOST_TEST(mentions(validatePriorityFields({"", 6, false}), "Name"));
    BOOST_TEST(mentions(validatePriorityFields({"P", 100001, false}), "Position"));
    BOOST_TEST(validateRoleFields({"Tester", 6, {"view_issues", "add_notes"}}).empty());
    BOOST_TEST(mentions(validateRoleFields({"Tester", 6, {"view_issues", "drop_tables"}}), "drop_tables"));
}

BOOST_AUTO_TEST_CASE(matrix_form_becomes_rules) {
    const std::set<std::string> form{
        matrixFieldName(CellFlag::Allowed, 1, 2),   matrixFieldName(CellFlag::AssigneeRequired, 1, 2),
        matrixFieldName(CellFlag::MilestoneRequired, 1, 2), matrixFieldName(CellFlag::Allowed, 2, 3),
        matrixFieldName(CellFlag::AssigneeOnly, 2, 3),
        // a condition without "allowed" is dropped, and so is a diagonal cell
        matrixFieldName(CellFlag::NoteRequired, 3, 1), matrixFieldName(CellFlag::Allowed, 3, 3),
    };
    const auto rules = rulesFromMatrix(7, 9, {1, 2, 3}, [&](const std::string& n) { return form.count(n) > 0; });
    BOOST_REQUIRE(rules.size() == 2u);
    TransitionRule seen{7, 9, 1, 2, false, true, true, false};
    TransitionRule accept{7, 9, 2, 3, false, false, false, true};
    BOOST_TEST((rules[0] == seen));
    BOOST_TEST((rules[1] == accept));
    BOOST_TEST(matrixFieldName(CellFlag::NoteRequired, 4, 12) == "note_4_12");
    BOOST_TEST(hasFlag(accept, CellFlag::AssigneeOnly));
    BOOST_TEST(!hasFlag(accept, CellFlag::NoteRequired));
}

BOOST_AUTO_TEST_SUITE_END()
