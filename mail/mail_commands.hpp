// The subcommands of ticketflow-mail, each a function of its arguments and output streams.
#pragma once

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ticketflow::mail_tool {

/// Exit codes (sysexits.h): what a shell script or an MTA pipe can act on.
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 64;   ///< bad command line
inline constexpr int kExitNoInput = 66; ///< the input file cannot be read
inline constexpr int kExitConfig = 78;  ///< the configuration cannot be read
inline constexpr int kExitTooLarge = 65; ///< deliver: over [mail] max_size; the MTA bounces it (EX_DATAERR)
inline constexpr int kExitSoftware = 70; ///< poll --once: a mailbox could not be read
inline constexpr int kExitTempFail = 75; ///< deliver: database or configuration unavailable; the MTA retries

/// A bad command line; main prints the message and the usage.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// `parse FILE [--config FILE]`: parses one message file and prints one JSON object (see
/// mail::messageJson) to `out`. Returns kExitOk whenever JSON was printed, a rejected message
/// included; kExitNoInput when FILE cannot be read; kExitConfig for a bad configuration.
/// Throws UsageError for bad arguments.
int runParse(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `deliver --mailbox NAME [--config FILE]`: one message on standard input from an MTA pipe,
/// stored (committed) for the poller to process. 0 stored (or already stored), kExitTooLarge over the
/// size limit, kExitTempFail when the database or the configuration is not available.
int runDeliver(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `poll [--config FILE] [--once] [--daemon --pidfile=FILE]`: fetches every [mailbox.NAME]
/// and processes what arrived, every [intake] poll_seconds until SIGTERM; --once: one round.
int runPoll(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace ticketflow::mail_tool
