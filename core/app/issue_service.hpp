// Use cases on issues: create one, change it (status through the workflow, fields, a note).
#pragma once
#include "core/domain/actor.hpp"
#include "core/domain/catalog.hpp"
#include "core/domain/issue.hpp"
#include "core/domain/issue_draft.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::app {

enum class Outcome { Ok, Invalid, Forbidden, NotFound, Conflict };

struct CreateResult {
    Outcome outcome = Outcome::Ok;
    unsigned issueId = 0;
    std::vector<std::string> errors;
};

/// An optional id field of an edit: left alone, or set to an id or to nothing.
struct IdChange {
    bool given = false;
    std::optional<unsigned> value;
    static IdChange to(std::optional<unsigned> id) { return {true, id}; }
    std::optional<unsigned> applyTo(std::optional<unsigned> current) const { return given ? value : current; }
};

/// What an edit form sends; an absent field keeps its value.
struct IssueEdit {
    unsigned lockVersion = 0;
    std::optional<unsigned> statusId, priorityId;
    IdChange assigneeId, milestoneId;
    std::string note;
    bool privateNote = false;
};

struct UpdateResult {
    Outcome outcome = Outcome::Ok;
    std::vector<std::string> errors;
    std::optional<domain::Issue> current; ///< the issue as it is now (for a conflict page)
};

class IssueService {
public:
    IssueService(storage::Connection& db, const domain::Catalog& catalog) : _db(db), _catalog(catalog) {}

    /// Creates an issue in the tracker's default status, journal-free like Redmine; the author
    /// watches it. Forbidden without AddIssues in the project; Invalid with messages for bad
    /// fields (unknown tracker for the project, assignee not assignable, closed milestone, …).
    CreateResult create(const domain::Actor& actor, domain::IssueDraft draft);

    /// Applies an edit as one journal (note + field details). Status changes go through the
    /// workflow table; the edit is refused with Conflict when the issue changed since
    /// `lockVersion` was read. Nothing is written unless everything is valid.
    UpdateResult update(const domain::Actor& actor, unsigned issueId, const IssueEdit& edit);

private:
    /// Assignee holds the tracker's assignable role; milestone is open in the project.
    void checkAssignment(unsigned projectId, unsigned trackerId, std::optional<unsigned> assigneeId,
                         std::optional<unsigned> milestoneId, std::vector<std::string>& errors) const;
    std::vector<std::string> checkFields(const domain::Issue& issue, unsigned statusId, unsigned priorityId,
                                         std::optional<unsigned> assigneeId, std::optional<unsigned> milestoneId) const;
    storage::Connection& _db;
    const domain::Catalog& _catalog;
};

} // namespace ticketflow::app
