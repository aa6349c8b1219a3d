// An InboundMessage as JSON, for `ticketflow-mail parse` and anything that shows a parsed mail.
#include "core/mail/message_json.hpp"

#include <cstdio>
#include <ctime>

namespace ticketflow::mail {
namespace {

nlohmann::ordered_json address(const domain::MailAddress& a) {
    return {{"name", a.name}, {"address", a.address}};
}

nlohmann::ordered_json addresses(const std::vector<domain::MailAddress>& list) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& a : list) out.push_back(address(a));
    return out;
}

} // namespace

std::optional<std::string> isoUtc(std::int64_t seconds) {
    // 0001-01-01 .. 9999-12-31: what ISO 8601 spells with four digits.
    if (seconds < -62135596800LL || seconds > 253402300799LL) return std::nullopt;
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return std::nullopt;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return std::string(buf);
}

nlohmann::ordered_json messageJson(const domain::InboundMessage& m) {
    nlohmann::ordered_json j;
    j["from"] = address(m.from);
    j["to"] = addresses(m.to);
    j["cc"] = addresses(m.cc);
    j["subject"] = m.subject;
    j["message_id"] = m.messageId;
    j["in_reply_to"] = m.inReplyTo;
    j["references"] = m.references;
    const auto date = m.date ? isoUtc(*m.date) : std::nullopt;
    j["date"] = date ? nlohmann::ordered_json(*date) : nlohmann::ordered_json(nullptr);
    j["text"] = m.text;
    j["reply_text"] = m.replyText;
    auto files = nlohmann::ordered_json::array();
    for (const auto& a : m.attachments)
        files.push_back({{"filename", a.filename}, {"content_type", a.contentType}, {"size", a.data.size()},
                         {"sha256", a.sha256}});
    j["attachments"] = files;
    j["verdict"] = {{"state", verdictStateName(m.verdict.state)}, {"reason", m.verdict.reason}};
    return j;
}

} // namespace ticketflow::mail
