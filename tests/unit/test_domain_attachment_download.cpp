// The Content-Disposition of a download: always "attachment", an ASCII fallback and RFC 5987 UTF-8.
#include "core/domain/content_disposition.hpp"

#include <boost/test/unit_test.hpp>

using ticketflow::domain::contentDisposition;

BOOST_AUTO_TEST_SUITE(domain_attachment_download)

BOOST_AUTO_TEST_CASE(plain_ascii_names_appear_in_both_forms) {
    BOOST_CHECK_EQUAL(contentDisposition("report.pdf"),
                      "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
}

BOOST_AUTO_TEST_CASE(spaces_and_specials_are_percent_encoded_in_the_extended_form) {
    BOOST_CHECK_EQUAL(contentDisposition("my report (v2);x.pdf"),
                      "attachment; filename=\"my report (v2);x.pdf\"; filename*=UTF-8''my%20report%20%28v2%29%3Bx.pdf");
}

BOOST_AUTO_TEST_CASE(non_ascii_names_get_one_underscore_per_character_in_the_fallback) {
    BOOST_CHECK_EQUAL(contentDisposition("Übersicht März.pdf"),
                      "attachment; filename=\"_bersicht M_rz.pdf\"; "
                      "filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz.pdf");
    BOOST_CHECK_EQUAL(contentDisposition("日本.txt"),
                      "attachment; filename=\"__.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt");
}

BOOST_AUTO_TEST_CASE(quotes_backslashes_percent_and_controls_cannot_break_the_header) {
    const std::string header = contentDisposition("a\"b\\c%41\r\nd.txt");
    BOOST_CHECK_EQUAL(header, "attachment; filename=\"a_b_c_41__d.txt\"; filename*=UTF-8''a%22b%5Cc%2541%0D%0Ad.txt");
    BOOST_CHECK(header.find('\r') == std::string::npos);
    BOOST_CHECK(header.find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_name_downloads_as_download) {
    BOOST_CHECK_EQUAL(contentDisposition(""), "attachment; filename=\"download\"; filename*=UTF-8''download");
}

BOOST_AUTO_TEST_SUITE_END()
