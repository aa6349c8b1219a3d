// Copy to Internal.
#include "core/app/copy_service.hpp"

#include "core/app/relation_service.hpp"
#include "core/domain/issue_access.hpp"
#include "core/storage/attachment_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/relation_repository.hpp"

#include <algorithm>

namespace ticketflow::app {

CreateResult CopyService::copy(const domain::Actor& actor, unsigned sourceId, unsigned targetProjectId,
                               unsigned targetTrackerId) {
    storage::IssueRepository issues(_db);
    const auto source = issues.find(sourceId);
    if (!source || !domain::canViewIssue(actor, source->ref())) return {Outcome::NotFound, 0, {"No such issue."}};
    if (!actor.allowedTo(domain::Permission::CopyIssues, source->projectId)) {
        return {Outcome::Forbidden, 0, {"You may not copy issues of this project."}};
    }
    const domain::Project* target = _catalog.project(targetProjectId);
    if (!target) return {Outcome::Invalid, 0, {"Choose the project to copy to."}};
    if (!actor.allowedTo(domain::Permission::AddIssues, target->id)) {
        return {Outcome::Forbidden, 0, {"You may not add issues to " + target->name + "."}};
    }
    const domain::Tracker* tracker = _catalog.tracker(targetTrackerId);
    if (!tracker || std::find(target->trackerIds.begin(), target->trackerIds.end(), targetTrackerId) ==
                        target->trackerIds.end()) {
        return {Outcome::Invalid, 0, {"Tracker is not used in " + target->name + "."}};
    }

    domain::IssueDraft draft;
    draft.projectId = target->id;
    draft.trackerId = tracker->id;
    // The internal team triages priority afresh; the customer and their hints stay behind.
    draft.priorityId = _catalog.defaultPriorityId().value_or(0);
    draft.subject = source->subject;
    draft.description = source->description;
    draft = domain::normalizeDraft(std::move(draft));
    if (auto errors = domain::validateDraft(draft); !errors.empty()) return {Outcome::Invalid, 0, std::move(errors)};

    storage::Transaction tx(_db);
    const std::optional<unsigned> author = actor.userId ? std::optional(actor.userId) : std::nullopt;
    CreateResult result;
    result.issueId = issues.insert(draft, tracker->defaultStatusId, author);
    if (actor.userId) issues.addWatcher(result.issueId, actor.userId);
    storage::AttachmentRepository(_db).copyToIssue(source->id, result.issueId);
    domain::Relation link{0, source->id, result.issueId, "copied_to"};
    link.id = storage::RelationRepository(_db).insert(link);
    journalRelation(_db, actor, source->id, link, true);
    journalRelation(_db, actor, result.issueId, link, true);
    if (_notifier) {
        IssueChange change;
        change.issue = *issues.find(result.issueId);
        _notifier->issueChanged(_db, _catalog, actor, change);
    }
    tx.commit();
    return result;
}

} // namespace ticketflow::app
