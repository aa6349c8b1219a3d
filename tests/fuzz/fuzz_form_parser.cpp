// libFuzzer driver for the HTTP form parsers: urlencoded, multipart, cookies, buildRequest.
// Not built by CMake. Build and run from the repository root:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
//     tests/fuzz/fuzz_form_parser.cpp fcgi/http/*.cpp -lfcgi -lsodium -pthread -o /tmp/fuzz_form_parser
//   /tmp/fuzz_form_parser -max_total_time=60 -max_len=8192 /tmp/fuzz-corpus
// The first input byte picks the parser; HttpError is the only exception a parser may throw,
// and everything it returns must be valid UTF-8 without NUL (file data excepted).
#include "fcgi/http/form_parser.hpp"
#include "fcgi/http/http_error.hpp"
#include "fcgi/http/text.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace ticketflow::http;

namespace {

void requireClean(std::string_view s) {
    if (!isValidUtf8(s) || s.find('\0') != std::string_view::npos) std::abort();
}

void checkFields(const std::multimap<std::string, std::string>& fields) {
    for (const auto& [name, value] : fields) {
        requireClean(name);
        requireClean(value);
    }
}

void checkRequest(const Request& r) {
    requireClean(r.path);
    checkFields(r.query);
    checkFields(r.form);
    for (const auto& f : r.files) {
        requireClean(f.field);
        requireClean(f.filename);
    }
    for (const auto& [name, value] : r.headers)
        if (name != "cookie") requireClean(value);
}

Limits smallLimits() {
    Limits l; // small enough that the fuzzer reaches every 413 branch
    l.maxBody = 4096;
    l.maxFields = 16;
    l.maxFieldSize = 256;
    l.maxFiles = 3;
    l.maxFileSize = 512;
    l.maxHeaderBytes = 512;
    return l;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const Limits limits = smallLimits();
    try {
        switch (data[0] % 5) {
            case 0:
                requireClean(percentDecode(input, data[0] & 0x80));
                break;
            case 1:
                checkFields(parseUrlEncoded(input, limits));
                break;
            case 2: {
                // The header is the first line of the input, so boundaries get fuzzed too.
                std::size_t nl = input.find('\n');
                std::string_view header =
                    nl == std::string_view::npos ? "multipart/form-data; boundary=b" : input.substr(0, nl);
                std::string_view body = nl == std::string_view::npos ? input : input.substr(nl + 1);
                std::multimap<std::string, std::string> fields;
                std::vector<UploadedFile> files;
                parseMultipart(body, header, limits, fields, files);
                checkFields(fields);
                for (const auto& f : files) {
                    requireClean(f.filename);
                    if (f.data.size() > limits.maxFileSize) std::abort();
                }
                break;
            }
            case 3:
                for (const auto& [name, value] : parseCookies(input)) {
                    requireClean(name);
                    requireClean(value);
                }
                break;
            case 4: {
                // "URI\nContent-Type\nbody": a POST through the whole request builder.
                std::size_t a = input.find('\n');
                std::size_t b = a == std::string_view::npos ? a : input.find('\n', a + 1);
                if (b == std::string_view::npos) return 0;
                std::string body(input.substr(b + 1));
                std::map<std::string, std::string> cgi{
                    {"REQUEST_METHOD", "POST"},
                    {"REQUEST_URI", std::string(input.substr(0, a))},
                    {"CONTENT_TYPE", std::string(input.substr(a + 1, b - a - 1))},
                    {"CONTENT_LENGTH", std::to_string(body.size())},
                    {"HTTP_COOKIE", std::string(input.substr(0, a))},
                };
                checkRequest(buildRequest(cgi, std::move(body), limits));
                break;
            }
        }
    } catch (const HttpError& e) {
        if (e.status() != 400 && e.status() != 413 && e.status() != 415 && e.status() != 431) std::abort();
    }
    return 0;
}
