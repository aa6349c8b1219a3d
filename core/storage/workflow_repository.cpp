// The workflow table for the editor.
#include "core/storage/workflow_repository.hpp"

namespace ticketflow::storage {

domain::TransitionRule readTransitionRule(sql::ResultSet& rs) {
    domain::TransitionRule r;
    r.trackerId = rs.getUInt("tracker_id");
    r.roleId = rs.getUInt("role_id");
    r.fromStatusId = rs.getUInt("old_status_id");
    r.toStatusId = rs.getUInt("new_status_id");
    r.noteRequired = rs.getBoolean("note_required");
    r.assigneeRequired = rs.getBoolean("assignee_required");
    r.milestoneRequired = rs.getBoolean("milestone_required");
    r.assigneeOnly = rs.getBoolean("assignee_only");
    return r;
}

std::vector<domain::TransitionRule> WorkflowRepository::rules(unsigned trackerId, unsigned roleId) {
    std::vector<domain::TransitionRule> out;
    auto& ps = _db.prepare(
        "SELECT tracker_id, role_id, old_status_id, new_status_id, note_required, assignee_required,"
        " milestone_required, assignee_only FROM workflow_transitions WHERE tracker_id = ? AND role_id = ?");
    ps.setUInt(1, trackerId);
    ps.setUInt(2, roleId);
    forEachRow(_db, ps, [&](sql::ResultSet& rs) { out.push_back(readTransitionRule(rs)); });
    return out;
}

void WorkflowRepository::replace(unsigned trackerId, unsigned roleId, const std::vector<domain::TransitionRule>& rules) {
    auto& clear = _db.prepare("DELETE FROM workflow_transitions WHERE tracker_id = ? AND role_id = ?");
    clear.setUInt(1, trackerId);
    clear.setUInt(2, roleId);
    _db.run([&] { clear.executeUpdate(); });
    auto& add = _db.prepare(
        "INSERT INTO workflow_transitions (tracker_id, role_id, old_status_id, new_status_id, note_required,"
        " assignee_required, milestone_required, assignee_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& r : rules) {
        add.setUInt(1, trackerId);
        add.setUInt(2, roleId);
        add.setUInt(3, r.fromStatusId);
        add.setUInt(4, r.toStatusId);
        add.setBoolean(5, r.noteRequired);
        add.setBoolean(6, r.assigneeRequired);
        add.setBoolean(7, r.milestoneRequired);
        add.setBoolean(8, r.assigneeOnly);
        _db.run([&] { add.executeUpdate(); });
    }
}

} // namespace ticketflow::storage
