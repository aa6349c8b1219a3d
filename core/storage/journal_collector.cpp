// Turns journal rows (one per detail, in any order) into ordered journals with their details.
#include "core/storage/journal_collector.hpp"

#include "core/storage/connection.hpp"

namespace ticketflow::storage {

void JournalCollector::add(sql::ResultSet& rs) {
    if (rs.isNull("journal_id")) return;
    auto [it, inserted] = _journals.try_emplace(rs.getUInt("journal_id"));
    Entry& e = it->second;
    if (inserted) {
        e.journal.id = it->first;
        e.journal.userId = optionalUInt(rs, "journal_user_id");
        e.journal.userName = rs.getString("journal_user_name");
        e.journal.notes = rs.getString("notes");
        e.journal.privateNotes = rs.getBoolean("private_notes");
        e.journal.createdAt = rs.getString("journal_created_at");
    }
    if (!rs.isNull("detail_id")) {
        e.details.try_emplace(rs.getUInt("detail_id"),
                              domain::JournalDetail{rs.getString("property"), rs.getString("prop_key"),
                                                    optionalString(rs, "old_value"), optionalString(rs, "value")});
    }
}

std::vector<domain::Journal> JournalCollector::take() {
    std::vector<domain::Journal> result;
    result.reserve(_journals.size());
    for (auto& [id, e] : _journals) {
        for (auto& [detailId, detail] : e.details) e.journal.details.push_back(std::move(detail));
        result.push_back(std::move(e.journal));
    }
    return result;
}

} // namespace ticketflow::storage
