// Use cases on milestones: create, edit, delete (ManageMilestones), progress and load.
#pragma once
#include "core/app/issue_service.hpp"
#include "core/domain/catalog.hpp"
#include "core/domain/issue_access.hpp"
#include "core/domain/milestone.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/milestone_repository.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ticketflow::app {

struct MilestoneResult {
    Outcome outcome = Outcome::Ok;
    unsigned milestoneId = 0;
    std::vector<std::string> errors;
};

/// Open and closed issue counts (by the catalog's closed statuses).
struct OpenClosed {
    long open = 0, closed = 0;
    long total() const { return open + closed; }
};

/// A milestone's issues the reader may list, counted three ways.
struct MilestoneLoad {
    OpenClosed all;
    std::vector<std::pair<unsigned, OpenClosed>> byStatus; ///< status id, in the catalog's order
    /// Assignee (none: unassigned), most open issues first, then by name.
    std::vector<std::pair<std::optional<unsigned>, OpenClosed>> byAssignee;
};

class MilestoneService {
public:
    MilestoneService(storage::Connection& db, const domain::Catalog& catalog) : _db(db), _catalog(catalog) {}

    /// Forbidden without domain::canManageMilestones in the project; Invalid with the
    /// domain's messages or a name already used in the project. Fields are normalised here.
    /// Throws StorageError.
    MilestoneResult create(const domain::Actor& actor, unsigned projectId, const domain::MilestoneFields& fields);
    /// As create; NotFound when the milestone is gone.
    MilestoneResult update(const domain::Actor& actor, unsigned milestoneId, const domain::MilestoneFields& fields);
    /// NotFound, Forbidden as update; Conflict (with a message naming the count) while any
    /// issue, visible to the actor or not, uses the milestone.
    MilestoneResult remove(const domain::Actor& actor, unsigned milestoneId);

    /// Open/closed counts per milestone of a project, of the issues `scope` lets the reader list.
    std::map<unsigned, OpenClosed> progress(unsigned projectId, const domain::ListScope& scope);
    /// The load of one milestone, of the issues `scope` lets the reader list. Two queries.
    MilestoneLoad load(const storage::MilestoneRow& milestone, const domain::ListScope& scope);

private:
    /// Forbidden/Invalid result for `fields` in `projectId`, or Ok.
    MilestoneResult check(const domain::Actor& actor, unsigned projectId, unsigned milestoneId,
                          const domain::MilestoneFields& fields);
    void add(OpenClosed& counts, unsigned statusId, long n) const;

    storage::Connection& _db;
    const domain::Catalog& _catalog;
};

} // namespace ticketflow::app
