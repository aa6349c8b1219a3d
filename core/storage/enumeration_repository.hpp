// Writes and reads of trackers, issue statuses, priorities and roles for the administration
// pages (the catalog reads them for everyone else).
#pragma once
#include "core/domain/reference_data_rules.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <vector>

namespace ticketflow::storage {

template <class Fields>
struct Record {
    unsigned id = 0;
    Fields fields;
};

using TrackerRecord = Record<domain::TrackerFields>;
using StatusRecord = Record<domain::StatusFields>;
using PriorityRecord = Record<domain::PriorityFields>;
using RoleRecord = Record<domain::RoleFields>;

/// How a removal ended: in use means rows still refer to the record (issues, memberships,
/// trackers' defaults); nothing was changed then.
enum class Removal { Removed, NotFound, InUse };

/// Every write throws StorageError; duplicateKey() means the name is taken. Creates return the
/// new id. Writes that touch several tables must run inside a transaction (the use case's).
class EnumerationRepository {
public:
    explicit EnumerationRepository(Connection& db) : _db(db) {}

    std::vector<TrackerRecord> trackers();
    std::optional<TrackerRecord> tracker(unsigned id);
    unsigned createTracker(const domain::TrackerFields& fields);
    bool updateTracker(unsigned id, const domain::TrackerFields& fields);
    Removal removeTracker(unsigned id);

    std::vector<StatusRecord> statuses();
    std::optional<StatusRecord> status(unsigned id);
    /// Also adds zero issue counts for every project and tracker in the new status.
    unsigned createStatus(const domain::StatusFields& fields);
    bool updateStatus(unsigned id, const domain::StatusFields& fields);
    /// Drops the status's workflow transitions and zero counts with it.
    Removal removeStatus(unsigned id);

    std::vector<PriorityRecord> priorities();
    std::optional<PriorityRecord> priority(unsigned id);
    /// A default priority takes the flag from every other one.
    unsigned createPriority(const domain::PriorityFields& fields);
    bool updatePriority(unsigned id, const domain::PriorityFields& fields);
    Removal removePriority(unsigned id);

    std::vector<RoleRecord> roles();
    std::optional<RoleRecord> role(unsigned id);
    unsigned createRole(const domain::RoleFields& fields);
    bool updateRole(unsigned id, const domain::RoleFields& fields);
    /// Drops the role's workflow transitions with it; refused while members hold it.
    Removal removeRole(unsigned id);

private:
    /// DELETE `sql` with `id`; a foreign key that still refers to the row means InUse.
    Removal removeRow(const std::string& sql, unsigned id);
    void clearOtherDefaults(unsigned keepId);
    Connection& _db;
};

} // namespace ticketflow::storage
