// Progress: stage lines always, the bar only on a terminal (cron mails and logs get the lines alone).
#include "core/app/progress.hpp"

#include <algorithm>
#include <utility>
#include <unistd.h>

namespace ticketflow::app {

namespace {
double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}
} // namespace

Progress::Progress(std::FILE* out, std::string prefix)
    : _out(out), _prefix(std::move(prefix)), _terminal(::isatty(::fileno(out)) == 1), _start(Clock::now()), _stageStart(_start), _lastDraw(_start) {}

void Progress::stage(const std::string& name, const std::string& detail) {
    const auto now = Clock::now();
    if (_barShown) std::fputs("\r\033[K", _out);
    _barShown = false;
    std::fprintf(_out, "%s: %s: %s (%.1f s, total %.1f s)\n", _prefix.c_str(), name.c_str(), detail.c_str(),
                 seconds(now - _stageStart), seconds(now - _start));
    std::fflush(_out);
    _stageStart = now;
}

void Progress::tick(const std::string& name, std::size_t done, std::size_t total) {
    if (!_terminal) return;
    const auto now = Clock::now();
    if (now - _lastDraw < std::chrono::milliseconds(100)) return;
    _lastDraw = now;
    const int width = 30;
    const int filled = total ? static_cast<int>(static_cast<double>(done) / static_cast<double>(total) * width) : 0;
    std::string bar(static_cast<std::size_t>(std::min(filled, width)), '#');
    bar.resize(width, '.');
    std::fprintf(_out, "\r\033[K%s: %s [%s] %zu/%zu", _prefix.c_str(), name.c_str(), bar.c_str(), done, total);
    std::fflush(_out);
    _barShown = true;
}

double Progress::totalSeconds() const {
    return seconds(Clock::now() - _start);
}

} // namespace ticketflow::app
