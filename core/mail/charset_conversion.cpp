// Text of any charset a mail declares, converted to valid UTF-8 through iconv.
#include "core/mail/charset_conversion.hpp"

#include "core/domain/mail_text.hpp"
#include "core/domain/text.hpp"
#include "core/mail/gmime_support.hpp"

#include <array>
#include <cerrno>
#include <optional>
#include <utility>

namespace ticketflow::mail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string normalizedName(std::string_view charset) {
    charset = domain::trim(charset);
    while (!charset.empty() && (charset.front() == '"' || charset.front() == '\'')) charset.remove_prefix(1);
    while (!charset.empty() && (charset.back() == '"' || charset.back() == '\'')) charset.remove_suffix(1);
    std::string name;
    for (char c : charset.substr(0, 64)) name += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return name;
}

/// The iconv name to decode `name` (lower case) with, where it differs from GMime's mapping;
/// "" for names that say nothing; nullopt to ask GMime.
std::optional<std::string_view> preferredDecoder(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 27> kAliases{{
        {"us-ascii", "CP1252"},         {"ascii", "CP1252"},          {"ansi_x3.4-1968", "CP1252"},
        {"iso-8859-1", "CP1252"},       {"iso8859-1", "CP1252"},      {"iso_8859-1", "CP1252"},
        {"latin1", "CP1252"},           {"l1", "CP1252"},             {"x-user-defined", "CP1252"},
        {"gb2312", "GB18030"},          {"gbk", "GB18030"},           {"x-gbk", "GB18030"},
        {"cp936", "GB18030"},           {"euc-cn", "GB18030"},        {"ks_c_5601-1987", "CP949"},
        {"ks_c_5601", "CP949"},         {"euc-kr", "CP949"},          {"shift_jis", "CP932"},
        {"shift-jis", "CP932"},         {"sjis", "CP932"},            {"x-sjis", "CP932"},
        {"windows-31j", "CP932"},       {"x-mac-roman", "MACINTOSH"}, {"unicode-1-1-utf-7", "UTF-7"},
        {"iso-8859-8-i", "ISO-8859-8"}, {"x-unknown", ""},            {"unknown-8bit", ""},
    }};
    for (const auto& [alias, decoder] : kAliases)
        if (alias == name) return decoder;
    return std::nullopt;
}

bool isIso2022Jp(std::string_view name) {
    return name == "iso-2022-jp" || name == "csiso2022jp" || name == "iso-2022-jp-ms" || name == "cp50220" ||
           name == "cp50221" || name == "cp50222";
}

/// ISO-2022-JP re-spelled as EUC-JP, byte for byte, so that iconv's EUC-JP-MS (which knows the
/// vendor characters ISO-2022-JP mail carries in practice) can decode it.
std::string iso2022JpToEucJp(std::string_view in) {
    enum class Set { ascii, kana, jis0208, jis0212 } set = Set::ascii;
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto b = static_cast<unsigned char>(in[i]);
        if (b == 0x1B) {
            const std::string_view esc = in.substr(i + 1, 3);
            if (esc.substr(0, 2) == "(B" || esc.substr(0, 2) == "(J") {
                set = Set::ascii, i += 2;
            } else if (esc.substr(0, 2) == "(I") {
                set = Set::kana, i += 2;
            } else if (esc.substr(0, 2) == "$@" || esc.substr(0, 2) == "$B") {
                set = Set::jis0208, i += 2;
            } else if (esc == "$(D") {
                set = Set::jis0212, i += 3;
            } else {
                out += '?';
            }
            continue;
        }
        if (b == '\n' || b == '\r' || b >= 0x80) { // a line end returns to ASCII; 8-bit bytes are not ISO-2022-JP
            if (b >= 0x80) out += '?';
            else out += static_cast<char>(b), set = Set::ascii;
            continue;
        }
        const auto high = [](unsigned char c) { return static_cast<char>(c | 0x80); };
        if (set == Set::ascii || b < 0x21 || b > 0x7E) {
            out += static_cast<char>(b);
        } else if (set == Set::kana) {
            out += '\x8E', out += high(b);
        } else if (i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) >= 0x21 &&
                   static_cast<unsigned char>(in[i + 1]) <= 0x7E) {
            if (set == Set::jis0212) out += '\x8F';
            out += high(b), out += high(static_cast<unsigned char>(in[++i]));
        } else {
            out += '?';
        }
    }
    return out;
}

