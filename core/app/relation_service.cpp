// Use cases on issue relations.
#include "core/app/relation_service.hpp"

#include "core/domain/issue_access.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/relation_repository.hpp"

namespace ticketflow::app {

namespace {

bool visible(const domain::Actor& actor, const std::optional<domain::Issue>& issue) {
    return issue && domain::canViewIssue(actor, issue->ref());
}

} // namespace

RelationResult RelationService::add(const domain::Actor& actor, unsigned issueId, unsigned otherId,
                                    const std::string& type) {
    storage::IssueRepository issues(_db);
    const auto issue = issues.find(issueId);
    if (!visible(actor, issue)) return {Outcome::NotFound, {"No such issue."}, {}};
    if (!actor.allowedTo(domain::Permission::EditIssues, issue->projectId)) {
        return {Outcome::Forbidden, {"You may not change relations of this issue."}, {}};
    }
    RelationResult result;
    result.errors = domain::validateRelation(issueId, otherId, type);
    // An issue the actor may not see is reported like a missing one.
    if (result.errors.empty() && !visible(actor, issues.find(otherId))) {
        result.errors.push_back("Related issue #" + std::to_string(otherId) + " does not exist.");
    }
    storage::RelationRepository relations(_db);
    storage::Transaction tx(_db);
    if (result.errors.empty()) {
        result.relation = *domain::normalizeRelation(issueId, otherId, type);
        if (relations.exists(result.relation)) result.errors.push_back("This relation exists already.");
    }
    if (!result.errors.empty()) {
        result.outcome = Outcome::Invalid;
        return result;
    }
    result.relation.id = relations.insert(result.relation);
    journalRelation(_db, actor, result.relation.fromId, result.relation, true);
    journalRelation(_db, actor, result.relation.toId, result.relation, true);
    tx.commit();
    return result;
}

Outcome RelationService::remove(const domain::Actor& actor, unsigned relationId) {
    storage::RelationRepository relations(_db);
    storage::IssueRepository issues(_db);
    storage::Transaction tx(_db);
    const auto r = relations.find(relationId);
    if (!r) return Outcome::NotFound;
    const auto from = issues.find(r->fromId), to = issues.find(r->toId);
    if (!visible(actor, from) && !visible(actor, to)) return Outcome::NotFound;
    const bool mayEdit = (from && actor.allowedTo(domain::Permission::EditIssues, from->projectId)) ||
                         (to && actor.allowedTo(domain::Permission::EditIssues, to->projectId));
    if (!mayEdit) return Outcome::Forbidden;
    if (!relations.remove(relationId)) return Outcome::NotFound;
    journalRelation(_db, actor, r->fromId, *r, false);
    journalRelation(_db, actor, r->toId, *r, false);
    tx.commit();
    return Outcome::Ok;
}

std::optional<domain::Relation> RelationService::find(const domain::Actor& actor, unsigned relationId) {
    const auto r = storage::RelationRepository(_db).find(relationId);
    if (!r) return std::nullopt;
    storage::IssueRepository issues(_db);
    if (!visible(actor, issues.find(r->fromId)) && !visible(actor, issues.find(r->toId))) return std::nullopt;
    return r;
}

void journalRelation(storage::Connection& db, const domain::Actor& actor, unsigned issueId,
                     const domain::Relation& r, bool added) {
    const std::string other = std::to_string(domain::otherIssue(r, issueId));
    domain::JournalDetail detail{"relation", domain::relationTypeFrom(r, issueId), std::nullopt, std::nullopt};
    (added ? detail.value : detail.oldValue) = other;
    storage::IssueRepository(db).insertJournal(issueId, {actor.userId ? std::optional(actor.userId) : std::nullopt, {}},
                                               "", false, {detail});
}

} // namespace ticketflow::app
