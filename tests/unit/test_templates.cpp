// Every template auto-escapes: the pragma is on its first line and values come out escaped.
#include "fcgi/view.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace {

std::string templatesDir() {
    const char* src = std::getenv("TICKETFLOW_SOURCE_DIR");
    return std::string(src ? src : TICKETFLOW_SOURCE_DIR) + "/web/templates";
}

struct LoadedTemplates {
    LoadedTemplates() { ticketflow::web::View::loadAll(templatesDir()); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(every_template_starts_with_the_html_autoescape_pragma) {
    int count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(templatesDir())) {
        if (entry.path().extension() != ".tpl") continue;
        ++count;
        std::ifstream in(entry.path());
        std::string first;
        std::getline(in, first);
        BOOST_TEST_CONTEXT("template " << entry.path().filename()) {
            BOOST_CHECK_EQUAL(first.rfind("{{%AUTOESCAPE context=\"HTML\"}}", 0), 0u);
        }
    }
    BOOST_CHECK_GT(count, 5);
}

// ":none" turns escaping off: only the plain-text parts of mails may use it (they are never
// read as HTML, and escaping would garble them).
BOOST_AUTO_TEST_CASE(only_plain_text_mail_templates_turn_escaping_off) {
    int textTemplates = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(templatesDir())) {
        if (entry.path().extension() != ".tpl") continue;
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string name = entry.path().filename().string();
        const bool plainMail = entry.path().parent_path().filename() == "mail" &&
                               name.size() > 8 && name.compare(name.size() - 8, 8, ".txt.tpl") == 0;
        textTemplates += plainMail;
        BOOST_TEST_CONTEXT("template " << entry.path()) {
            BOOST_CHECK_EQUAL(text.find(":none}}") != std::string::npos, plainMail);
        }
    }
    BOOST_CHECK_EQUAL(textTemplates, 2);
}

BOOST_FIXTURE_TEST_CASE(values_are_html_escaped_in_text_and_attributes, LoadedTemplates) {
    ctemplate::TemplateDictionary dict("login");
    dict.SetValue("LOGIN_CSRF", "\"><script>alert(1)</script>");
    dict.SetValue("USERNAME", "<b>bill</b>");
    dict.SetValue("BACK_URL", "/issues?x=\"1\"");
    dict.SetValueAndShowSection("ERROR", "<img src=x onerror=alert(1)>", "HAS_ERROR");
    ticketflow::web::LayoutInfo layout;
    layout.title = "<title>";
    ticketflow::web::View::addLayout(dict, layout);
    const std::string html = ticketflow::web::View::render("login.tpl", dict);
    BOOST_CHECK(html.find("<script>alert") == std::string::npos);
    BOOST_CHECK(html.find("<img src=x") == std::string::npos);
    BOOST_CHECK(html.find("<b>bill") == std::string::npos);
    BOOST_CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    BOOST_CHECK(html.find("&lt;title&gt; - ticketflow") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(javascript_urls_are_neutralised_in_href_attributes, LoadedTemplates) {
    ctemplate::TemplateDictionary dict("dashboard");
    auto* row = dict.AddSectionDictionary("PROJECT");
    row->SetValue("IDENTIFIER", "x");
    row->SetValue("NAME", "X");
    row->SetValue("NEW_URL", "javascript:alert(1)");
    dict.ShowSection("HAS_PROJECTS");
    ticketflow::web::View::addLayout(dict, {});
    const std::string html = ticketflow::web::View::render("dashboard.tpl", dict);
    BOOST_REQUIRE(html.find("id=\"project-x\"") != std::string::npos);   // the row was rendered
    BOOST_CHECK(html.find("javascript:alert") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
