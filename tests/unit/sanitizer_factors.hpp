// Time and memory factors for the bounds in the mail tests when built with the sanitizers.
#pragma once

namespace ticketflow::test {

#ifdef TICKETFLOW_SANITIZED
// The mail tests are built a second time with the mail code under ASan + UBSan (tests/sanitized,
// test mail_sanitized). Measured there on the heaviest case (test_mail_hostile.cpp,
// deeply_nested_html_and_endless_lines_stay_linear, 8 MB): 6 to 10 times the time of the
// optimized build (1.1-1.8 s against 0.18 s, on 2 busy cores) and 5 times its peak RSS (shadow
// memory, redzones, the quarantine of freed blocks: +150 MB against +27 MB). Time and memory
// bounds are multiplied by these factors: room for a loaded CI machine, while a super-linear
// blow-up still breaks them by far.
inline constexpr double kSanitizerTimeFactor = 5;
inline constexpr long kSanitizerMemoryFactor = 3;
#else
inline constexpr double kSanitizerTimeFactor = 1;
inline constexpr long kSanitizerMemoryFactor = 1;
#endif

} // namespace ticketflow::test
