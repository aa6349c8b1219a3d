// What notification mails need beyond the change itself.
#include "core/storage/notification_repository.hpp"

#include "core/domain/text.hpp"

namespace ticketflow::storage {

IssueAudience NotificationRepository::audience(unsigned issueId, std::optional<unsigned> customerId) {
    // GROUP_CONCAT's default limit (1 KB) holds ~140 watcher ids; more are not realistic.
    auto& ps = _db.prepare(
        "SELECT COALESCE(c.name, '') AS name, c.email,"
        " (SELECT COALESCE(GROUP_CONCAT(w.user_id), '') FROM watchers w WHERE w.issue_id = ?) AS watchers"
        " FROM (SELECT 1) one LEFT JOIN customers c ON c.id = ?");
    ps.setUInt(1, issueId);
    bindOptional(ps, 2, customerId);
    return _db.run([&] {
        IssueAudience a;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return a;
        a.customerName = rs->getString("name");
        a.customerMail = optionalString(*rs, "email");
        const std::string watchers = rs->getString("watchers");
        for (const auto part : domain::split(watchers, ',')) {
            if (const auto id = domain::parseId(part)) a.watcherIds.push_back(*id);
        }
        return a;
    });
}

std::vector<unsigned> NotificationRepository::copiedFrom(unsigned issueId) {
    auto& ps = _db.prepare(
        "SELECT issue_from_id FROM issue_relations WHERE issue_to_id = ? AND relation_type = 'copied_to'"
        " ORDER BY issue_from_id");
    ps.setUInt(1, issueId);
    return _db.run([&] {
        std::vector<unsigned> ids;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) ids.push_back(rs->getUInt(1));
        return ids;
    });
}

} // namespace ticketflow::storage
