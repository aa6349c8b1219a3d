// Every file under $TICKETFLOW_MAIL_CORPUS through the parser under the sanitizers; skipped when unset.
#include "core/mail/mail_parser.hpp"
#include "core/mail/message_json.hpp"
#include "mail_test_support.hpp"

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

using namespace ticketflow;
namespace fs = std::filesystem;
namespace utf = boost::unit_test;
namespace tt = boost::test_tools;

namespace {

// A directory of real-world mail kept outside the repository (e.g. /work/shared/corpus/mail).
// CTest does not set it: the case is for a run by hand.
const char* corpusDir() {
    const char* dir = std::getenv("TICKETFLOW_MAIL_CORPUS");
    return dir && *dir ? dir : nullptr;
}

tt::assertion_result corpusGiven(utf::test_unit_id) {
    tt::assertion_result given(corpusDir() != nullptr);
    given.message() << "TICKETFLOW_MAIL_CORPUS is not set";
    return given;
}

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    return data.str();
}

} // namespace

BOOST_AUTO_TEST_SUITE(mail_corpus)

BOOST_AUTO_TEST_CASE(every_corpus_file_parses_into_clean_fields_and_json, *utf::precondition(corpusGiven)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(corpusDir()))
        if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    BOOST_REQUIRE(!files.empty());
    for (const auto& path : files) {
        const std::string raw = readAll(path);
        const auto message = mail::parseMessage(raw);
        BOOST_TEST_MESSAGE(path.string() << ": " << domain::verdictStateName(message.verdict.state) << " "
                                         << message.verdict.reason);
        BOOST_TEST_CONTEXT(path.string()) {
            BOOST_CHECK(test::allClean(message));
            BOOST_CHECK_NO_THROW(mail::messageJson(message).dump());
            // The header-only path, as for a message over max_size.
            const auto head = mail::parseOversized(raw.substr(0, 4096), domain::MailLimits{}.maxMessageBytes + 1);
            BOOST_CHECK(test::allClean(head));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
