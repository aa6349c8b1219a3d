// `ticketflow-mail parse FILE`: one message file in, one JSON object out (a diagnostic).
#include "core/app/mail_config.hpp"
#include "core/mail/mail_parser.hpp"
#include "core/mail/message_json.hpp"
#include "mail/mail_commands.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

namespace ticketflow::mail_tool {
namespace {

/// At most `limit` bytes of the file; nullopt when it cannot be opened or read.
std::optional<std::string> readPrefix(const std::string& path, std::uint64_t limit) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string data(static_cast<std::size_t>(limit), '\0');
    in.read(data.data(), static_cast<std::streamsize>(limit));
    if (in.bad()) return std::nullopt;
    data.resize(static_cast<std::size_t>(in.gcount()));
    return data;
}

} // namespace

int runParse(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string file, configPath;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--config") {
            if (i + 1 >= args.size()) throw UsageError("--config needs a file");
            configPath = args[++i];
        } else if (!args[i].empty() && args[i][0] == '-' && args[i] != "-") {
            throw UsageError("unknown option " + args[i]);
        } else if (file.empty()) {
            file = args[i];
        } else {
            throw UsageError("parse takes one FILE");
        }
    }
    if (file.empty()) throw UsageError("parse needs a FILE");
    domain::MailSettings settings;
    if (!configPath.empty()) {
        try {
            settings = app::loadMailSettings(configPath);
        } catch (const std::exception& e) {
            err << "ticketflow-mail: " << e.what() << "\n";
            return kExitConfig;
        }
    }
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(file, ec);
    if (ec || std::filesystem::is_directory(file)) {
        err << "ticketflow-mail: cannot read " << file << (ec ? ": " + ec.message() : ": is a directory") << "\n";
        return kExitNoInput;
    }
    const std::uint64_t limit = settings.limits.maxMessageBytes;
    const auto data = readPrefix(file, size > limit ? settings.limits.maxHeaderBytes : size);
    if (!data) {
        err << "ticketflow-mail: cannot read " << file << "\n";
        return kExitNoInput;
    }
    const domain::InboundMessage message =
        size > limit ? mail::parseOversized(*data, size, settings) : mail::parseMessage(*data, settings);
    out << mail::messageJson(message).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return kExitOk;
}

} // namespace ticketflow::mail_tool
