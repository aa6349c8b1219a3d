// Unit tests of issue relations: stored direction, reading from either side, validation.
#include <boost/test/unit_test.hpp>

#include "core/domain/relation.hpp"

#include <string>
#include <tuple>
#include <vector>

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(domain_relation)

BOOST_AUTO_TEST_CASE(every_type_is_stored_in_its_canonical_direction) {
    // (asked on #5 towards #9) -> (from, to, stored type)
    const std::vector<std::tuple<std::string, unsigned, unsigned, std::string>> rows{
        {"relates", 5, 9, "relates"},      {"duplicates", 5, 9, "duplicates"}, {"duplicated", 9, 5, "duplicates"},
        {"blocks", 5, 9, "blocks"},        {"blocked", 9, 5, "blocks"},        {"precedes", 5, 9, "precedes"},
        {"follows", 9, 5, "precedes"},     {"copied_to", 5, 9, "copied_to"},   {"copied_from", 9, 5, "copied_to"},
    };
    for (const auto& [asked, from, to, stored] : rows) {
        BOOST_TEST_CONTEXT(asked) {
            const auto r = normalizeRelation(5, 9, asked);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->fromId == from);
            BOOST_TEST(r->toId == to);
            BOOST_TEST(r->type == stored);
            // Read back from the issue it was asked on, it is what was asked.
            BOOST_TEST(relationTypeFrom(*r, 5) == asked);
            BOOST_TEST(otherIssue(*r, 5) == 9u);
            BOOST_TEST(otherIssue(*r, 9) == 5u);
        }
    }
    BOOST_TEST(relationTypes().size() == rows.size());
}

BOOST_AUTO_TEST_CASE(unknown_types_self_relations_and_blank_targets_are_refused) {
    BOOST_TEST(!normalizeRelation(1, 2, "loves"));
    BOOST_TEST(!normalizeRelation(1, 2, "Relates"));
    BOOST_TEST(validateRelation(1, 2, "relates").empty());
    BOOST_TEST(validateRelation(1, 2, "loves").size() == 1u);
    BOOST_TEST(validateRelation(3, 3, "relates").front() == "An issue cannot be related to itself.");
    BOOST_TEST(validateRelation(3, 0, "relates").front() == "Related issue cannot be blank.");
    BOOST_TEST(validateRelation(3, 3, "x").size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
