// GMime plumbing for the mail parser: one-time initialisation, parser options, owning pointers.
#include "core/mail/gmime_support.hpp"

#include <mutex>

namespace ticketflow::mail {

void initGMime() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

ParserOptionsPtr newParserOptions(const std::string& fallbackCharset) {
    initGMime();
    ParserOptionsPtr options(g_mime_parser_options_new());
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_allow_addresses_without_domain(options.get(), TRUE);
    const char* fallback[] = {"UTF-8", fallbackCharset.empty() ? "windows-1252" : fallbackCharset.c_str(), nullptr};
    g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
    return options;
}

std::string memStreamBytes(GMimeStream* stream) {
    GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    if (!array || array->len == 0) return {};
    return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

GObjectPtr<GMimeStream> memStreamOf(std::string_view bytes) {
    return GObjectPtr<GMimeStream>(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
}

} // namespace ticketflow::mail
