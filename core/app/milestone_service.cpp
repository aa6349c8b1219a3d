// Use cases on milestones: create, edit, delete (ManageMilestones), progress and load.
#include "core/app/milestone_service.hpp"

#include "core/app/catalog_cache.hpp"

#include <algorithm>

namespace ticketflow::app {

namespace {

const char* const kForbidden = "You may not manage the milestones of this project.";
const char* const kNameTaken = "Name has already been taken in this project.";

MilestoneResult failure(Outcome outcome, std::string message) {
    MilestoneResult r;
    r.outcome = outcome;
    r.errors.push_back(std::move(message));
    return r;
}

} // namespace

MilestoneResult MilestoneService::check(const domain::Actor& actor, unsigned projectId, unsigned milestoneId,
                                        const domain::MilestoneFields& fields) {
    if (!domain::canManageMilestones(actor, projectId)) return failure(Outcome::Forbidden, kForbidden);
    MilestoneResult r;
    r.errors = domain::milestoneErrors(fields);
    if (r.errors.empty() && storage::MilestoneRepository(_db).nameTaken(projectId, fields.name, milestoneId))
        r.errors.push_back(kNameTaken);
    if (!r.errors.empty()) r.outcome = Outcome::Invalid;
    return r;
}

MilestoneResult MilestoneService::create(const domain::Actor& actor, unsigned projectId,
                                         const domain::MilestoneFields& input) {
    const domain::MilestoneFields fields = domain::normalizedMilestone(input);
    MilestoneResult r = check(actor, projectId, 0, fields);
    if (r.outcome != Outcome::Ok) return r;
    try {
        r.milestoneId = storage::MilestoneRepository(_db).insert(projectId, fields);
        CatalogCache::changedEverywhere();
    } catch (const storage::StorageError& e) {
        // Someone took the name between the check and the insert.
        if (!e.duplicateKey()) throw;
        return failure(Outcome::Invalid, kNameTaken);
    }
    return r;
}

MilestoneResult MilestoneService::update(const domain::Actor& actor, unsigned milestoneId,
                                         const domain::MilestoneFields& input) {
    storage::MilestoneRepository milestones(_db);
    const auto existing = milestones.find(milestoneId);
    if (!existing) return failure(Outcome::NotFound, "No such milestone.");
    const domain::MilestoneFields fields = domain::normalizedMilestone(input);
    MilestoneResult r = check(actor, existing->projectId, milestoneId, fields);
    r.milestoneId = milestoneId;
    if (r.outcome != Outcome::Ok) return r;
    try {
        milestones.update(milestoneId, fields);
        CatalogCache::changedEverywhere();
    } catch (const storage::StorageError& e) {
        if (!e.duplicateKey()) throw;
        return failure(Outcome::Invalid, kNameTaken);
    }
    return r;
}

MilestoneResult MilestoneService::remove(const domain::Actor& actor, unsigned milestoneId) {
    storage::MilestoneRepository milestones(_db);
    const auto existing = milestones.find(milestoneId);
    if (!existing) return failure(Outcome::NotFound, "No such milestone.");
    if (!domain::canManageMilestones(actor, existing->projectId)) return failure(Outcome::Forbidden, kForbidden);
    // The DELETE itself re-checks for issues, so an issue moved in meanwhile is never orphaned.
    if (milestones.removeUnused(milestoneId)) {
        CatalogCache::changedEverywhere();
        return {Outcome::Ok, milestoneId, {}};
    }
    const long used = milestones.issueCount(milestoneId);
    if (used == 0) return failure(Outcome::NotFound, "No such milestone.");
    return failure(Outcome::Conflict,
                   "Milestone " + existing->fields.name + " cannot be deleted: " + std::to_string(used) +
                       (used == 1 ? " issue uses" : " issues use") +
                       " it. Move them to another milestone first; a finished milestone is closed, not deleted.");
}

void MilestoneService::add(OpenClosed& counts, unsigned statusId, long n) const {
    const domain::Status* status = _catalog.status(statusId);
    (status && status->closed ? counts.closed : counts.open) += n;
}

std::map<unsigned, OpenClosed> MilestoneService::progress(unsigned projectId, const domain::ListScope& scope) {
    std::map<unsigned, OpenClosed> result;
    for (const auto& c : storage::MilestoneRepository(_db).countsByStatus(projectId, 0, scope))
        add(result[c.milestoneId], c.statusId, c.n);
    return result;
}

MilestoneLoad MilestoneService::load(const storage::MilestoneRow& milestone, const domain::ListScope& scope) {
    storage::MilestoneRepository milestones(_db);
    MilestoneLoad load;
    std::map<unsigned, long> byStatus;
    for (const auto& c : milestones.countsByStatus(milestone.projectId, milestone.id, scope)) {
        add(load.all, c.statusId, c.n);
        byStatus[c.statusId] += c.n;
    }
    for (const auto& s : _catalog.statuses) {
        const auto it = byStatus.find(s.id);
        if (it == byStatus.end()) continue;
        OpenClosed counts;
        add(counts, s.id, it->second);
        load.byStatus.emplace_back(s.id, counts);
    }
    std::map<std::optional<unsigned>, OpenClosed> byAssignee;
    for (const auto& c : milestones.countsByAssignee(milestone.projectId, milestone.id, scope))
        add(byAssignee[c.assigneeId], c.statusId, c.n);
    load.byAssignee.assign(byAssignee.begin(), byAssignee.end());
    std::stable_sort(load.byAssignee.begin(), load.byAssignee.end(), [&](const auto& a, const auto& b) {
        if (a.second.open != b.second.open) return a.second.open > b.second.open;
        if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
        return a.first && _catalog.userName(*a.first) < _catalog.userName(*b.first);
    });
    return load;
}

} // namespace ticketflow::app
