// Unit tests of reading the mailboxes and intake settings from ticketflow.conf.
#include <boost/test/unit_test.hpp>

#include "intake/mailbox_config.hpp"

#include <filesystem>
#include <fstream>
#include <random>

using namespace ticketflow::intake;
namespace fs = std::filesystem;

namespace {

/// A configuration file with `text` in a fresh folder, removed afterwards.
struct ConfFile {
    fs::path dir, file;
    explicit ConfFile(const std::string& text) {
        dir = fs::temp_directory_path() / ("tf-intake-conf-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir);
        file = dir / "ticketflow.conf";
        std::ofstream(file) << text;
    }
    ~ConfFile() { fs::remove_all(dir); }
};

std::string errorOf(const std::string& text) {
    ConfFile f(text);
    try {
        loadIntakeConfig(f.file.string());
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

} // namespace

BOOST_AUTO_TEST_SUITE(intake_config)

BOOST_AUTO_TEST_CASE(mailboxes_and_settings_are_read) {
    ConfFile f("[db]\nname = x\n[intake]\npoll_seconds = 15\nmax_per_sender_hour = 12\nprocess_workers = 3\n"
               "blocked = Spam@Example.net, @junk.example\nreopen_status = Seen\n"
               "[mailbox.support]\ntype = pop3s\nhost = mail.example.com\nuser = s@example.com\npassword = pw\n"
               "project = psprosupport\nca_file = ca.pem\n"
               "[mailbox.local]\ntype = maildir\npath = inbox\nproject = psprointernal\n");
    const auto c = loadIntakeConfig(f.file.string());
    BOOST_TEST(c.pollSeconds == 15);
    BOOST_TEST(c.maxPerSenderHour == 12u);
    BOOST_TEST(c.processWorkers == 3u);
    BOOST_TEST(c.blocked.size() == 2u);
    BOOST_TEST(c.blocked.at(0) == "spam@example.net"); // compared without case
    BOOST_TEST(c.reopenStatus == "Seen");
    BOOST_REQUIRE(c.mailboxes.size() == 2u);
    const auto* pop = c.mailbox("support");
    BOOST_REQUIRE(pop != nullptr);
    BOOST_TEST((pop->kind == MailboxConfig::Kind::Pop3s));
    BOOST_TEST(pop->port == 995);
    BOOST_TEST(pop->verifyTls);
    BOOST_TEST(pop->caFile == (f.dir / "ca.pem").string()); // relative to the file's folder
    const auto* dir = c.mailbox("local");
    BOOST_REQUIRE(dir != nullptr);
    BOOST_TEST(dir->path == (f.dir / "inbox").string());
    BOOST_TEST(c.mailbox("nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_file_without_mailboxes_gives_the_defaults) {
    ConfFile f("[db]\nname = x\n");
    const auto c = loadIntakeConfig(f.file.string());
    BOOST_TEST(c.mailboxes.empty());
    BOOST_TEST(c.pollSeconds == 60);
    BOOST_TEST(c.reopenStatus == "Accepted");
}

BOOST_AUTO_TEST_CASE(bad_settings_name_the_key) {
    BOOST_TEST(errorOf("[mailbox.x]\ntype = imap\nproject = p\n").find("mailbox.x.type") != std::string::npos);
    BOOST_TEST(errorOf("[mailbox.x]\ntype = pop3\nproject = p\n").find("host and user") != std::string::npos);
    BOOST_TEST(errorOf("[mailbox.x]\ntype = maildir\npath = d\n").find("project") != std::string::npos);
    BOOST_TEST(errorOf("[mailbox.x]\ntype = pop3\nhost = h\nuser = u\nproject = p\nport = 70000\n").find("port") !=
               std::string::npos);
    BOOST_TEST(errorOf("[mailbox.bad name]\ntype = maildir\npath = d\nproject = p\n").find("letters") != std::string::npos);
    BOOST_TEST(errorOf("[intake]\npoll_seconds = 0\n").find("poll_seconds") != std::string::npos);
    BOOST_TEST(errorOf("[intake]\nprocess_workers = 0\n").find("process_workers") != std::string::npos);
    BOOST_TEST(errorOf("[intake]\nprocess_workers = 17\n").find("process_workers") != std::string::npos);
    BOOST_TEST(errorOf("[intake]\nmax_per_sender_hour = x\n") != "");
}

BOOST_AUTO_TEST_SUITE_END()
