// The CPU time one message may cost the parser.
#include "core/mail/cpu_budget.hpp"

#include <ctime>

namespace ticketflow::mail {
namespace {

std::uint64_t threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000u + static_cast<std::uint64_t>(ts.tv_nsec);
}

} // namespace

CpuBudget::CpuBudget(unsigned limitMs) : _startNs(threadCpuNs()), _limitMs(limitMs) {}

std::uint64_t CpuBudget::usedMs() const {
    return (threadCpuNs() - _startNs) / 1000000u;
}

} // namespace ticketflow::mail
