// Progress of a long command on stderr: one line per stage with counts and elapsed time, and a
// bar while it works through a known number of items when the stream is a terminal.
#pragma once
#include <chrono>
#include <cstdio>
#include <string>

namespace ticketflow::app {

class Progress {
public:
    /// `prefix` starts every line ("report", "import").
    Progress(std::FILE* out, std::string prefix);
    /// Ends a stage: "PREFIX: STAGE: DETAIL (1.2 s, total 3.4 s)".
    void stage(const std::string& name, const std::string& detail);
    /// While working: redraws a bar (terminal only, at most every 100 ms).
    void tick(const std::string& name, std::size_t done, std::size_t total);
    double totalSeconds() const;

private:
    using Clock = std::chrono::steady_clock;
    std::FILE* _out;
    std::string _prefix;
    bool _terminal;
    bool _barShown = false;
    Clock::time_point _start, _stageStart, _lastDraw;
};

} // namespace ticketflow::app
