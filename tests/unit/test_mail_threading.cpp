// Unit tests of how a reply finds its issue: subject tags and our signed Message-IDs.
#include <boost/test/unit_test.hpp>

#include "core/app/crypto.hpp"
#include "core/app/mail_ids.hpp"
#include "core/domain/mail_threading.hpp"

using namespace ticketflow;

BOOST_AUTO_TEST_SUITE(mail_threading)

BOOST_AUTO_TEST_CASE(subject_tags_as_redmine_writes_them) {
    BOOST_TEST((domain::subjectIssueTag("Re: [#123] Printing fails") == 123u));
    BOOST_TEST((domain::subjectIssueTag("AW: [PSProSupport - Support #42] (Accepted) Export") == 42u));
    BOOST_TEST((domain::subjectIssueTag("[list] Re: [PSPro - Bug #7]") == 7u));
    BOOST_TEST(!domain::subjectIssueTag("Printing fails #123"));
    BOOST_TEST(!domain::subjectIssueTag("[Support#123]")); // "#" must follow "[" or a space
    BOOST_TEST(!domain::subjectIssueTag("[#12a]"));
    BOOST_TEST(!domain::subjectIssueTag("[#0]"));
    BOOST_TEST(!domain::subjectIssueTag("[#99999999999]"));
    BOOST_TEST(!domain::subjectIssueTag("[#123"));
    BOOST_TEST(!domain::subjectIssueTag(""));
}

BOOST_AUTO_TEST_CASE(our_message_ids_are_signed) {
    app::initCrypto();
    const std::string secret(40, 's'), other(40, 'o');
    const std::string id = app::issueMessageId(secret, "support.example.com", 1234);
    BOOST_TEST(id.rfind("tf.1234.", 0) == 0u);
    BOOST_TEST(id.find("@support.example.com") != std::string::npos);
    BOOST_TEST((app::issueOfMessageId(secret, id) == 1234u));
    BOOST_TEST((app::issueOfMessageId(secret, "<" + id + ">") == 1234u));
    BOOST_TEST(app::issueMessageId(secret, "x", 1234) != app::issueMessageId(secret, "x", 1234)); // unique
    BOOST_TEST(!app::issueOfMessageId(other, id)); // another installation's secret
    std::string forged = id;
    forged.replace(3, 4, "1235"); // point the same signature at another issue
    BOOST_TEST(!app::issueOfMessageId(secret, forged));
    BOOST_TEST(!app::issueOfMessageId(secret, "CAF=abc@mail.gmail.com"));
    BOOST_TEST(!app::issueOfMessageId(secret, "tf.1.2.3@x"));
    BOOST_TEST(!app::issueOfMessageId(secret, ""));
}

BOOST_AUTO_TEST_SUITE_END()
