// Unit tests of parseMultipart (multipart/form-data, RFC 7578) in fcgi/http.
#include "fcgi/http/form_parser.hpp"
#include "fcgi/http/http_error.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::http;

namespace {

const std::string kType = "multipart/form-data; boundary=XyZ";

struct Parsed {
    std::multimap<std::string, std::string> fields;
    std::vector<UploadedFile> files;
};

Parsed parse(const std::string& body, const std::string& type = kType, const Limits& limits = Limits{}) {
    Parsed p;
    parseMultipart(body, type, limits, p.fields, p.files);
    return p;
}

int statusOf(const std::string& body, const std::string& type = kType, const Limits& limits = Limits{}) {
    try {
        parse(body, type, limits);
    } catch (const HttpError& e) {
        return e.status();
    }
    return 0;
}

std::string field(const std::string& name, const std::string& value) {
    return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
}

std::string file(const std::string& name, const std::string& filenameParam, const std::string& data,
                 const std::string& type = "text/plain") {
    return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"; " + filenameParam +
           "\r\nContent-Type: " + type + "\r\n\r\n" + data + "\r\n";
}

const std::string kClose = "--XyZ--\r\n";

} // namespace

BOOST_AUTO_TEST_SUITE(http_multipart)

BOOST_AUTO_TEST_CASE(parses_fields_and_a_file) {
    Parsed p = parse(field("subject", "Printer on fire") + field("tags", "a") + field("tags", "b") +
                     file("attachment", "filename=\"log.txt\"", "line1\r\nline2") + kClose);
    BOOST_TEST(p.fields.size() == 3u);
    BOOST_TEST(p.fields.find("subject")->second == "Printer on fire");
    auto [first, last] = p.fields.equal_range("tags");
    BOOST_TEST(first->second == "a");
    BOOST_TEST(std::next(first)->second == "b");
    BOOST_REQUIRE(p.files.size() == 1u);
    BOOST_TEST(p.files[0].field == "attachment");
    BOOST_TEST(p.files[0].filename == "log.txt");
    BOOST_TEST(p.files[0].contentType == "text/plain");
    BOOST_TEST(p.files[0].data == "line1\r\nline2");
}

BOOST_AUTO_TEST_CASE(value_keeps_inner_crlf_but_not_the_one_before_the_delimiter) {
    Parsed p = parse(field("notes", "\r\nfirst\r\n\r\nsecond\r\n") + kClose);
    BOOST_TEST(p.fields.find("notes")->second == "\r\nfirst\r\n\r\nsecond\r\n");
}

BOOST_AUTO_TEST_CASE(bare_lf_line_ends_are_accepted) {
    Parsed p = parse("--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nvalue\n--XyZ--\n");
    BOOST_TEST(p.fields.find("a")->second == "value");
}

BOOST_AUTO_TEST_CASE(binary_file_data_is_kept_byte_for_byte) {
    std::string data("\x00\xFF\r\n--Xy\r\n--XyZZ\r\n\x89PNG", 18);
    Parsed p = parse(file("f", "filename=\"b.bin\"", data, "application/octet-stream") + kClose);
    BOOST_REQUIRE(p.files.size() == 1u);
    BOOST_TEST(p.files[0].data == data);
}

BOOST_AUTO_TEST_CASE(text_that_only_starts_like_the_boundary_is_content) {
    Parsed p = parse(field("a", "x\r\n--XyZabc\r\ny") + kClose);
    BOOST_TEST(p.fields.find("a")->second == "x\r\n--XyZabc\r\ny");
}

BOOST_AUTO_TEST_CASE(empty_value_is_an_empty_field) {
    Parsed p = parse(field("empty", "") + kClose);
    BOOST_TEST(p.fields.count("empty") == 1u);
    BOOST_TEST(p.fields.find("empty")->second == "");
}

BOOST_AUTO_TEST_CASE(rfc5987_filename_star_wins_over_filename) {
    Parsed p =
        parse(file("f", "filename=\"fallback.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20final.pdf", "x") + kClose);
    BOOST_REQUIRE(p.files.size() == 1u);
    BOOST_TEST(p.files[0].filename == "r\xC3\xA9sum\xC3\xA9 final.pdf");
}

BOOST_AUTO_TEST_CASE(filename_star_in_latin1_is_converted_to_utf8) {
    Parsed p = parse(file("f", "filename*=iso-8859-1'fr'caf%E9.txt", "x") + kClose);
    BOOST_TEST(p.files.at(0).filename == "caf\xC3\xA9.txt");
}

