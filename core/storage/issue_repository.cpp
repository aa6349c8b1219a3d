// Issues, their journals and the denormalised counts, in MariaDB.
#include "core/storage/issue_repository.hpp"

#include "core/storage/issue_row_reader.hpp"
#include "core/domain/text.hpp"
#include "core/storage/journal_collector.hpp"

#include <algorithm>
#include <string_view>
#include <variant>

namespace ticketflow::storage {

namespace {

// Every issue column with the customer's name and mail.
const std::string kIssueFields =
    "i.id, i.project_id, i.tracker_id, i.status_id, i.priority_id, i.subject,"
    " COALESCE(i.description, '') AS description, i.author_id, i.assigned_to_id, i.milestone_id, i.customer_id,"
    " i.hint_priority_id, i.hint_assigned_to_id, i.source, i.triage_checklist, i.customer_replied, i.lock_version,"
    " i.created_at, i.updated_at, i.closed_at, COALESCE(c.name, '') AS customer_name,"
    " COALESCE(c.email, '') AS customer_email";

// What the issue page shows beside the issue, read only there (findWithHistory): index-only
// counts, so the page skips the files and relations queries for the many issues without any,
// and the watchers, whose names come from the catalog. (No ORDER BY inside GROUP_CONCAT: that
// costs a temporary table per read; sorted in readPageExtras.)
const std::string kPageExtras =
    ", (SELECT COUNT(*) FROM attachments a WHERE a.issue_id = i.id) AS attachment_count,"
    " (SELECT COUNT(*) FROM issue_relations r WHERE r.issue_from_id = i.id)"
    " + (SELECT COUNT(*) FROM issue_relations r WHERE r.issue_to_id = i.id) AS relation_count,"
    " (SELECT COALESCE(GROUP_CONCAT(w.user_id), '') FROM watchers w WHERE w.issue_id = i.id) AS watcher_ids";

const std::string kIssueFrom = " FROM issues i LEFT JOIN customers c ON c.id = i.customer_id";

/// Staff names come from the catalog (Catalog::userName), so no statement joins users.
const std::string kIssueSelect = "SELECT " + kIssueFields;

const char* const kJournalColumns =
    ", j.id AS journal_id, j.user_id AS journal_user_id, COALESCE(j.notes, '') AS notes, j.private_notes,"
    " j.created_at AS journal_created_at, COALESCE(jc.name, '') AS journal_user_name,"
    " d.id AS detail_id, d.property, d.prop_key, d.old_value, d.value";

const char* const kJournalJoins =
    " LEFT JOIN customers jc ON jc.id = j.customer_id"
    " LEFT JOIN journal_details d ON d.journal_id = j.id";

domain::Issue readIssue(sql::ResultSet& rs) {
    domain::Issue i;
    i.id = rs.getUInt("id");
    i.projectId = rs.getUInt("project_id");
    i.trackerId = rs.getUInt("tracker_id");
    i.statusId = rs.getUInt("status_id");
    i.priorityId = rs.getUInt("priority_id");
    i.subject = rs.getString("subject");
    i.description = rs.getString("description");
    i.authorId = optionalUInt(rs, "author_id");
    i.assigneeId = optionalUInt(rs, "assigned_to_id");
    i.milestoneId = optionalUInt(rs, "milestone_id");
    i.customerId = optionalUInt(rs, "customer_id");
    i.hintPriorityId = optionalUInt(rs, "hint_priority_id");
    i.hintAssigneeId = optionalUInt(rs, "hint_assigned_to_id");
    i.source = rs.getString("source");
    i.triageChecklist = rs.getString("triage_checklist");
    i.customerReplied = rs.getBoolean("customer_replied");
    i.lockVersion = rs.getUInt("lock_version");
    i.createdAt = rs.getString("created_at");
    i.updatedAt = rs.getString("updated_at");
    i.closedAt = optionalString(rs, "closed_at");
    i.customerName = rs.getString("customer_name");
    i.customerEmail = rs.getString("customer_email");
    return i;
}

void readPageExtras(sql::ResultSet& rs, domain::Issue& i) {
    i.attachmentCount = static_cast<unsigned>(rs.getUInt("attachment_count"));
    i.relationCount = static_cast<unsigned>(rs.getUInt("relation_count"));
    const std::string watchers = rs.getString("watcher_ids");
    for (const auto part : domain::split(watchers, ',')) {
        if (const auto id = domain::parseId(part)) i.watcherIds.push_back(*id);
    }
    std::sort(i.watcherIds.begin(), i.watcherIds.end());
}

/// The SQL expression behind each sort key: the only way a sort reaches the SQL text.
std::string sortExpression(domain::SortKey key) {
    switch (key) {
        case domain::SortKey::Id:
        case domain::SortKey::Created:
            return "i.id";
        case domain::SortKey::Updated:
            return "i.updated_at";
        case domain::SortKey::Priority:
            return "i.priority_id";
        case domain::SortKey::Status:
            return "i.status_id";
        case domain::SortKey::Tracker:
            return "i.tracker_id";
        case domain::SortKey::Subject:
            return "i.subject";
        case domain::SortKey::Assignee:
            return "COALESCE(i.assigned_to_id, 0)";
    }
    return "i.id";
}

/// SQL text and its parameters built side by side, so that a placeholder and the value it
/// takes can never drift apart, whichever optional parts a statement has.
class Statement {
public:
    Statement& sql(std::string_view text) {
        _text += text;
        return *this;
    }
    /// Appends "PREFIX IN (?, …)" for a non-empty list, nothing for an empty one.
    Statement& in(std::string_view prefix, const std::vector<unsigned>& ids) {
        if (ids.empty()) return *this;
        _text += prefix;
        _text += " IN (";
        for (size_t i = 0; i < ids.size(); ++i) {
            _text += i ? ",?" : "?";
            _params.emplace_back(ids[i]);
        }
        _text += ")";
        return *this;
    }
    /// Appends " ?" taking `value`.
    Statement& value(std::variant<unsigned, std::string> value) {
        _text += " ?";
        _params.push_back(std::move(value));
        return *this;
    }
    const std::string& text() const { return _text; }
    void bind(sql::PreparedStatement& ps) const {
        int n = 1;
        for (const auto& p : _params) {
            if (const unsigned* u = std::get_if<unsigned>(&p))
                ps.setUInt(n++, *u);
            else
                ps.setString(n++, std::get<std::string>(p));
        }
    }

private:
    std::string _text;
    std::vector<std::variant<unsigned, std::string>> _params;
};

/// Pads an id list to a power of two by repeating its last id: the SQL text then takes
/// few shapes, which bounds the prepared statements a connection keeps.
std::vector<unsigned> padded(std::vector<unsigned> ids) {
    if (ids.empty()) return ids;
    size_t size = 1;
    while (size < ids.size()) size *= 2;
    ids.resize(size, ids.back());
    return ids;
}

std::vector<unsigned> intersect(const std::vector<unsigned>& visible, std::optional<unsigned> only) {
    if (!only) return visible;
    if (std::find(visible.begin(), visible.end(), *only) != visible.end()) return {*only};
    return {};
}

domain::IssueRow readRow(sql::ResultSet& rs) {
    domain::IssueRow r = readIssueRow(rs);
    r.sortValue = rs.getString("sort_value");
    return r;
}

} // namespace

bool IssueRepository::lockForUpdate(unsigned id) {
    auto& ps = _db.prepare("SELECT id FROM issues WHERE id = ? FOR UPDATE");
    ps.setUInt(1, id);
    bool found = false;
    forEachRow(_db, ps, [&](sql::ResultSet&) { found = true; });
    return found;
}

std::optional<domain::Issue> IssueRepository::find(unsigned id) {
    auto& ps = _db.prepare(kIssueSelect + kIssueFrom + " WHERE i.id = ?");
    ps.setUInt(1, id);
    return _db.run([&]() -> std::optional<domain::Issue> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readIssue(*rs);
    });
}

