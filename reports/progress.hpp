// Progress of a report run on stderr: one line per stage with counts and elapsed time, and a
// bar while streaming when stderr is a terminal.
#pragma once
#include <chrono>
#include <cstdio>
#include <string>

namespace ticketflow::report {

class Progress {
public:
    explicit Progress(std::FILE* out);
    /// Ends a stage: "report: STAGE: DETAIL (1.2 s, total 3.4 s)".
    void stage(const std::string& name, const std::string& detail);
    /// While streaming: redraws a bar (terminal only, at most every 100 ms).
    void tick(const std::string& name, std::size_t done, std::size_t total);
    double totalSeconds() const;

private:
    using Clock = std::chrono::steady_clock;
    std::FILE* _out;
    bool _terminal;
    bool _barShown = false;
    Clock::time_point _start, _stageStart, _lastDraw;
};

} // namespace ticketflow::report