BOOST_AUTO_TEST_CASE(filename_star_with_unknown_charset_falls_back_to_filename) {
    Parsed p = parse(file("f", "filename=\"plain.txt\"; filename*=KOI8-R''%C1", "x") + kClose);
    BOOST_TEST(p.files.at(0).filename == "plain.txt");
}

BOOST_AUTO_TEST_CASE(malformed_filename_star_is_400) {
    BOOST_TEST(statusOf(file("f", "filename*=UTF-8%C3%A9", "x") + kClose) == 400);
    BOOST_TEST(statusOf(file("f", "filename*=UTF-8''%FF", "x") + kClose) == 400);
}

BOOST_AUTO_TEST_CASE(raw_utf8_filename_from_browsers_is_kept) {
    Parsed p = parse(file("f", "filename=\"\xE6\x97\xA5\xE6\x9C\xAC.txt\"", "x") + kClose);
    BOOST_TEST(p.files.at(0).filename == "\xE6\x97\xA5\xE6\x9C\xAC.txt");
}

BOOST_AUTO_TEST_CASE(client_paths_are_reduced_to_the_base_name) {
    Parsed p = parse(file("f", "filename=\"C:\\Users\\me\\report.doc\"", "x") +
                     file("g", "filename=\"../../etc/passwd\"", "y") + kClose);
    BOOST_REQUIRE(p.files.size() == 2u);
    BOOST_TEST(p.files[0].filename == "report.doc");
    BOOST_TEST(p.files[1].filename == "passwd");
}

BOOST_AUTO_TEST_CASE(empty_file_input_is_skipped) {
    Parsed p = parse(file("attachment", "filename=\"\"", "", "application/octet-stream") + field("a", "1") + kClose);
    BOOST_TEST(p.files.empty());
    BOOST_TEST(p.fields.size() == 1u);
}

BOOST_AUTO_TEST_CASE(file_without_content_type_defaults_to_octet_stream) {
    Parsed p = parse("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\ndata\r\n" + kClose);
    BOOST_TEST(p.files.at(0).contentType == "application/octet-stream");
}

BOOST_AUTO_TEST_CASE(preamble_and_epilogue_are_ignored) {
    Parsed p = parse("This is a preamble.\r\n--XyZ not a delimiter\r\n" + field("a", "1") +
                     "--XyZ--\r\nepilogue\r\n--XyZ\r\njunk");
    BOOST_TEST(p.fields.size() == 1u);
    BOOST_TEST(p.fields.find("a")->second == "1");
}

BOOST_AUTO_TEST_CASE(close_delimiter_without_trailing_crlf_is_fine) {
    Parsed p = parse(field("a", "1") + "--XyZ--");
    BOOST_TEST(p.fields.size() == 1u);
}

BOOST_AUTO_TEST_CASE(transport_padding_after_delimiter_is_allowed) {
    Parsed p = parse("--XyZ  \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--");
    BOOST_TEST(p.fields.find("a")->second == "1");
}

BOOST_AUTO_TEST_CASE(quoted_boundary_with_special_characters) {
    std::string type = "multipart/form-data; charset=utf-8; boundary=\"----=_Part 0:1\"";
    std::string body =
        "------=_Part 0:1\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n------=_Part 0:1--\r\n";
    BOOST_TEST(parse(body, type).fields.find("a")->second == "1");
}

BOOST_AUTO_TEST_CASE(header_names_and_parameters_are_case_insensitive) {
    Parsed p = parse(
        "--XyZ\r\ncontent-disposition: Form-Data; NAME=\"a\"; FileName=\"x.txt\"\r\nCONTENT-TYPE: "
        "text/csv\r\n\r\n1\r\n" +
            kClose,
        "Multipart/Form-Data; Boundary=XyZ");
    BOOST_TEST(p.files.at(0).filename == "x.txt");
    BOOST_TEST(p.files.at(0).contentType == "text/csv");
}

BOOST_AUTO_TEST_CASE(escaped_quote_in_field_name) {
    Parsed p = parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\\\"b\"\r\n\r\n1\r\n" + kClose);
    BOOST_TEST(p.fields.count("a\"b") == 1u);
}

BOOST_AUTO_TEST_CASE(missing_closing_boundary_is_400) {
    BOOST_TEST(statusOf(field("a", "1")) == 400);
    BOOST_TEST(statusOf(field("a", "1") + "--XyZ") == 400);
    BOOST_TEST(statusOf("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated") == 400);
    BOOST_TEST(statusOf("--XyZ\r\nContent-Disposition: form-data; name=\"a\"") == 400);
}

