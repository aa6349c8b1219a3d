// GMime plumbing for the mail parser: one-time initialisation, parser options, owning pointers.
#pragma once

#include <gmime/gmime.h>

#include <memory>
#include <string>
#include <string_view>

namespace ticketflow::mail {

/// Initialises GMime once per process (thread-safe). Never throws.
void initGMime();

struct ParserOptionsFree {
    void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

/// Parser options for one message: lenient RFC 2047/2231 and address parsing, addresses
/// without a domain allowed, undeclared 8-bit header text read as UTF-8, else as
/// `fallbackCharset`. GMime decodes headers lazily with the options they were parsed with, so
/// the options must outlive the message. Never throws.
ParserOptionsPtr newParserOptions(const std::string& fallbackCharset);

struct GObjectUnref {
    void operator()(void* object) const {
        if (object) g_object_unref(object);
    }
};
/// Owns one reference to a GObject (GMimeStream, GMimeParser, GMimeMessage, ...).
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

/// The bytes of a GMimeStreamMem.
std::string memStreamBytes(GMimeStream* stream);

/// A memory stream holding a copy of `bytes`.
GObjectPtr<GMimeStream> memStreamOf(std::string_view bytes);

} // namespace ticketflow::mail
