// LocalCalendar: civil-date arithmetic in plain integers, the zone applied by mktime.
#include "core/app/local_calendar.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <stdexcept>

namespace ticketflow::app {

using report::Instant;

namespace {

struct Civil {
    int y, m, d;
};

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
long daysFromCivil(Civil c) {
    int y = c.y - (c.m <= 2);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (c.m + (c.m > 2 ? -3 : 9)) + 2) / 5 + c.d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Civil civilFromDays(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2), m, d};
}

std::string label(Civil c) {
    char buf[48]; // room for any int, which keeps -Wformat-truncation quiet
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
    return buf;
}

// Sets TZ for its lifetime and restores the previous value.
class ZoneScope {
public:
    explicit ZoneScope(const std::string& zone) {
        if (const char* old = std::getenv("TZ")) _old = old;
        ::setenv("TZ", zone.c_str(), 1);
        ::tzset();
    }
    ~ZoneScope() {
        if (_old) ::setenv("TZ", _old->c_str(), 1);
        else ::unsetenv("TZ");
        ::tzset();
    }
    ZoneScope(const ZoneScope&) = delete;
    ZoneScope& operator=(const ZoneScope&) = delete;

private:
    std::optional<std::string> _old;
};

Civil civilOf(Instant t) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    ::localtime_r(&tt, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Instant midnight(Civil c) {
    std::tm tm{};
    tm.tm_year = c.y - 1900;
    tm.tm_mon = c.m - 1;
    tm.tm_mday = c.d;
    tm.tm_isdst = -1; // let the zone decide summer or winter time
    return static_cast<Instant>(std::mktime(&tm));
}

} // namespace

LocalCalendar::LocalCalendar(std::string zone) : _zone(std::move(zone)) {
    const char* dir = std::getenv("TZDIR");
    const std::filesystem::path base = dir && *dir ? dir : "/usr/share/zoneinfo";
    if (_zone.empty() || _zone.find("..") != std::string::npos || _zone.front() == '/' ||
        !std::filesystem::is_regular_file(base / _zone))
        throw std::invalid_argument("unknown time zone \"" + _zone + "\" (expected a name such as Europe/Berlin)");
}

std::string LocalCalendar::localDate(Instant t) const {
    ZoneScope scope(_zone);
    return label(civilOf(t));
}

std::string LocalCalendar::localTime(Instant t) const {
    ZoneScope scope(_zone);
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    ::localtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

Instant LocalCalendar::startOfDate(const std::string& date) const {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 ||
        m > 12 || d < 1 || d > 31 || civilFromDays(daysFromCivil({y, m, d})).d != d)
        throw std::invalid_argument("not a date (YYYY-MM-DD): \"" + date + "\"");
    ZoneScope scope(_zone);
    return midnight({y, m, d});
}

report::Periods LocalCalendar::days(Instant asOf, int count) const {
    ZoneScope scope(_zone);
    const long last = daysFromCivil(civilOf(asOf));
    report::Periods p;
    for (long day = last - count + 1; day <= last + 1; ++day) {
        p.starts.push_back(midnight(civilFromDays(day)));
        if (day <= last) p.labels.push_back(label(civilFromDays(day)));
    }
    return p;
}

report::Periods LocalCalendar::weeks(Instant from, Instant asOf) const {
    ZoneScope scope(_zone);
    auto monday = [](long day) { return day - ((day + 3) % 7 + 7) % 7; }; // 1970-01-01 was a Thursday
    const long first = monday(daysFromCivil(civilOf(from)));
    const long last = monday(daysFromCivil(civilOf(asOf)));
    report::Periods p;
    for (long day = first; day <= last + 7; day += 7) {
        const Civil c = civilFromDays(day);
        p.starts.push_back(midnight(c));
        if (day > last) break;
        // The ISO week-year is the year of that week's Thursday.
        const Civil thursday = civilFromDays(day + 3);
        const long week = (day + 3 - daysFromCivil({thursday.y, 1, 1})) / 7 + 1;
        char buf[48];
        std::snprintf(buf, sizeof buf, "%04d-W%02ld", thursday.y, week);
        p.labels.push_back(buf);
    }
    return p;
}

report::Periods LocalCalendar::months(Instant asOf, int count) const {
    ZoneScope scope(_zone);
    const Civil now = civilOf(asOf);
    int index = now.y * 12 + (now.m - 1) - count + 1;
    report::Periods p;
    for (int i = 0; i <= count; ++i, ++index) {
        const Civil c{index / 12, index % 12 + 1, 1};
        p.starts.push_back(midnight(c));
        if (i < count) p.labels.push_back(label(c).substr(0, 7));
    }
    return p;
}

} // namespace ticketflow::app
