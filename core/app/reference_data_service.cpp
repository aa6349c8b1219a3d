// Administering the reference data and the workflow.
#include "core/app/reference_data_service.hpp"

#include "core/app/catalog_cache.hpp"
#include "core/domain/saved_query.hpp"
#include "core/storage/enumeration_repository.hpp"
#include "core/storage/project_admin_repository.hpp"
#include "core/storage/query_repository.hpp"
#include "core/storage/storage_error.hpp"
#include "core/storage/workflow_repository.hpp"

#include <algorithm>

namespace ticketflow::app {

namespace {

constexpr const char* kNewIssues = "new_issues";

bool mayAdminister(const domain::Actor& actor) {
    return actor.admin && actor.isActive();
}

AdminResult forbidden() {
    return {Outcome::Forbidden, {"Only administrators may change the setup."}, 0};
}

AdminResult notFound(const char* what) {
    return {Outcome::NotFound, {std::string("No such ") + what + "."}, 0};
}

AdminResult invalid(std::vector<std::string> errors) {
    return {Outcome::Invalid, std::move(errors), 0};
}

/// Runs `write` (returning the record's id) in one transaction; a taken unique name becomes
/// `duplicate` and nothing is written.
template <class Write>
AdminResult inTransaction(storage::Connection& db, const char* duplicate, Write write) {
    storage::Transaction tx(db);
    try {
        const unsigned id = write();
        tx.commit();
        CatalogCache::changedEverywhere();
        return {Outcome::Ok, {}, id};
    } catch (const storage::StorageError& e) {
        if (e.duplicateKey()) return invalid({duplicate});
        throw;
    }
}

/// Runs a removal in one transaction, committed only when the row is gone.
template <class Remove>
AdminResult removal(storage::Connection& db, unsigned id, const char* what, const char* inUse, Remove remove) {
    storage::Transaction tx(db);
    switch (remove()) {
        case storage::Removal::Removed:
            tx.commit();
            CatalogCache::changedEverywhere();
            return {Outcome::Ok, {}, id};
        case storage::Removal::InUse:
            return invalid({inUse});
        case storage::Removal::NotFound:
            break;
    }
    return notFound(what);
}

} // namespace

void ReferenceDataService::syncNewIssuesQueries() {
    std::vector<unsigned> ids;
    for (const auto& s : storage::EnumerationRepository(_db).statuses())
        if (s.fields.isNew) ids.push_back(s.id);
    storage::QueryRepository(_db).setBuiltinFilters(kNewIssues, domain::newIssuesFilter(ids));
}

AdminResult ReferenceDataService::saveProject(const domain::Actor& actor, std::optional<unsigned> id,
                                              domain::ProjectFields f) {
    if (!mayAdminister(actor)) return forbidden();
    storage::ProjectAdminRepository projects(_db);
    std::optional<storage::ProjectRecord> old;
    if (id && !(old = projects.find(*id))) return notFound("project");
    if (old) f.identifier = old->fields.identifier;
    auto errors = domain::validateProjectFields(f, !old);
    std::sort(f.trackerIds.begin(), f.trackerIds.end());
    f.trackerIds.erase(std::unique(f.trackerIds.begin(), f.trackerIds.end()), f.trackerIds.end());
    storage::EnumerationRepository enums(_db);
    for (unsigned trackerId : f.trackerIds) {
        if (!enums.tracker(trackerId)) {
            errors.emplace_back("Choose existing trackers.");
            break;
        }
    }
    if (old) {
        for (unsigned used : projects.trackersWithIssues(*id)) {
            if (std::find(f.trackerIds.begin(), f.trackerIds.end(), used) != f.trackerIds.end()) continue;
            const auto tracker = enums.tracker(used);
            errors.push_back("The project still has " + (tracker ? tracker->fields.name : "#" + std::to_string(used)) +
                             " issues: that tracker cannot be taken away.");
        }
    }
    if (!errors.empty()) return invalid(std::move(errors));
    return inTransaction(_db, "A project with this identifier exists.", [&] {
        if (old) {
            projects.update(*id, f);
            return *id;
        }
        std::vector<unsigned> newIds;
        for (const auto& s : enums.statuses())
            if (s.fields.isNew) newIds.push_back(s.id);
        return projects.create(f, domain::newIssuesFilter(newIds));
    });
}

AdminResult ReferenceDataService::saveTracker(const domain::Actor& actor, std::optional<unsigned> id,
                                              const domain::TrackerFields& f) {
    if (!mayAdminister(actor)) return forbidden();
    storage::EnumerationRepository repo(_db);
    if (id && !repo.tracker(*id)) return notFound("tracker");
    auto errors = domain::validateTrackerFields(f);
    if (f.defaultStatusId && !repo.status(f.defaultStatusId)) errors.emplace_back("Choose an existing status.");
    if (f.assignableRoleId && !repo.role(*f.assignableRoleId)) errors.emplace_back("Choose an existing role.");
    if (!errors.empty()) return invalid(std::move(errors));
    return inTransaction(_db, "A tracker with this name exists.", [&] {
        if (!id) return repo.createTracker(f);
        repo.updateTracker(*id, f);
        return *id;
    });
}

AdminResult ReferenceDataService::removeTracker(const domain::Actor& actor, unsigned id) {
    if (!mayAdminister(actor)) return forbidden();
    storage::EnumerationRepository repo(_db);
    return removal(_db, id, "tracker",
                   "This tracker is in use (projects use it or issues have it) and cannot be deleted.",
                   [&] { return repo.removeTracker(id); });
}

AdminResult ReferenceDataService::saveStatus(const domain::Actor& actor, std::optional<unsigned> id,
                                             const domain::StatusFields& f) {
    if (!mayAdminister(actor)) return forbidden();
    storage::EnumerationRepository repo(_db);
    if (id && !repo.status(*id)) return notFound("status");
    auto errors = domain::validateStatusFields(f);
    if (!errors.empty()) return invalid(std::move(errors));
    return inTransaction(_db, "A status with this name exists.", [&] {
        const unsigned saved = id ? *id : repo.createStatus(f);
        if (id) repo.updateStatus(*id, f);
        syncNewIssuesQueries();
        return saved;
    });
}

AdminResult ReferenceDataService::removeStatus(const domain::Actor& actor, unsigned id) {
    if (!mayAdminister(actor)) return forbidden();
    storage::EnumerationRepository repo(_db);
    return removal(_db, id, "status",
                          "This status is in use (issues have it or a tracker starts in it) and cannot be deleted.",
                          [&] {
                              const auto r = repo.removeStatus(id);
                              if (r == storage::Removal::Removed) syncNewIssuesQueries();
                              return r;
                          });
}

AdminResult ReferenceDataService::savePriority(const domain::Actor& actor, std::optional<unsigned> id,
                                               const domain::PriorityFields& f) {
    if (!mayAdminister(actor)) return forbidden();
    storage::EnumerationRepository repo(_db);
    std::optional<storage::PriorityRecord> old;
    if (id && !(old = repo.priority(*id))) return notFound("priority");
    auto errors = domain::validatePriorityFields(f);
    if (old && old->fields.isDefault && !f.isDefault) {
        errors.emplace_back("One priority is always the default: make another one the default instead.");
    }
    if (!errors.empty()) return invalid(std::move(errors));
    return inTransaction(_db, "A priority with this name exists.", [&] {
        if (!id) return repo.createPriority(f);
        repo.updatePriority(*id, f);
        return *id;
    });
}

AdminResult ReferenceDataService::removePriority(const domain::Actor& actor, unsigned id) {
    if (!mayAdminister(actor)) return forbidden();
    storage::EnumerationRepository repo(_db);
    const auto old = repo.priority(id);
    if (!old) return notFound("priority");
    if (old->fields.isDefault) {
        return invalid({"The default priority cannot be deleted: make another one the default first."});
    }
    return removal(_db, id, "priority", "Issues have this priority: it cannot be deleted.",
                   [&] { return repo.removePriority(id); });
}

AdminResult ReferenceDataService::saveRole(const domain::Actor& actor, std::optional<unsigned> id,
                                           const domain::RoleFields& f) {
    if (!mayAdminister(actor)) return forbidden();
    storage::EnumerationRepository repo(_db);
    if (id && !repo.role(*id)) return notFound("role");
    auto errors = domain::validateRoleFields(f);
    if (!errors.empty()) return invalid(std::move(errors));
    return inTransaction(_db, "A role with this name exists.", [&] {
        if (!id) return repo.createRole(f);
        repo.updateRole(*id, f);
        return *id;
    });
}

AdminResult ReferenceDataService::removeRole(const domain::Actor& actor, unsigned id) {
    if (!mayAdminister(actor)) return forbidden();
    storage::EnumerationRepository repo(_db);
    return removal(_db, id, "role",
                   "This role is in use (members hold it or a tracker's assignees need it) and cannot be deleted.",
                   [&] { return repo.removeRole(id); });
}

AdminResult ReferenceDataService::saveWorkflow(const domain::Actor& actor, unsigned trackerId, unsigned roleId,
                                               const std::vector<domain::TransitionRule>& rules) {
    if (!mayAdminister(actor)) return forbidden();
    storage::EnumerationRepository repo(_db);
    if (!repo.tracker(trackerId)) return notFound("tracker");
    if (!repo.role(roleId)) return notFound("role");
    std::vector<unsigned> statusIds;
    for (const auto& s : repo.statuses()) statusIds.push_back(s.id);
    const auto known = [&](unsigned statusId) {
        return std::find(statusIds.begin(), statusIds.end(), statusId) != statusIds.end();
    };
    for (const auto& r : rules) {
        if (r.trackerId != trackerId || r.roleId != roleId || r.fromStatusId == r.toStatusId ||
            !known(r.fromStatusId) || !known(r.toStatusId)) {
            return invalid({"The workflow names a status that does not exist; reload the page and try again."});
        }
    }
    return inTransaction(_db, "The workflow lists a transition twice.", [&] {
        storage::WorkflowRepository(_db).replace(trackerId, roleId, rules);
        return trackerId;
    });
}

} // namespace ticketflow::app
