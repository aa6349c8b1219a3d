// HTML to text for HTML-only mail: structure, entities, dropped elements, broken markup.
#include "core/domain/html_text.hpp"
#include "core/domain/text.hpp"
#include "sanitizer_factors.hpp"

#include <boost/test/unit_test.hpp>
#include <chrono>

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(mail_html_text)

BOOST_AUTO_TEST_CASE(block_elements_become_line_breaks_and_paragraphs_blank_lines) {
    BOOST_CHECK_EQUAL(htmlToText("<p>one</p><p>two</p>"), "one\n\ntwo");
    BOOST_CHECK_EQUAL(htmlToText("<div>one</div><div>two</div>"), "one\ntwo");
    BOOST_CHECK_EQUAL(htmlToText("a<br>b<br/><br />c"), "a\nb\n\nc");
    BOOST_CHECK_EQUAL(htmlToText("<h1>Title</h1>text"), "Title\n\ntext");
    BOOST_CHECK_EQUAL(htmlToText("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"), "a b\nc");
    BOOST_CHECK_EQUAL(htmlToText("<p class=MsoNormal>one</p><p class=\"MsoNormal\">two</p>"), "one\ntwo");
}

BOOST_AUTO_TEST_CASE(lists_get_bullets_and_numbers) {
    BOOST_CHECK_EQUAL(htmlToText("<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>"), "- a\n- b\n  - c");
    BOOST_CHECK_EQUAL(htmlToText("<ol><li>a<li>b</ol>"), "1. a\n2. b");
}

BOOST_AUTO_TEST_CASE(white_space_collapses_except_in_pre) {
    BOOST_CHECK_EQUAL(htmlToText("  many \n\t spaces   here "), "many spaces here");
    BOOST_CHECK_EQUAL(htmlToText("<pre>a  b\n  c</pre>after"), "a  b\n  c\n\nafter");
    BOOST_CHECK_EQUAL(htmlToText("<p>&nbsp;</p><p>x&nbsp;&nbsp;y</p>"), "x y");
}

BOOST_AUTO_TEST_CASE(character_references_are_decoded) {
    BOOST_CHECK_EQUAL(htmlToText("&lt;b&gt; &amp; &quot;q&quot; &apos;"), "<b> & \"q\" '");
    BOOST_CHECK_EQUAL(htmlToText("&Auml;&auml;&euro;&hellip;&mdash;"), "Ää€…—");
    BOOST_CHECK_EQUAL(htmlToText("&#65;&#x42;&#X43;"), "ABC");
    BOOST_CHECK_EQUAL(htmlToText("&#150;&#147;x&#148;"), "–“x”"); // windows-1252 numbers, as browsers read them
    BOOST_CHECK_EQUAL(htmlToText("&#0;&#xD800;&#1114112;"), "\uFFFD\uFFFD\uFFFD");
    BOOST_CHECK_EQUAL(htmlToText("AT&T &unknown; a&amp b &copy c"), "AT&T &unknown; a& b &copy c");
}

BOOST_AUTO_TEST_CASE(scripts_styles_titles_and_comments_are_dropped) {
    BOOST_CHECK_EQUAL(htmlToText("<head><title>T</title><style>p{}</style></head><body>x<script>y()</script>z</body>"),
                      "xz");
    BOOST_CHECK_EQUAL(htmlToText("a<!-- hidden -->b<!--[if mso]>c<![endif]-->d"), "abd");
    BOOST_CHECK_EQUAL(htmlToText("a<SCRIPT type=x>if (a<b) {}</SCRIPT >b"), "ab");
    BOOST_CHECK_EQUAL(htmlToText("a<?xml version=\"1.0\"?><!DOCTYPE html>b"), "ab");
}

BOOST_AUTO_TEST_CASE(broken_markup_never_leaks_tags_or_hangs) {
    BOOST_CHECK_EQUAL(htmlToText("text<!-- never closed"), "text");
    BOOST_CHECK_EQUAL(htmlToText("text<script>never closed"), "text");
    BOOST_CHECK_EQUAL(htmlToText("text<a href=\"x"), "text");
    BOOST_CHECK_EQUAL(htmlToText("1 < 2 and 3 <4"), "1 < 2 and 3 <4");
    BOOST_CHECK_EQUAL(htmlToText("<p title='a>b'>x</p>"), "x");
}

BOOST_AUTO_TEST_CASE(links_keep_their_address_when_the_text_differs) {
    BOOST_CHECK_EQUAL(htmlToText("<a href=\"https://x.example/a?b=1&amp;c=2\">the log</a>"),
                      "the log <https://x.example/a?b=1&c=2>");
    BOOST_CHECK_EQUAL(htmlToText("<a href=\"https://x.example/\">https://x.example/</a>"), "https://x.example/");
    BOOST_CHECK_EQUAL(htmlToText("<a href=\"https://x.example/\">x.example</a>"), "x.example"); // scheme left out
    BOOST_CHECK_EQUAL(htmlToText("<a href=\"javascript:evil()\">click</a>"), "click");
    BOOST_CHECK_EQUAL(htmlToText("<a href=\"mailto:a@x.example\">a@x.example</a>"), "a@x.example");
}

BOOST_AUTO_TEST_CASE(blockquotes_become_quote_lines) {
    BOOST_CHECK_EQUAL(htmlToText("new<blockquote>old<br>older<blockquote>oldest</blockquote></blockquote>"),
                      "new\n\n> old\n> older\n\n>> oldest");
}

BOOST_AUTO_TEST_CASE(huge_nesting_is_linear) {
    std::string html;
    for (int i = 0; i < 300000; ++i) html += "<div><ul><li><blockquote>";
    html += "x\xC3";
    constexpr double maxSeconds = 2.0 * ticketflow::test::kSanitizerTimeFactor;
    const auto start = std::chrono::steady_clock::now();
    const std::string text = htmlToText(html);
    BOOST_CHECK_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), maxSeconds);
    BOOST_CHECK_NE(text.find('x'), std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