std::optional<IssueWithHistory> IssueRepository::findWithHistory(unsigned id) {
    // One round trip for the issue page: the issue's columns repeat on each journal row.
    auto& ps = _db.prepare(kIssueSelect + kPageExtras + kJournalColumns + kIssueFrom +
                           " LEFT JOIN journals j ON j.issue_id = i.id" +
                           kJournalJoins + " WHERE i.id = ?");
    ps.setUInt(1, id);
    return _db.run([&]() -> std::optional<IssueWithHistory> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        IssueWithHistory result{readIssue(*rs), {}};
        readPageExtras(*rs, result.issue);
        JournalCollector journals;
        do {
            journals.add(*rs);
        } while (rs->next());
        result.journals = journals.take();
        return result;
    });
}

std::vector<domain::Journal> IssueRepository::journals(unsigned issueId, bool includePrivate) {
    auto& ps = _db.prepare(std::string("SELECT 1") + kJournalColumns + " FROM journals j" + kJournalJoins +
                           " WHERE j.issue_id = ? AND (j.private_notes = 0 OR ? = 1)");
    ps.setUInt(1, issueId);
    ps.setInt(2, includePrivate ? 1 : 0);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        JournalCollector journals;
        while (rs->next()) journals.add(*rs);
        return journals.take();
    });
}

