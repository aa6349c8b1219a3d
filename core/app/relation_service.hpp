// Use cases on issue relations: add and remove, journaled on both issues (as Redmine).
#pragma once
#include "core/app/issue_service.hpp"
#include "core/domain/relation.hpp"

namespace ticketflow::app {

/// One journal on `issueId` with one relation detail (added: value, removed: old value), as
/// Redmine writes on both issues of a relation. Call inside a Transaction.
void journalRelation(storage::Connection& db, const domain::Actor& actor, unsigned issueId,
                     const domain::Relation& relation, bool added);

struct RelationResult {
    Outcome outcome = Outcome::Ok;
    std::vector<std::string> errors;
    domain::Relation relation;
};

class RelationService {
public:
    RelationService(storage::Connection& db, const domain::Catalog& catalog) : _db(db), _catalog(catalog) {}

    /// Relates `issueId` to `otherId` with `type` as read from `issueId` (e.g. "blocked").
    /// NotFound when the actor may not see `issueId`; Forbidden without EditIssues in its
    /// project; Invalid for an unknown type, the issue itself, an issue the actor may not
    /// see, or a relation that exists already.
    RelationResult add(const domain::Actor& actor, unsigned issueId, unsigned otherId, const std::string& type);
    /// NotFound when the relation does not exist or the actor sees neither issue.
    Outcome remove(const domain::Actor& actor, unsigned relationId);
    /// The relation if the actor may see one of its issues.
    std::optional<domain::Relation> find(const domain::Actor& actor, unsigned relationId);

private:
    storage::Connection& _db;
    const domain::Catalog& _catalog;
};

} // namespace ticketflow::app
