// libFuzzer driver for mail parsing: the whole parser and its pure helpers on arbitrary bytes.
// Built only on demand (see tests/fuzz/CMakeLists.txt):
//   CXX=clang++ cmake -S . -B build-fuzz -DTICKETFLOW_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
//     -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined"
//   cmake --build build-fuzz -j2 --target fuzz_mail_parser
//   mkdir -p /tmp/mail-corpus && cp tests/fixtures/mail/*.eml /tmp/mail-corpus/
//   build-fuzz/tests/fuzz/fuzz_mail_parser -max_total_time=60 -max_len=65536 /tmp/mail-corpus
// The first input byte picks the target. Whatever comes out must be valid UTF-8, one-line
// fields without control characters, files within the limits; a crash, a hang (-timeout) or
// a leak is a bug.
#include "core/domain/html_text.hpp"
#include "core/domain/mail_text.hpp"
#include "core/domain/reply_cutter.hpp"
#include "core/domain/text.hpp"
#include "core/domain/uuencode.hpp"
#include "core/mail/charset_conversion.hpp"
#include "core/mail/header_text.hpp"
#include "core/mail/mail_parser.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace ticketflow;

namespace {

void requireUtf8(std::string_view s) {
    if (!domain::isValidUtf8(s)) std::abort();
}

void requireLine(std::string_view s) {
    if (!domain::isValidUtf8(s) || domain::hasControlCharacters(s)) std::abort();
}

void requireText(std::string_view s) {
    if (!domain::isValidUtf8(s) || domain::hasControlCharacters(s, true) || s.find('\r') != std::string_view::npos)
        std::abort();
}

const domain::MailSettings& smallSettings() {
    static const domain::MailSettings settings = [] {
        domain::MailSettings s; // small enough that the fuzzer reaches every limit
        s.limits.maxHeaderBytes = 4096;
        s.limits.maxHeaderFields = 40;
        s.limits.maxReceived = 5;
        s.limits.maxDepth = 6;
        s.limits.maxParts = 40;
        s.limits.maxAttachments = 8;
        s.limits.maxAttachmentBytes = 4096;
        s.limits.cpuBudgetMs = 5000;
        s.guards.ownAddresses = {"support@ticketflow.example"};
        return s;
    }();
    return settings;
}

void checkMessage(const domain::InboundMessage& m, const domain::MailSettings& settings) {
    requireLine(m.from.name);
    requireLine(m.from.address);
    requireLine(m.subject);
    requireLine(m.messageId);
    requireLine(m.inReplyTo);
    requireLine(m.returnPath);
    requireText(m.text);
    requireText(m.replyText);
    requireUtf8(m.verdict.reason);
    for (const auto* list : {&m.to, &m.cc, &m.replyTo})
        for (const auto& a : *list) requireLine(a.name), requireLine(a.address);
    for (const auto& r : m.references) requireLine(r);
    for (const auto& h : m.headers) requireLine(h.name), requireLine(h.value);
    if (m.attachments.size() > settings.limits.maxAttachments) std::abort();
    for (const auto& a : m.attachments) {
        requireLine(a.filename);
        requireLine(a.contentType);
        if (a.filename.empty() || a.filename.find_first_of("/\\") != std::string::npos) std::abort();
        if (a.data.empty() || a.data.size() > settings.limits.maxAttachmentBytes || a.sha256.size() != 64) std::abort();
    }
    if (m.verdict.state == domain::MailVerdictState::reject && m.verdict.reason.empty()) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 6) {
        case 0:
        case 1: // the parser gets most of the time
            checkMessage(mail::parseMessage(input, smallSettings()), smallSettings());
            break;
        case 2:
            requireUtf8(domain::htmlToText(domain::toValidUtf8(input)));
            break;
        case 3: {
            const std::string text = domain::cleanBodyText(input);
            requireText(domain::cutReply(text));
            const auto split = domain::extractUuencoded(text);
            if (split.text.size() > text.size()) std::abort();
            break;
        }
        case 4: { // "charset\nbytes"
            const auto nl = input.find('\n');
            const std::string_view charset = nl == std::string_view::npos ? "" : input.substr(0, nl);
            const std::string_view bytes = nl == std::string_view::npos ? input : input.substr(nl + 1);
            requireUtf8(mail::convertToUtf8(bytes, charset));
            break;
        }
        case 5:
            requireUtf8(mail::decodeHeaderText(input, "windows-1252"));
            requireLine(domain::cleanHeaderText(input));
            break;
    }
    return 0;
}
