// Who watches an issue (DESIGN §4: watchers are told of changes). Staff watch and unwatch
// issues they can see; adding or removing someone else needs EditIssues.
#pragma once
#include "core/app/issue_service.hpp"

namespace ticketflow::app {

class WatcherService {
public:
    WatcherService(storage::Connection& db, const domain::Catalog& catalog) : _db(db), _catalog(catalog) {}
    /// NotFound when the actor may not see the issue; Forbidden for a customer, or for
    /// someone else without EditIssues; Invalid when `userId` is not an active staff member
    /// of the issue's project. Adding a watcher twice is Ok.
    Outcome add(const domain::Actor& actor, unsigned issueId, unsigned userId, std::string& error);
    Outcome remove(const domain::Actor& actor, unsigned issueId, unsigned userId, std::string& error);

private:
    Outcome check(const domain::Actor& actor, const std::optional<domain::Issue>& issue, unsigned userId,
                  std::string& error) const;
    storage::Connection& _db;
    const domain::Catalog& _catalog;
};

} // namespace ticketflow::app
