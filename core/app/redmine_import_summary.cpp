// The summary of a Redmine import as people read it.
#include "core/app/redmine_import.hpp"

#include <cstdio>
#include <iomanip>

namespace ticketflow::app {

ImportCounts& ImportSummary::of(const std::string& kind) {
    for (auto& [name, counts] : this->counts)
        if (name == kind) return counts;
    return this->counts.emplace_back(kind, ImportCounts{}).second;
}

void printSummary(const ImportSummary& s, std::ostream& out) {
    out << "import from " << s.source << "\n\n";
    out << std::left << std::setw(14) << "" << std::right;
    for (const char* h : {"created", "linked", "updated", "unchanged", "skipped"}) out << std::setw(11) << h;
    out << "\n";
    for (const auto& [kind, c] : s.counts) {
        out << std::left << std::setw(14) << kind << std::right;
        for (const auto n : {c.created, c.linked, c.updated, c.unchanged, c.skipped}) out << std::setw(11) << n;
        out << "\n";
    }
    out << "\n";
    if (s.renumbered)
        out << s.renumbered
            << " issue(s) got a new number: theirs was taken in ticketflow (\"#N\" in their texts still means"
               " Redmine's number)\n";
    if (s.unmapped.empty()) {
        out << "everything read was mapped\n";
    } else {
        out << "not imported (ticketflow has no place for it, or it could not be matched):\n";
        for (const auto& [what, n] : s.unmapped) out << "  " << std::setw(7) << n << "  " << what << "\n";
    }
    if (!s.failures.empty()) {
        out << s.failures.size() << " issue(s) failed (the next run tries them again):\n";
        for (const auto& f : s.failures) out << "  " << f << "\n";
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", s.seconds);
    out << "done in " << seconds << " s\n";
}

} // namespace ticketflow::app
