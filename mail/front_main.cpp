// ticketflow-mail: the command people and MTAs run. `deliver` runs here, in a small executable
// (no Poco, no GMime, Connector/C++ linked statically) because an MTA starts one process per
// message; every other command is handed on, by exec, to ticketflow-mail-tool beside it.
#include "mail/mail_commands.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <unistd.h>

namespace {

constexpr int kExitUnavailable = 69; // EX_UNAVAILABLE

int handOn(char** argv) {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const auto tool = (ec ? std::filesystem::path(argv[0]).parent_path() : self.parent_path()) / "ticketflow-mail-tool";
    execv(tool.c_str(), argv);
    std::cerr << "ticketflow-mail: cannot run " << tool.string() << ": " << std::strerror(errno) << "\n";
    return kExitUnavailable;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string_view(argv[1]) != "deliver") return handOn(argv);
    namespace tool = ticketflow::mail_tool;
    try {
        return tool::runDeliver(std::vector<std::string>(argv + 2, argv + argc), std::cout, std::cerr);
    } catch (const tool::UsageError& e) {
        std::cerr << "ticketflow-mail: " << e.what() << "\n(ticketflow-mail --help lists the commands)\n";
        return tool::kExitUsage;
    } catch (const std::exception& e) {
        std::cerr << "ticketflow-mail: " << e.what() << "\n";
        return tool::kExitTempFail; // whatever went wrong, the MTA keeps the message
    }
}
