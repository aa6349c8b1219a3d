// Milestones (Redmine's versions): field rules, who may manage them, progress and overdue.
#include "core/domain/milestone.hpp"

#include "core/domain/text.hpp"

#include <algorithm>
#include <array>

namespace ticketflow::domain {

namespace {

bool leapYear(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int number(std::string_view digits) {
    int n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    return n;
}

} // namespace

MilestoneFields normalizedMilestone(const MilestoneFields& fields) {
    MilestoneFields out;
    out.name = std::string(trim(fields.name));
    out.description = std::string(trim(fields.description));
    out.dueDate = std::string(trim(fields.dueDate));
    out.status = fields.status.empty() ? "open" : fields.status;
    return out;
}

bool isIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    const int year = number(text.substr(0, 4)), month = number(text.substr(5, 2)), day = number(text.substr(8, 2));
    if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int last = kDays[month - 1] + (month == 2 && leapYear(year) ? 1 : 0);
    return day <= last;
}

bool isMilestoneStatus(std::string_view status) {
    return status == "open" || status == "locked" || status == "closed";
}

std::vector<std::string> milestoneErrors(const MilestoneFields& f) {
    std::vector<std::string> errors;
    if (!isValidUtf8(f.name) || hasControlCharacters(f.name))
        errors.push_back("Name must be plain text on one line.");
    else if (isBlank(f.name))
        errors.push_back("Name cannot be blank.");
    else if (utf8Length(f.name) > kMaxMilestoneName)
        errors.push_back("Name is too long (at most " + std::to_string(kMaxMilestoneName) + " characters).");
    if (!isValidUtf8(f.description) || hasControlCharacters(f.description, true))
        errors.push_back("Description must be plain text.");
    else if (utf8Length(f.description) > kMaxMilestoneDescription)
        errors.push_back("Description is too long (at most " + std::to_string(kMaxMilestoneDescription) +
                         " characters).");
    if (!f.dueDate.empty() && !isIsoDate(f.dueDate)) errors.push_back("Due date is not a valid date (use YYYY-MM-DD).");
    if (!isMilestoneStatus(f.status)) errors.push_back("Status must be open, locked or closed.");
    return errors;
}

bool canManageMilestones(const Actor& actor, unsigned projectId) {
    return actor.isActive() && (actor.admin || actor.staff) && actor.allowedTo(Permission::ManageMilestones, projectId);
}

bool isOverdue(const std::string& dueDate, const std::string& today, long openIssues) {
    return openIssues > 0 && !dueDate.empty() && dueDate < today;
}

int percentDone(long open, long closed) {
    const long total = open + closed;
    return total <= 0 ? 0 : static_cast<int>(closed * 100 / total);
}

int barPercent(long n, long max) {
    if (n <= 0 || max <= 0) return 0;
    return static_cast<int>(std::max(1L, std::min(100L, n * 100 / max)));
}

} // namespace ticketflow::domain
