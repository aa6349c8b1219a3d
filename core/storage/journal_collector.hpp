// Turns journal rows (one per detail, in any order) into ordered journals with their details.
#pragma once
#include "core/domain/issue.hpp"

#include <cppconn/resultset.h>
#include <map>
#include <vector>

namespace ticketflow::storage {

/// Collects journal rows (one per detail) into journals ordered by id, each with its details
/// ordered by id. The statements carry no ORDER BY: sorting a join with TEXT columns made
/// MariaDB build an on-disk temporary table for every issue page (0.8 ms), so order is made
/// here, whatever order the plan returns rows in.
class JournalCollector {
public:
    /// Reads journal_id, journal_user_id, journal_user_name, notes, private_notes,
    /// journal_created_at, detail_id, property, prop_key, old_value, value of the current row;
    /// a row without a journal (an issue without history) is skipped.
    void add(sql::ResultSet& rs);
    /// The journals by id, each with its details by id.
    std::vector<domain::Journal> take();

private:
    struct Entry {
        domain::Journal journal;
        std::map<unsigned, domain::JournalDetail> details;
    };
    std::map<unsigned, Entry> _journals;
};

} // namespace ticketflow::storage
