// The request and answer lines between `ticketflow-mail deliver` and the poller.
#include "mail/deliver_protocol.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::mail_tool::deliver_protocol;

BOOST_AUTO_TEST_SUITE(deliver_protocol)

BOOST_AUTO_TEST_CASE(a_request_header_reads_back) {
    const std::string header = requestHeader("support", 1234);
    BOOST_TEST(header == "DELIVER support 1234\n");
    const auto r = parseRequestHeader(std::string_view(header).substr(0, header.size() - 1));
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->mailbox == "support");
    BOOST_TEST(r->bytes == 1234u);
}

BOOST_AUTO_TEST_CASE(malformed_request_headers_are_refused) {
    for (const std::string_view line :
         {"", "DELIVER", "DELIVER support", "DELIVER support ", "DELIVER  12", "deliver support 12",
          "DELIVER sup port 12", "DELIVER support -1", "DELIVER support 12x", "DELIVER support 1234567890123",
          "DELIVER ../etc 12", "DELIVER support 12 extra", "XDELIVER support 12"}) {
        BOOST_TEST(!parseRequestHeader(line).has_value(), "accepted: '" << line << "'");
    }
    BOOST_TEST(!parseRequestHeader("DELIVER " + std::string(65, 'a') + " 1").has_value());
    BOOST_TEST(parseRequestHeader("DELIVER " + std::string(64, 'a') + " 1").has_value());
}

BOOST_AUTO_TEST_CASE(only_the_exit_codes_of_deliver_are_answers) {
    for (const int code : {0, 64, 65, 75}) {
        const std::string line = replyLine(code);
        const auto parsed = parseReply(std::string_view(line).substr(0, line.size() - 1));
        BOOST_TEST_REQUIRE(parsed.has_value());
        BOOST_TEST(*parsed == code);
    }
    for (const std::string_view line : {"", "1", "70", "0 ", " 0", "00", "75x"}) {
        BOOST_TEST(!parseReply(line).has_value(), "accepted: '" << line << "'");
    }
}

BOOST_AUTO_TEST_SUITE_END()
