// The [mail] section of the configuration: defaults, every key, and clear errors.
#include "core/app/mail_config.hpp"
#include "core/domain/reply_cutter.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace ticketflow;

namespace {

/// A configuration file in a private temporary folder, removed afterwards.
struct ConfigFile {
    std::filesystem::path path;
    explicit ConfigFile(const std::string& text) {
        path = std::filesystem::temp_directory_path() /
               ("tf-mail-config-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++) + ".conf");
        std::ofstream(path) << text;
    }
    ~ConfigFile() { std::filesystem::remove(path); }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

domain::MailSettings load(const std::string& text) {
    ConfigFile f(text);
    return app::loadMailSettings(f.path.string());
}

} // namespace

BOOST_AUTO_TEST_SUITE(mail_config)

BOOST_AUTO_TEST_CASE(a_file_without_a_mail_section_gives_the_defaults) {
    const auto s = load("[db]\nhost = 127.0.0.1\n");
    BOOST_CHECK_EQUAL(s.limits.maxMessageBytes, 25ull << 20);
    BOOST_CHECK_EQUAL(s.limits.maxHeaderBytes, 100u << 10);
    BOOST_CHECK_EQUAL(s.limits.maxHeaderFields, 500u);
    BOOST_CHECK_EQUAL(s.limits.maxReceived, 50u);
    BOOST_CHECK_EQUAL(s.limits.maxDepth, 20u);
    BOOST_CHECK_EQUAL(s.limits.maxParts, 500u);
    BOOST_CHECK_EQUAL(s.limits.maxAttachments, 100u);
    BOOST_CHECK_EQUAL(s.limits.maxAttachmentBytes, 10ull << 20);
    BOOST_CHECK_EQUAL(s.limits.cpuBudgetMs, 2000u);
    BOOST_CHECK(s.guards.ownAddresses.empty());
    BOOST_CHECK_EQUAL(s.guards.loopHeader, "X-Ticketflow-Loop");
    BOOST_CHECK_EQUAL(s.fallbackCharset, "windows-1252");
    BOOST_CHECK(s.reply.lines.empty() && s.reply.patterns.empty());
}

BOOST_AUTO_TEST_CASE(every_mail_key_is_read) {
    const auto s = load("[attachments]\nmax_size = 5M\n"
                        "[mail]\nown_addresses = support@x.example, noreply@x.example;  other@x.example\n"
                        "loop_header = X-Our-Loop\nmax_size = 10M\nmax_header_size = 64K\nmax_headers = 300\n"
                        "max_received = 30\nmax_depth = 8\nmax_parts = 200\nmax_attachments = 20\n"
                        "cpu_budget_ms = 500\nfallback_charset = koi8-r\n"
                        "reply_delimiter_1 = --- Reply above this line ---\nreply_delimiter_2 = ###\n"
                        "reply_regex_outlook = ^_{10,}$\n");
    const std::vector<std::string> own{"support@x.example", "noreply@x.example", "other@x.example"};
    BOOST_CHECK_EQUAL_COLLECTIONS(s.guards.ownAddresses.begin(), s.guards.ownAddresses.end(), own.begin(), own.end());
    BOOST_CHECK_EQUAL(s.guards.loopHeader, "X-Our-Loop");
    BOOST_CHECK_EQUAL(s.limits.maxMessageBytes, 10ull << 20);
    BOOST_CHECK_EQUAL(s.limits.maxHeaderBytes, 64u << 10);
    BOOST_CHECK_EQUAL(s.limits.maxHeaderFields, 300u);
    BOOST_CHECK_EQUAL(s.limits.maxReceived, 30u);
    BOOST_CHECK_EQUAL(s.limits.maxDepth, 8u);
    BOOST_CHECK_EQUAL(s.limits.maxParts, 200u);
    BOOST_CHECK_EQUAL(s.limits.maxAttachments, 20u);
    BOOST_CHECK_EQUAL(s.limits.maxAttachmentBytes, 5ull << 20); // from [attachments] max_size
    BOOST_CHECK_EQUAL(s.limits.cpuBudgetMs, 500u);
    BOOST_CHECK_EQUAL(s.fallbackCharset, "koi8-r");
    BOOST_CHECK_EQUAL(s.reply.lines.size(), 2u);
    BOOST_REQUIRE_EQUAL(s.reply.patterns.size(), 1u);
    BOOST_CHECK_EQUAL(domain::cutReply("new\n____________\nold", s.reply), "new");
    BOOST_CHECK_EQUAL(load("[mail]\nmax_attachment_size = 2M\n").limits.maxAttachmentBytes, 2ull << 20);
}

BOOST_AUTO_TEST_CASE(bad_values_are_refused_with_the_key_named) {
    const auto refused = [](const std::string& text, const std::string& part) {
        try {
            load(text);
        } catch (const std::runtime_error& e) {
            BOOST_CHECK_MESSAGE(std::string(e.what()).find(part) != std::string::npos, e.what());
            return;
        }
        BOOST_ERROR("accepted: " << text);
    };
    refused("[mail]\nmax_size = lots\n", "mail.max_size");
    refused("[mail]\nmax_size = 2G\n", "mail.max_size");
    refused("[mail]\nmax_depth = 0\n", "mail.max_depth");
    refused("[mail]\nmax_parts = many\n", "max_parts");
    refused("[mail]\nloop_header = X-Bad: header\n", "mail.loop_header");
    refused("[mail]\nfallback_charset = bad charset!\n", "mail.fallback_charset");
    refused("[mail]\nreply_regex_1 = (unclosed\n", "mail.reply_regex_1");
    BOOST_CHECK_THROW(app::loadMailSettings("/nonexistent/ticketflow.conf"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