BOOST_AUTO_TEST_CASE(body_without_any_boundary_is_400) {
    BOOST_TEST(statusOf("") == 400);
    BOOST_TEST(statusOf("a=1&b=2") == 400);
}

BOOST_AUTO_TEST_CASE(missing_or_bad_boundary_parameter_is_400) {
    std::string body = field("a", "1") + kClose;
    BOOST_TEST(statusOf(body, "multipart/form-data") == 400);
    BOOST_TEST(statusOf(body, "multipart/form-data; boundary=") == 400);
    BOOST_TEST(statusOf(body, "multipart/form-data; boundary=\"XyZ") == 400);
    BOOST_TEST(statusOf(body, "multipart/form-data; boundary=" + std::string(71, 'b')) == 400);
    BOOST_TEST(statusOf(body, "multipart/form-data; boundary=XyZ; boundary=Other") == 400);
}

BOOST_AUTO_TEST_CASE(other_media_type_is_415) {
    BOOST_TEST(statusOf(field("a", "1") + kClose, "multipart/mixed; boundary=XyZ") == 415);
}

BOOST_AUTO_TEST_CASE(malformed_part_headers_are_400) {
    const char* bad[] = {
        "--XyZ\r\nno colon here\r\n\r\n1\r\n--XyZ--",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n folded\r\n\r\n1\r\n--XyZ--",
        "--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--",                    // no disposition
        "--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--XyZ--", // not form-data
        "--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XyZ--",              // no name
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n--XyZ--",    // open quote
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\n1\r\n--XyZ--",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; "
        "name=\"b\"\r\n\r\n1\r\n--XyZ--",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"; filename=\"x\"; filename=\"y\"\r\n\r\n1\r\n--XyZ--",
    };
    for (const char* body : bad) {
        BOOST_TEST_INFO("body " << body);
        BOOST_TEST(statusOf(body) == 400);
    }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_or_nul_in_text_is_400_but_file_data_is_exempt) {
    BOOST_TEST(statusOf(field("a", "\xC3\x28") + kClose) == 400);
    BOOST_TEST(statusOf(field("a", std::string("x\0y", 3)) + kClose) == 400);
    BOOST_TEST(statusOf(field("\xFF", "1") + kClose) == 400);
    BOOST_TEST(statusOf(file("f", "filename=\"\xFF.txt\"", "x") + kClose) == 400);
    BOOST_TEST(statusOf(file("f", "filename=\"ok.bin\"", std::string("\xFF\0", 2)) + kClose) == 0);
}

BOOST_AUTO_TEST_CASE(oversize_file_is_413) {
    Limits limits;
    limits.maxFileSize = 10;
    BOOST_TEST(statusOf(file("f", "filename=\"a\"", std::string(10, 'x')) + kClose, kType, limits) == 0);
    BOOST_TEST(statusOf(file("f", "filename=\"a\"", std::string(11, 'x')) + kClose, kType, limits) == 413);
}

BOOST_AUTO_TEST_CASE(too_many_files_is_413) {
    Limits limits;
    limits.maxFiles = 2;
    std::string two = file("f", "filename=\"a\"", "1") + file("f", "filename=\"b\"", "2");
    BOOST_TEST(statusOf(two + kClose, kType, limits) == 0);
    BOOST_TEST(statusOf(two + file("f", "filename=\"c\"", "3") + kClose, kType, limits) == 413);
}

BOOST_AUTO_TEST_CASE(too_many_or_too_large_fields_are_413) {
    Limits limits;
    limits.maxFields = 2;
    limits.maxFieldSize = 5;
    BOOST_TEST(statusOf(field("a", "1") + field("b", "2") + field("c", "3") + kClose, kType, limits) == 413);
    BOOST_TEST(statusOf(field("a", "123456") + kClose, kType, limits) == 413);
}

BOOST_AUTO_TEST_CASE(oversize_body_or_part_headers_are_413) {
    Limits limits;
    limits.maxBody = 20;
    BOOST_TEST(statusOf(field("a", "1") + kClose, kType, limits) == 413);
    Limits small;
    small.maxHeaderBytes = 30;
    BOOST_TEST(statusOf("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Long: " + std::string(100, 'x') +
                            "\r\n\r\n1\r\n" + kClose,
                        kType, small) == 413);
}

BOOST_AUTO_TEST_SUITE_END()