namespace {

/// The filters of a list as an id-list per column, padded (see padded).
struct ListFilters {
    std::vector<unsigned> projects, statuses, trackers, priorities, milestones, assignees;
    ListFilters(const domain::IssueQuery& q, const std::vector<unsigned>& statusIds, const Visibility& visibility)
        : projects(padded(intersect(visibility.projectIds, q.projectId))), statuses(padded(statusIds)),
          trackers(padded(q.trackerIds)), priorities(padded(q.priorityIds)), milestones(padded(q.milestoneIds)),
          assignees(padded(q.assigneeIds)) {}
};

/// The counts table knows project, status and tracker only.
bool countable(const domain::IssueQuery& q, const Visibility& visibility) {
    return q.assigneeIds.empty() && !q.assigneeNone && q.priorityIds.empty() && q.milestoneIds.empty() &&
           !visibility.customerId;
}

/// The matching issues' number as a subquery on the counts table (see countable).
void appendCountsTotal(Statement& st, const ListFilters& f) {
    st.sql("(SELECT COALESCE(SUM(n), 0) FROM issue_counts WHERE")
        .in(" project_id", f.projects)
        .in(" AND status_id", f.statuses)
        .in(" AND tracker_id", f.trackers)
        .sql(")");
}

void appendFilters(Statement& st, const ListFilters& f, const domain::IssueQuery& q, const Visibility& visibility) {
    st.in(" i.project_id", f.projects)
        .in(" AND i.status_id", f.statuses)
        .in(" AND i.tracker_id", f.trackers)
        .in(" AND i.priority_id", f.priorities)
        .in(" AND i.milestone_id", f.milestones);
    if (q.assigneeNone)
        st.sql(" AND i.assigned_to_id IS NULL");
    else
        st.in(" AND i.assigned_to_id", f.assignees);
    if (visibility.customerId) st.sql(" AND i.customer_id =").value(*visibility.customerId);
}

} // namespace

domain::IssuePage IssueRepository::list(const domain::IssueQuery& q, const std::vector<unsigned>& statusIds,
                                        const Visibility& visibility) {
    domain::IssuePage page;
    const ListFilters f(q, statusIds, visibility);
    if (f.projects.empty()) return page;

    const std::string expr = sortExpression(q.sort);
    const bool byId = expr == "i.id";
    const auto cursor =
        q.before ? domain::decodeCursor(*q.before) : (q.after ? domain::decodeCursor(*q.after) : std::nullopt);
    // Paging backwards reads in the opposite order and flips the rows afterwards.
    const bool backwards = q.before.has_value() && cursor.has_value();
    const bool desc = q.descending != backwards;
    const char* cmp = desc ? "<" : ">";

    Statement st;
    st.sql(
        "SELECT i.id, i.project_id, i.tracker_id, i.status_id, i.priority_id, i.assigned_to_id, i.milestone_id,"
        " i.subject, i.updated_at, i.created_at, ");
    // The total comes from the counts table, as a column of the same statement (MariaDB
    // evaluates the uncorrelated subquery once), when the filters are ones that table knows.
    const bool fromCounts = countable(q, visibility);
    if (fromCounts) {
        appendCountsTotal(st, f);
    } else {
        st.sql("NULL");
    }
    st.sql(" AS total, ").sql(expr).sql(" AS sort_value FROM issues i WHERE");
    appendFilters(st, f, q, visibility);
    if (cursor && byId) st.sql(" AND i.id ").sql(cmp).value(cursor->id);
    if (cursor && !byId) {
        st.sql(" AND (").sql(expr).sql(" ").sql(cmp).value(cursor->sortValue);
        st.sql(" OR (")
            .sql(expr)
            .sql(" =")
            .value(cursor->sortValue)
            .sql(" AND i.id ")
            .sql(cmp)
            .value(cursor->id)
            .sql("))");
    }
    const std::string dir = desc ? " DESC" : " ASC";
    st.sql(byId ? " ORDER BY i.id" + dir : " ORDER BY " + expr + dir + ", i.id" + dir);
    st.sql(" LIMIT").value(q.limit + 1);

    auto& ps = _db.prepare(st.text());
    st.bind(ps);

    _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) {
            if (fromCounts && !page.total) page.total = static_cast<long>(rs->getInt64("total"));
            page.rows.push_back(readRow(*rs));
        }
    });
    if (fromCounts && !page.total && !cursor) page.total = 0;
    const bool more = page.rows.size() > q.limit;
    if (more) page.rows.pop_back();
    if (backwards) {
        std::reverse(page.rows.begin(), page.rows.end());
        page.hasPrevious = more;
        page.hasNext = true;
    } else {
        page.hasNext = more;
        page.hasPrevious = cursor.has_value();
    }
    return page;
}

