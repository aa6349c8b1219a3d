// The CPU time one message may cost the parser.
#pragma once

#include <cstdint>

namespace ticketflow::mail {

/// Measures the CPU time of the calling thread from construction (so a busy machine does not
/// make a message fail, only the message's own work does). Never throws.
class CpuBudget {
public:
    explicit CpuBudget(unsigned limitMs);
    /// CPU milliseconds this thread has used since construction.
    std::uint64_t usedMs() const;
    bool exceeded() const { return usedMs() > _limitMs; }
    unsigned limitMs() const { return _limitMs; }

private:
    std::uint64_t _startNs;
    unsigned _limitMs;
};

} // namespace ticketflow::mail
