// Splitting a batch of mail between processing lanes: what depends on order shares a lane.
#include "core/domain/mail_lanes.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

using ticketflow::domain::assignMailLanes;
using ticketflow::domain::MailLaneKey;

BOOST_AUTO_TEST_SUITE(mail_lanes)

BOOST_AUTO_TEST_CASE(one_senders_messages_share_a_lane_and_senders_are_spread) {
    const std::vector<MailLaneKey> keys{{"a@x", "1"}, {"b@x", "2"}, {"a@x", "3"}, {"c@x", "4"}, {"b@x", "5"}, {"d@x", "6"}};
    const auto lane = assignMailLanes(keys, 2);
    BOOST_REQUIRE(lane.size() == keys.size());
    BOOST_TEST(lane[0] == lane[2]); // a
    BOOST_TEST(lane[1] == lane[4]); // b
    BOOST_TEST(lane[0] != lane[1]); // a (2 messages) and b (2) go to different lanes
    // c and d (one each) fill the lanes up evenly: 3 messages per lane.
    const auto inLane0 = std::count(lane.begin(), lane.end(), std::size_t{0});
    BOOST_TEST(inLane0 == 3);
}

BOOST_AUTO_TEST_CASE(copies_of_a_message_id_join_their_senders_lanes) {
    // b's message carries the Message-ID of a's first one: a and b must be in one lane, and
    // through b's second message also c's (same sender as nothing else, but shares id "9").
    const std::vector<MailLaneKey> keys{{"a@x", "1"}, {"b@x", "1"}, {"b@x", "9"}, {"c@x", "9"}, {"d@x", "7"}};
    const auto lane = assignMailLanes(keys, 4);
    BOOST_TEST(lane[0] == lane[1]);
    BOOST_TEST(lane[1] == lane[2]);
    BOOST_TEST(lane[2] == lane[3]);
    BOOST_TEST(lane[4] != lane[0]);
}

BOOST_AUTO_TEST_CASE(empty_message_ids_join_nothing_and_lanes_are_bounded) {
    const std::vector<MailLaneKey> keys{{"a@x", ""}, {"b@x", ""}, {"c@x", ""}};
    const auto lane = assignMailLanes(keys, 8);
    BOOST_TEST(std::set<std::size_t>(lane.begin(), lane.end()).size() == 3u);
    for (auto l : lane) BOOST_TEST(l < 8u);
    for (auto l : assignMailLanes(keys, 0)) BOOST_TEST(l == 0u); // 0 lanes counts as one
    BOOST_TEST(assignMailLanes({}, 2).empty());
}

BOOST_AUTO_TEST_SUITE_END()
