// Unit tests of the triage checklist and of the Copy to tracker mapping.
#include <boost/test/unit_test.hpp>

#include "core/domain/copy_mapping.hpp"
#include "core/domain/triage.hpp"

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(domain_triage_copy)

BOOST_AUTO_TEST_CASE(checklist_keeps_known_items_in_display_order_once) {
    BOOST_TEST(normalizeChecklist({"screenshot", "problem", "bogus", "problem"}) == "problem screenshot");
    BOOST_TEST(normalizeChecklist({}) == "");
    BOOST_TEST((parseChecklist("screenshot  problem x") == std::vector<std::string>{"problem", "screenshot"}));
    BOOST_TEST(parseChecklist("").empty());
    BOOST_TEST(describeChecklist("problem reproduction") == "What went wrong, How to reproduce");
    BOOST_TEST(describeChecklist("") == "none");
    BOOST_TEST(triageChecklistItems().size() == 7u);
}

namespace {

Catalog psproCatalog() {
    Catalog c;
    c.trackers = {{1, "Support", 1, std::nullopt}, {2, "FeatureRequests", 1, std::nullopt}, {3, "Bug", 1, std::nullopt},
                  {4, "Task", 1, std::nullopt},    {5, "Feature", 1, std::nullopt}};
    c.projects = {{1, "psprosupport", "PSProSupport", "", true, {1, 2}, "", ""},
                  {2, "psprointernal", "PSProInternal", "", false, {3, 4, 5}, "", ""},
                  {3, "empty", "Empty", "", false, {}, "", ""}};
    return c;
}

} // namespace

BOOST_AUTO_TEST_CASE(copy_maps_support_to_bug_and_feature_requests_to_feature) {
    const Catalog c = psproCatalog();
    BOOST_TEST((suggestedCopyTracker(c, 1, 2) == std::optional<unsigned>(3)));
    BOOST_TEST((suggestedCopyTracker(c, 2, 2) == std::optional<unsigned>(5)));
    // Same name in the target, else its first tracker; nothing for a project without trackers.
    BOOST_TEST((suggestedCopyTracker(c, 4, 2) == std::optional<unsigned>(4)));
    BOOST_TEST((suggestedCopyTracker(c, 3, 1) == std::optional<unsigned>(1)));
    BOOST_TEST(!suggestedCopyTracker(c, 1, 3));
    BOOST_TEST(!suggestedCopyTracker(c, 1, 99));
}

BOOST_AUTO_TEST_CASE(mailed_in_issues_get_the_support_tracker_else_the_first) {
    Catalog c = psproCatalog();
    BOOST_TEST((c.mailTrackerId(1) == std::optional<unsigned>(1)));
    c.projects[0].trackerIds = {2, 1}; // Support need not come first
    BOOST_TEST((c.mailTrackerId(1) == std::optional<unsigned>(1)));
    BOOST_TEST((c.mailTrackerId(2) == std::optional<unsigned>(3))); // no Support tracker: the first
    BOOST_TEST(!c.mailTrackerId(3));                                  // no trackers
    BOOST_TEST(!c.mailTrackerId(99));                                 // no such project
}

BOOST_AUTO_TEST_SUITE_END()