IssueRepository::OffsetPage IssueRepository::listAt(const domain::IssueQuery& q,
                                                    const std::vector<unsigned>& statusIds,
                                                    const Visibility& visibility, unsigned offset) {
    OffsetPage page;
    const ListFilters f(q, statusIds, visibility);
    if (f.projects.empty()) return page;
    const std::string expr = sortExpression(q.sort);
    const std::string dir = q.descending ? " DESC" : " ASC";
    Statement st;
    st.sql(kIssueSelect + ", ");
    if (countable(q, visibility)) {
        appendCountsTotal(st, f);
    } else {
        // Filters the counts table does not know are counted in the same statement.
        st.sql("(SELECT COUNT(*) FROM issues i WHERE");
        appendFilters(st, f, q, visibility);
        st.sql(")");
    }
    st.sql(" AS total").sql(kIssueFrom).sql(" WHERE");
    appendFilters(st, f, q, visibility);
    st.sql(expr == "i.id" ? " ORDER BY i.id" + dir : " ORDER BY " + expr + dir + ", i.id" + dir);
    st.sql(" LIMIT").value(q.limit).sql(" OFFSET").value(offset);

    auto& ps = _db.prepare(st.text());
    st.bind(ps);
    _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) {
            page.total = static_cast<long>(rs->getInt64("total"));
            page.issues.push_back(readIssue(*rs));
        }
    });
    // Past the last row the statement returns nothing, the total included.
    if (page.issues.empty() && offset > 0) page.total = count(q, statusIds, visibility);
    return page;
}

long IssueRepository::count(const domain::IssueQuery& q, const std::vector<unsigned>& statusIds,
                            const Visibility& visibility) {
    const ListFilters f(q, statusIds, visibility);
    if (f.projects.empty()) return 0;
    Statement st;
    st.sql("SELECT COUNT(*) AS n FROM issues i WHERE");
    appendFilters(st, f, q, visibility);
    auto& ps = _db.prepare(st.text());
    st.bind(ps);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        return rs->next() ? static_cast<long>(rs->getInt64("n")) : 0L;
    });
}

std::vector<IssueRepository::StatusCount> IssueRepository::countsByProjectAndStatus() {
    std::vector<StatusCount> result;
    auto& ps =
        _db.prepare("SELECT project_id, status_id, SUM(n) AS n FROM issue_counts GROUP BY project_id, status_id");
    _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) {
            result.push_back(
                {rs->getUInt("project_id"), rs->getUInt("status_id"), static_cast<long>(rs->getInt64("n"))});
        }
    });
    return result;
}

unsigned IssueRepository::insert(const domain::IssueDraft& d, unsigned statusId, std::optional<unsigned> authorId) {
    auto& ps = _db.prepare(
        "INSERT INTO issues (project_id, tracker_id, status_id, priority_id, subject, description, author_id,"
        " assigned_to_id, milestone_id, customer_id, hint_priority_id, hint_assigned_to_id, source, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), NOW()) RETURNING id");
    ps.setUInt(1, d.projectId);
    ps.setUInt(2, d.trackerId);
    ps.setUInt(3, statusId);
    ps.setUInt(4, d.priorityId);
    ps.setString(5, d.subject);
    ps.setString(6, d.description);
    bindOptional(ps, 7, authorId);
    bindOptional(ps, 8, d.assigneeId);
    bindOptional(ps, 9, d.milestoneId);
    bindOptional(ps, 10, d.customerId);
    bindOptional(ps, 11, d.hintPriorityId);
    bindOptional(ps, 12, d.hintAssigneeId);
    ps.setString(13, d.source);
    return static_cast<unsigned>(_db.insertReturningId(ps)); // issue_counts: by trigger (sql/009)
}

