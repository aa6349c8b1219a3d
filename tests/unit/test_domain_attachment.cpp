// Attachment rules: file-name sanitising, served content types, who may download, upload limits.
#include "core/domain/attachment.hpp"
#include "core/domain/text.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

using namespace ticketflow::domain;

namespace {

Role role(const char* permissions) {
    return Role{1, "r", PermissionSet::parse(permissions)};
}

IssueRef supportIssue(std::optional<unsigned> customerId) {
    IssueRef r;
    r.id = 5;
    r.projectId = 1;
    r.authorId = 2;
    r.customerId = customerId;
    return r;
}

Actor staff(const char* permissions) {
    Actor a;
    a.userId = 2;
    a.staff = true;
    a.roles[1] = {role(permissions)};
    return a;
}

Actor customer(unsigned customerId) {
    Actor a;
    a.userId = 6;
    a.customerId = customerId;
    a.roles[1] = {role("view_own_issues add_notes")};
    return a;
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_attachment)

BOOST_AUTO_TEST_CASE(sanitised_names_keep_only_the_last_path_component) {
    BOOST_CHECK_EQUAL(sanitizeFilename("report.pdf"), "report.pdf");
    BOOST_CHECK_EQUAL(sanitizeFilename("C:\\Users\\carol\\Desktop\\crash.log"), "crash.log");
    BOOST_CHECK_EQUAL(sanitizeFilename("../../etc/passwd"), "passwd");
    BOOST_CHECK_EQUAL(sanitizeFilename("/var/log/"), "unnamed");
}

BOOST_AUTO_TEST_CASE(sanitised_names_have_no_leading_dots_or_spaces_and_no_trailing_ones) {
    BOOST_CHECK_EQUAL(sanitizeFilename(".htaccess"), "htaccess");
    BOOST_CHECK_EQUAL(sanitizeFilename(".."), "unnamed");
    BOOST_CHECK_EQUAL(sanitizeFilename(" . .bashrc"), "bashrc");
    BOOST_CHECK_EQUAL(sanitizeFilename("notes.txt. . "), "notes.txt");
    BOOST_CHECK_EQUAL(sanitizeFilename("\u00A0file.txt"), "file.txt"); // NBSP counts as a space
    BOOST_CHECK_EQUAL(sanitizeFilename(""), "unnamed");
}

BOOST_AUTO_TEST_CASE(control_bidi_and_reserved_characters_become_underscores) {
    BOOST_CHECK_EQUAL(sanitizeFilename(std::string("a\0b.txt", 7)), "a_b.txt");
    BOOST_CHECK_EQUAL(sanitizeFilename("line\r\nbreak.txt"), "line__break.txt");
    BOOST_CHECK_EQUAL(sanitizeFilename("tab\there\x7F.txt"), "tab_here_.txt");
    BOOST_CHECK_EQUAL(sanitizeFilename("c1\xC2\x85.txt"), "c1_.txt");               // U+0085 NEL
    BOOST_CHECK_EQUAL(sanitizeFilename("invoice\u202Efdp.exe"), "invoice_fdp.exe"); // U+202E RLO
    BOOST_CHECK_EQUAL(sanitizeFilename("a<b>c:d\"e|f?g*h.txt"), "a_b_c_d_e_f_g_h.txt");
}

BOOST_AUTO_TEST_CASE(utf8_names_survive_and_invalid_bytes_are_replaced) {
    BOOST_CHECK_EQUAL(sanitizeFilename("Übersicht – März.pdf"), "Übersicht – März.pdf");
    BOOST_CHECK_EQUAL(sanitizeFilename("日本語.txt"), "日本語.txt");
    BOOST_CHECK_EQUAL(sanitizeFilename("bad\xFF\xFEname.txt"), "bad__name.txt");
    BOOST_CHECK_EQUAL(sanitizeFilename("cut\xE2\x82.txt"), "cut__.txt"); // truncated sequence
    BOOST_CHECK_EQUAL(sanitizeFilename("over\xC0\xAFlong"), "over__long");
    BOOST_CHECK(isValidUtf8(sanitizeFilename("\xED\xA0\x80surrogate")));
}

BOOST_AUTO_TEST_CASE(long_names_are_cut_at_a_character_boundary_keeping_the_extension) {
    std::string longName;
    for (int i = 0; i < 200; ++i) longName += "ä"; // 400 bytes
    longName += ".pdf";
    const std::string cut = sanitizeFilename(longName);
    BOOST_CHECK_LE(cut.size(), kMaxFilenameBytes);
    BOOST_CHECK(cut.ends_with("ä.pdf"));
    BOOST_CHECK(isValidUtf8(cut));

    const std::string noExtension(300, 'x');
    BOOST_CHECK_EQUAL(sanitizeFilename(noExtension), std::string(kMaxFilenameBytes, 'x'));
    const std::string exact = std::string(251, 'y') + ".txt";
    BOOST_CHECK_EQUAL(sanitizeFilename(exact), exact);
}

BOOST_AUTO_TEST_CASE(content_types_come_from_an_allow_list_never_from_html_or_svg) {
    BOOST_CHECK_EQUAL(safeContentType("shot.PNG"), "image/png");
    BOOST_CHECK_EQUAL(safeContentType("photo.jpeg"), "image/jpeg");
    BOOST_CHECK_EQUAL(safeContentType("spec.pdf"), "application/pdf");
    BOOST_CHECK_EQUAL(safeContentType("client.log"), "text/plain");
    BOOST_CHECK_EQUAL(safeContentType("page.html"), "application/octet-stream");
    BOOST_CHECK_EQUAL(safeContentType("logo.svg"), "application/octet-stream");
    BOOST_CHECK_EQUAL(safeContentType("data.xml"), "application/octet-stream");
    BOOST_CHECK_EQUAL(safeContentType("setup.exe"), "application/octet-stream");
    BOOST_CHECK_EQUAL(safeContentType("README"), "application/octet-stream");
    BOOST_CHECK_EQUAL(safeContentType("archive.pdf.html"), "application/octet-stream");
}

BOOST_AUTO_TEST_CASE(staff_who_see_the_issue_download_public_files_and_private_ones_with_the_right) {
    const auto issue = supportIssue(40);
    const Actor support = staff("view_issues add_notes view_private_notes");
    BOOST_CHECK(canViewAttachment(support, issue, true));
    BOOST_CHECK(canViewAttachment(support, issue, false));

    const Actor viewer = staff("view_issues");
    BOOST_CHECK(canViewAttachment(viewer, issue, true));
    BOOST_CHECK(!canViewAttachment(viewer, issue, false));

    const Actor outsider = staff("add_issues");
    BOOST_CHECK(!canViewAttachment(outsider, issue, true));
}

BOOST_AUTO_TEST_CASE(customers_download_only_public_files_of_their_own_issues) {
    BOOST_CHECK(canViewAttachment(customer(40), supportIssue(40), true));
    BOOST_CHECK(!canViewAttachment(customer(40), supportIssue(40), false));
    BOOST_CHECK(!canViewAttachment(customer(41), supportIssue(40), true));
    BOOST_CHECK(!canViewAttachment(customer(40), supportIssue(std::nullopt), true));
}

BOOST_AUTO_TEST_CASE(anonymous_and_locked_users_download_nothing) {
    BOOST_CHECK(!canViewAttachment(Actor{}, supportIssue(40), true));
    Actor locked = staff("view_issues view_private_notes");
    locked.admin = true;
    locked.locked = true;
    BOOST_CHECK(!canViewAttachment(locked, supportIssue(40), true));
}

BOOST_AUTO_TEST_CASE(upload_checks_name_the_file_and_the_limit) {
    const UploadLimits limits{10u << 20, 2};
    BOOST_CHECK(checkUploads({{"a.txt", 1}, {"b.txt", 10u << 20}}, limits).empty());

    const auto big = checkUploads({{"big.iso", (10u << 20) + 1}}, limits);
    BOOST_REQUIRE_EQUAL(big.size(), 1u);
    BOOST_CHECK_EQUAL(big[0], "big.iso is too large (10485761 bytes); the limit is 10 MB per file.");
    BOOST_CHECK_EQUAL(checkUploads({{"huge.iso", 30u << 20}}, limits).at(0),
                      "huge.iso is too large (30 MB); the limit is 10 MB per file.");

    const auto empty = checkUploads({{"../empty.txt", 0}}, limits);
    BOOST_REQUIRE_EQUAL(empty.size(), 1u);
    BOOST_CHECK_EQUAL(empty[0], "empty.txt is empty.");

    const auto many = checkUploads({{"a", 1}, {"b", 1}, {"c", 1}}, limits);
    BOOST_REQUIRE_EQUAL(many.size(), 1u);
    BOOST_CHECK_EQUAL(many[0], "Too many files: at most 2 per change.");
}

BOOST_AUTO_TEST_CASE(sizes_read_in_binary_units) {
    BOOST_CHECK_EQUAL(formatSize(0), "0 B");
    BOOST_CHECK_EQUAL(formatSize(1023), "1023 B");
    BOOST_CHECK_EQUAL(formatSize(1024), "1 KB");
    BOOST_CHECK_EQUAL(formatSize(1536), "1.5 KB");
    BOOST_CHECK_EQUAL(formatSize(10u << 20), "10 MB");
    BOOST_CHECK_EQUAL(formatSize(12'884'901'888ull), "12 GB");
}

BOOST_AUTO_TEST_SUITE_END()
