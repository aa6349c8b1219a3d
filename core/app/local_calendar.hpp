// Local days, ISO weeks and months of the installation's time zone as UTC boundaries.
#pragma once
#include "core/domain/report_history.hpp"

#include <string>

namespace ticketflow::app {

/// Reports bucket by the manager's calendar, not UTC: a day in Europe/Berlin starts at
/// 23:00 or 22:00 UTC and lasts 23 or 25 hours on a DST change. Uses the system tz database
/// through TZ/localtime_r/mktime (GCC 12 has no std::chrono::tzdb), switching the process's
/// TZ for the duration of each call: single-threaded callers only (ticketflow-report).
class LocalCalendar {
public:
    /// `zone` is an IANA name such as "Europe/Berlin" or "UTC". Throws std::invalid_argument
    /// when the tz database has no such zone.
    explicit LocalCalendar(std::string zone);
    const std::string& zone() const { return _zone; }

    /// The local date of `t` as YYYY-MM-DD.
    std::string localDate(report::Instant t) const;
    /// The local date and time of `t` as YYYY-MM-DD HH:MM.
    std::string localTime(report::Instant t) const;
    /// Local midnight starting the date YYYY-MM-DD. Throws std::invalid_argument on a bad date.
    report::Instant startOfDate(const std::string& date) const;
    /// `count` local days ending with the day holding `asOf` (labels YYYY-MM-DD).
    report::Periods days(report::Instant asOf, int count) const;
    /// ISO weeks (Monday first, labels YYYY-Www) from the one holding `from` to the one holding `asOf`.
    report::Periods weeks(report::Instant from, report::Instant asOf) const;
    /// `count` calendar months ending with the one holding `asOf` (labels YYYY-MM).
    report::Periods months(report::Instant asOf, int count) const;

private:
    std::string _zone;
};

} // namespace ticketflow::app