bool IssueRepository::update(unsigned id, unsigned lockVersion, const IssueFields& f) {
    auto& ps = _db.prepare(
        "UPDATE issues SET tracker_id = ?, status_id = ?, priority_id = ?, assigned_to_id = ?, milestone_id = ?,"
        " subject = ?, description = NULLIF(?, ''), triage_checklist = ?,"
        " closed_at = IF(?, COALESCE(closed_at, NOW()), NULL), updated_at = NOW(), lock_version = lock_version + 1"
        " WHERE id = ? AND lock_version = ?");
    ps.setUInt(1, f.trackerId);
    ps.setUInt(2, f.statusId);
    ps.setUInt(3, f.priorityId);
    bindOptional(ps, 4, f.assigneeId);
    bindOptional(ps, 5, f.milestoneId);
    ps.setString(6, f.subject);
    ps.setString(7, f.description);
    ps.setString(8, f.triageChecklist);
    ps.setBoolean(9, f.closed);
    ps.setUInt(10, id);
    ps.setUInt(11, lockVersion);
    return _db.run([&] { return ps.executeUpdate() == 1; });
}

unsigned IssueRepository::insertJournal(unsigned issueId, JournalAuthor author, const std::string& notes,
                                        bool privateNotes, const std::vector<domain::JournalDetail>& details) {
    auto& ps = _db.prepare(
        "INSERT INTO journals (issue_id, user_id, customer_id, notes, private_notes, created_at)"
        " VALUES (?, ?, ?, ?, ?, NOW()) RETURNING id");
    ps.setUInt(1, issueId);
    bindOptional(ps, 2, author.userId);
    bindOptional(ps, 3, author.customerId);
    ps.setString(4, notes);
    ps.setBoolean(5, privateNotes);
    const auto journalId = static_cast<unsigned>(_db.insertReturningId(ps));
    auto& detail = _db.prepare(
        "INSERT INTO journal_details (journal_id, property, prop_key, old_value, value)"
        " VALUES (?, ?, ?, ?, ?)");
    for (const auto& d : details) {
        detail.clearParameters();
        detail.setUInt(1, journalId);
        detail.setString(2, d.property);
        detail.setString(3, d.key);
        if (d.oldValue)
            detail.setString(4, *d.oldValue);
        else
            detail.setNull(4, 0);
        if (d.value)
            detail.setString(5, *d.value);
        else
            detail.setNull(5, 0);
        _db.run([&] { detail.executeUpdate(); });
    }
    return journalId;
}

void IssueRepository::markCustomerReplied(unsigned issueId) {
    auto& ps = _db.prepare("UPDATE issues SET customer_replied = 1 WHERE id = ?");
    ps.setUInt(1, issueId);
    _db.run([&] { ps.executeUpdate(); });
}

void IssueRepository::addWatcher(unsigned issueId, unsigned userId) {
    auto& ps = _db.prepare("INSERT IGNORE INTO watchers (issue_id, user_id) VALUES (?, ?)");
    ps.setUInt(1, issueId);
    ps.setUInt(2, userId);
    _db.run([&] { ps.executeUpdate(); });
}

bool IssueRepository::removeWatcher(unsigned issueId, unsigned userId) {
    auto& ps = _db.prepare("DELETE FROM watchers WHERE issue_id = ? AND user_id = ?");
    ps.setUInt(1, issueId);
    ps.setUInt(2, userId);
    return _db.run([&] { return ps.executeUpdate() == 1; });
}

bool IssueRepository::remove(const domain::Issue& issue) {
    auto& ps = _db.prepare("DELETE FROM issues WHERE id = ? AND lock_version = ?");
    ps.setUInt(1, issue.id);
    ps.setUInt(2, issue.lockVersion);
    return _db.run([&] { return ps.executeUpdate() == 1; });
}

} // namespace ticketflow::storage
