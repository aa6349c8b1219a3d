// ReportHistoryReader: prepared SELECTs; the issue history as one ordered, streamed join.
#include "core/storage/report_history_reader.hpp"

#include <algorithm>
#include <charconv>

namespace ticketflow::storage {

namespace {

unsigned idOf(const sql::SQLString& text) {
    unsigned value = 0;
    const std::string s = text;
    std::from_chars(s.data(), s.data() + s.size(), value); // NULL or junk reads as 0 (none)
    return value;
}

// The issues of one id range with their status details, one row per change (or one row
// without any); an issue's rows are consecutive. The inner join in brackets keeps journals
// without a status change out while still listing issues that never changed. Ordered by the
// issue only, so MariaDB walks the primary key without sorting; each issue's few changes are
// put in journal order here.
const std::string kHistory =
    "SELECT i.id, i.project_id, i.tracker_id, i.status_id, COALESCE(i.milestone_id, 0),"
    " COALESCE(i.assigned_to_id, 0), UNIX_TIMESTAMP(i.created_at),"
    " UNIX_TIMESTAMP(j.created_at), d.old_value, d.value, COALESCE(j.id, 0), COALESCE(d.id, 0)"
    " FROM issues i"
    " LEFT JOIN (journals j JOIN journal_details d ON d.journal_id = j.id"
    "   AND d.property = 'attr' AND d.prop_key = 'status_id') ON j.issue_id = i.id"
    " WHERE i.id > ? AND i.id <= ? AND i.created_at <= FROM_UNIXTIME(?)"
    " ORDER BY i.id";

// Connector/C++ 1.1 stores a prepared statement's whole result in the client (it has no
// streaming result sets for prepared statements: setResultSetType throws), so the history is
// read in id ranges: memory holds one range's rows (~50,000 issues, a few MB), never the
// millions of the whole table.
constexpr unsigned kIdsPerRead = 50000;

struct Keyed {
    unsigned journalId, detailId;
    report::StatusChange change;
};

} // namespace

report::StatusKinds ReportHistoryReader::statusKinds() {
    auto& ps = _db.prepare("SELECT id, is_new, is_closed FROM issue_statuses");
    return _db.run([&] {
        report::StatusKinds kinds;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) {
            if (rs->getBoolean(2)) kinds.isNew.insert(rs->getUInt(1));
            if (rs->getBoolean(3)) kinds.isClosed.insert(rs->getUInt(1));
        }
        return kinds;
    });
}

std::vector<report::MilestoneInfo> ReportHistoryReader::milestones() {
    auto& ps = _db.prepare(
        "SELECT m.id, m.project_id, m.name, COALESCE(DATE_FORMAT(m.due_date, '%Y-%m-%d'), ''), m.status"
        " FROM milestones m JOIN projects p ON p.id = m.project_id ORDER BY p.position, p.id, m.due_date IS NULL,"
        " m.due_date, m.name");
    return _db.run([&] {
        std::vector<report::MilestoneInfo> out;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next())
            out.push_back({rs->getUInt(1), rs->getUInt(2), rs->getString(3), rs->getString(4), rs->getString(5)});
        return out;
    });
}

std::vector<report::CopyLink> ReportHistoryReader::copyLinks() {
    auto& ps = _db.prepare(
        "SELECT r.issue_from_id, r.issue_to_id, UNIX_TIMESTAMP(r.created_at) FROM issue_relations r"
        " JOIN issues f ON f.id = r.issue_from_id JOIN projects pf ON pf.id = f.project_id"
        " JOIN issues t ON t.id = r.issue_to_id JOIN projects pt ON pt.id = t.project_id"
        " WHERE r.relation_type = ? AND pf.customer_facing = 1 AND pt.customer_facing = 0 ORDER BY r.id");
    ps.setString(1, "copied_to");
    return _db.run([&] {
        std::vector<report::CopyLink> out;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) out.push_back({rs->getUInt(1), rs->getUInt(2), rs->getInt64(3)});
        return out;
    });
}

std::map<unsigned, std::string> ReportHistoryReader::names(const std::string& sqlText) {
    auto& ps = _db.prepare(sqlText);
    return _db.run([&] {
        std::map<unsigned, std::string> out;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) out[rs->getUInt(1)] = rs->getString(2);
        return out;
    });
}

std::map<unsigned, std::string> ReportHistoryReader::projectNames() {
    return names("SELECT id, name FROM projects");
}
std::map<unsigned, std::string> ReportHistoryReader::trackerNames() {
    return names("SELECT id, name FROM trackers");
}
std::map<unsigned, std::string> ReportHistoryReader::statusNames() {
    return names("SELECT id, name FROM issue_statuses");
}
std::map<unsigned, std::string> ReportHistoryReader::userNames() {
    return names("SELECT id, COALESCE(NULLIF(TRIM(CONCAT(firstname, ' ', lastname)), ''), login) FROM users"
                 " WHERE kind = 'staff'");
}

std::size_t ReportHistoryReader::highestIssueId() {
    // MAX(id) is one index lookup; COUNT(*) would scan a million rows for a progress bar.
    auto& ps = _db.prepare("SELECT COALESCE(MAX(id), 0) FROM issues");
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        return rs->next() ? static_cast<std::size_t>(rs->getUInt64(1)) : 0;
    });
}

std::size_t ReportHistoryReader::forEachIssue(report::Instant asOf,
                                              const std::function<void(const report::IssueHistory&)>& visit,
                                              std::size_t& changes) {
    auto& ps = _db.prepare(kHistory);
    const std::size_t highest = highestIssueId();
    changes = 0;
    std::size_t count = 0;
    report::IssueHistory h;
    std::vector<Keyed> keyed;
    unsigned currentStatus = 0;
    auto flush = [&] {
        if (h.id == 0) return;
        std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
            return a.journalId != b.journalId ? a.journalId < b.journalId : a.detailId < b.detailId;
        });
        h.changes.clear();
        for (const auto& k : keyed) h.changes.push_back(k.change);
        h.initialStatus = h.changes.empty() ? currentStatus : h.changes.front().from;
        visit(h);
        ++count;
        h.id = 0;
    };
    for (std::size_t from = 0; from < highest; from += kIdsPerRead) {
        ps.setUInt64(1, from);
        ps.setUInt64(2, from + kIdsPerRead);
        ps.setInt64(3, asOf);
        _db.run([&] {
            std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
            while (rs->next()) {
                const unsigned id = rs->getUInt(1);
                if (id != h.id) {
                    flush();
                    h.id = id;
                    h.projectId = rs->getUInt(2);
                    h.trackerId = rs->getUInt(3);
                    currentStatus = rs->getUInt(4);
                    h.milestoneId = rs->getUInt(5);
                    h.assigneeId = rs->getUInt(6);
                    h.createdAt = rs->getInt64(7);
                    keyed.clear();
                }
                if (const unsigned detailId = rs->getUInt(12); detailId != 0) {
                    keyed.push_back({rs->getUInt(11), detailId,
                                     {rs->getInt64(8), idOf(rs->getString(9)), idOf(rs->getString(10))}});
                    ++changes;
                }
            }
        });
        flush(); // ranges end on issue boundaries
    }
    return count;
}

} // namespace ticketflow::storage
