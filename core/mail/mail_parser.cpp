// Parsing one raw incoming mail into an InboundMessage with a verdict (GMime underneath).
#include "core/mail/mail_parser.hpp"

#include "core/domain/mail_text.hpp"
#include "core/domain/mime_prescan.hpp"
#include "core/domain/reply_cutter.hpp"
#include "core/mail/charset_conversion.hpp"
#include "core/mail/cpu_budget.hpp"
#include "core/mail/gmime_support.hpp"
#include "core/mail/message_headers.hpp"
#include "core/mail/mime_body.hpp"

#include <algorithm>

namespace ticketflow::mail {
namespace {

using domain::InboundMessage;
using domain::MailVerdictState;

GObjectPtr<GMimeMessage> parseWithGMime(std::string_view bytes, GMimeParserOptions* options) {
    GObjectPtr<GMimeStream> stream = memStreamOf(bytes);
    GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    return GObjectPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options));
}

/// The top-level header of `message`: at most `limit` bytes, ending at a line end.
std::string_view headerOnly(std::string_view message, std::size_t limit) {
    std::string_view head = message.substr(0, limit);
    for (const std::string_view blank : {"\n\n", "\n\r\n"})
        if (const auto at = head.find(blank); at != std::string_view::npos) head = head.substr(0, at + 1);
    if (head.size() < message.size() && !head.empty() && head.back() != '\n') {
        const auto nl = head.rfind('\n');
        head = nl == std::string_view::npos ? std::string_view() : head.substr(0, nl + 1);
    }
    return head;
}

/// A message over a limit: only its header is read, so the queue can show who sent what.
InboundMessage rejected(std::string_view message, std::string reason, const domain::MailSettings& settings) {
    InboundMessage out;
    std::string header(headerOnly(message, settings.limits.maxHeaderBytes));
    header += "\n";
    const ParserOptionsPtr options = newParserOptions(settings.fallbackCharset);
    if (auto parsed = parseWithGMime(header, options.get()))
        readHeaders(parsed.get(), options.get(), settings.fallbackCharset, out);
    out.verdict = {MailVerdictState::reject, std::move(reason)};
    return out;
}

/// Everything after the header-independent steps: text clean-up, reply cutting, the guards.
void finish(InboundMessage& out, const domain::MailSettings& settings, const CpuBudget& budget) {
    out.text = domain::cleanBodyText(out.text);
    out.replyText = domain::cutReply(out.text, settings.reply);
    if (budget.exceeded()) {
        out.text.clear();
        out.replyText.clear();
        out.textFromHtml = false;
        out.attachments.clear();
        out.verdict = {MailVerdictState::reject,
                       "parsing took more than " + std::to_string(budget.limitMs()) + " ms of CPU time"};
        return;
    }
    out.verdict = domain::checkGuards(out, settings.guards);
}

} // namespace

InboundMessage parseMessage(std::string_view raw, const domain::MailSettings& settings) {
    const CpuBudget budget(settings.limits.cpuBudgetMs);
    const domain::MimePrescan scan = domain::prescanMime(raw, settings.limits);
    const std::string_view message = raw.substr(std::min(scan.start, raw.size()));
    if (!scan.violation.empty()) {
        InboundMessage out = rejected(message, scan.violation, settings);
        out.rawSize = raw.size();
        return out;
    }
    InboundMessage out;
    out.rawSize = raw.size();
    // The options must outlive the message: GMime decodes header values lazily with them.
    const ParserOptionsPtr options = newParserOptions(settings.fallbackCharset);
    const auto parsed = parseWithGMime(message, options.get());
    if (!parsed) { // no header at all: keep the text for the queue; the guards reject it (no sender)
        out.text = convertToUtf8(message, "", settings.fallbackCharset);
        finish(out, settings, budget);
        return out;
    }
    readHeaders(parsed.get(), options.get(), settings.fallbackCharset, out);
    if (std::string violation = collectBody(parsed.get(), settings, budget, out); !violation.empty()) {
        out.text.clear();
        out.textFromHtml = false;
        out.attachments.clear();
        out.verdict = {MailVerdictState::reject, std::move(violation)};
        return out;
    }
    finish(out, settings, budget);
    return out;
}

InboundMessage parseOversized(std::string_view head, std::uint64_t size, const domain::MailSettings& settings) {
    head.remove_prefix(domain::mboxSeparatorLength(head));
    InboundMessage out =
        rejected(head, domain::tooLargeReason("the message", size, settings.limits.maxMessageBytes), settings);
    out.rawSize = size;
    return out;
}

} // namespace ticketflow::mail