std::string convertWith(iconv_t cd, std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    char* in = const_cast<char*>(bytes.data()); // iconv's signature; the input is not written
    std::size_t inLeft = bytes.size();
    std::array<char, 8192> buffer;
    while (inLeft > 0) {
        char* o = buffer.data();
        std::size_t outLeft = buffer.size();
        const std::size_t r = iconv(cd, &in, &inLeft, &o, &outLeft);
        out.append(buffer.data(), static_cast<std::size_t>(o - buffer.data()));
        if (r != static_cast<std::size_t>(-1) || errno == E2BIG) continue;
        out += kReplacement;
        if (errno != EILSEQ) break; // EINVAL: the input ends inside a character
        ++in;
        --inLeft;
    }
    char* o = buffer.data();
    std::size_t outLeft = buffer.size();
    iconv(cd, nullptr, nullptr, &o, &outLeft); // back to the initial shift state
    out.append(buffer.data(), static_cast<std::size_t>(o - buffer.data()));
    return out;
}

/// `bytes` decoded as charset `name` (normalised); nullopt when iconv does not know it.
std::optional<std::string> decode(std::string_view bytes, const std::string& name) {
    if (name.empty()) return std::nullopt; // iconv would take "" for the locale's charset
    initGMime();                           // GMime's charset tables
    std::string decoder;
    std::string transcoded;
    if (isIso2022Jp(name)) {
        transcoded = iso2022JpToEucJp(bytes);
        bytes = transcoded;
        decoder = "EUC-JP-MS";
    } else if (const auto preferred = preferredDecoder(name)) {
        if (preferred->empty()) return std::nullopt;
        decoder = *preferred;
    } else {
        decoder = g_mime_charset_iconv_name(name.c_str());
    }
    iconv_t cd = g_mime_iconv_open("UTF-8", decoder.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out = convertWith(cd, bytes);
    g_mime_iconv_close(cd);
    return domain::toValidUtf8(out);
}

} // namespace

std::string convertToUtf8(std::string_view bytes, std::string_view charset, std::string_view fallbackCharset) {
    const std::string name = normalizedName(charset);
    if (name == "utf-8" || name == "utf8") return domain::toValidUtf8(bytes);
    if (bytes.empty()) return {};
    // Charsets that spell other characters with ASCII bytes; every other one reads ASCII as ASCII.
    const bool sevenBit = name.rfind("iso-2022", 0) == 0 || name.rfind("hz", 0) == 0 ||
                          name.find("utf-7") != std::string::npos || name.find("utf-16") != std::string::npos ||
                          name.find("utf-32") != std::string::npos || name.find("ucs") != std::string::npos;
    bool asciiOnly = true;
    for (char c : bytes) asciiOnly = asciiOnly && static_cast<unsigned char>(c) < 0x80;
    if (asciiOnly && !sevenBit) return std::string(bytes);
    // Mail labelled US-ASCII that is not ASCII is mostly UTF-8 from a careless client.
    if ((name == "us-ascii" || name == "ascii") && domain::isValidUtf8(bytes)) return std::string(bytes);
    if (!name.empty()) {
        if (auto text = decode(bytes, name)) return std::move(*text);
    }
    if (domain::isValidUtf8(bytes)) return std::string(bytes);
    if (auto text = decode(bytes, normalizedName(fallbackCharset))) return std::move(*text);
    return *decode(bytes, "windows-1252");
}

} // namespace ticketflow::mail
