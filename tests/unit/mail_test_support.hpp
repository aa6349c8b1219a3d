// Helpers for the mail tests: fixtures from tests/fixtures/mail, UTF-8 and control checks.
#pragma once

#include "core/domain/inbound_message.hpp"
#include "core/domain/text.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ticketflow::test {

/// The bytes of tests/fixtures/mail/NAME. Throws std::runtime_error when it is missing.
inline std::string mailFixture(const std::string& name) {
    const char* src = std::getenv("TICKETFLOW_SOURCE_DIR");
    const std::string path = std::string(src ? src : TICKETFLOW_SOURCE_DIR) + "/tests/fixtures/mail/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("missing fixture " + path);
    std::ostringstream data;
    data << in.rdbuf();
    return data.str();
}

/// Valid UTF-8 with no control characters at all (one-line fields).
inline bool cleanLine(const std::string& s) {
    return domain::isValidUtf8(s) && !domain::hasControlCharacters(s);
}

/// Valid UTF-8, no controls except tab and line feed, no CR (text fields).
inline bool cleanText(const std::string& s) {
    return domain::isValidUtf8(s) && !domain::hasControlCharacters(s, true) && s.find('\r') == std::string::npos;
}

/// Every string of the message is clean (what the JSON and the database get).
inline bool allClean(const domain::InboundMessage& m) {
    bool ok = cleanLine(m.from.name) && cleanLine(m.from.address) && cleanLine(m.subject) &&
              cleanLine(m.messageId) && cleanLine(m.inReplyTo) && cleanText(m.text) && cleanText(m.replyText) &&
              domain::isValidUtf8(m.verdict.reason);
    for (const auto* list : {&m.to, &m.cc, &m.replyTo})
        for (const auto& a : *list) ok = ok && cleanLine(a.name) && cleanLine(a.address);
    for (const auto& r : m.references) ok = ok && cleanLine(r);
    for (const auto& a : m.attachments) ok = ok && cleanLine(a.filename) && cleanLine(a.contentType);
    for (const auto& h : m.headers) ok = ok && cleanLine(h.name) && cleanLine(h.value);
    return ok;
}

} // namespace ticketflow::test
