// What notification mails need beyond the change itself: the customer's address, the
// watchers, and the support issues an internal issue was copied from.
#pragma once
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::storage {

struct IssueAudience {
    std::string customerName;
    std::optional<std::string> customerMail; ///< nullopt: no customer or no address
    std::vector<unsigned> watcherIds;
};

class NotificationRepository {
public:
    explicit NotificationRepository(Connection& db) : _db(db) {}

    /// One round trip: the customer (none when `customerId` is empty) and the issue's watchers.
    IssueAudience audience(unsigned issueId, std::optional<unsigned> customerId);
    /// The issues this one was copied from (relation copied_to, read backwards).
    std::vector<unsigned> copiedFrom(unsigned issueId);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
