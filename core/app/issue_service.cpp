// Use cases on issues: create one, change it (status through the workflow, fields, a note).
#include "core/app/issue_service.hpp"

#include "core/app/api_uploads.hpp"
#include "core/app/issue_attachments.hpp"
#include "core/domain/issue_access.hpp"
#include "core/domain/text.hpp"
#include "core/domain/triage.hpp"
#include "core/domain/workflow.hpp"
#include "core/storage/issue_repository.hpp"

#include <algorithm>

namespace ticketflow::app {

using domain::Permission;

namespace {

std::optional<std::string> idText(std::optional<unsigned> id) {
    if (!id) return std::nullopt;
    return std::to_string(*id);
}

void addDetail(std::vector<domain::JournalDetail>& details, const char* key, std::optional<unsigned> before,
               std::optional<unsigned> after) {
    if (before != after) details.push_back({"attr", key, idText(before), idText(after)});
}

constexpr std::size_t kMaxNoteBytes = 65'535;

domain::Issue createdIssue(unsigned id, const domain::IssueDraft& draft, unsigned statusId, const domain::Actor& actor) {
    domain::Issue issue;
    issue.id = id;
    issue.projectId = draft.projectId;
    issue.trackerId = draft.trackerId;
    issue.statusId = statusId;
    issue.priorityId = draft.priorityId;
    issue.subject = draft.subject;
    issue.description = draft.description;
    if (actor.userId) issue.authorId = actor.userId;
    issue.assigneeId = draft.assigneeId;
    issue.milestoneId = draft.milestoneId;
    issue.customerId = draft.customerId;
    return issue;
}

} // namespace

CreateResult IssueService::create(const domain::Actor& actor, domain::IssueDraft draft,
                                  const std::vector<Upload>& uploads, const std::vector<std::string>& uploadTokens) {
    CreateResult result;
    const domain::Project* project = _catalog.project(draft.projectId);
    if (!project) return {Outcome::NotFound, 0, {"No such project."}};
    if (!actor.allowedTo(Permission::AddIssues, project->id)) {
        return {Outcome::Forbidden, 0, {"You may not add issues to " + project->name + "."}};
    }
    draft = domain::normalizeDraft(std::move(draft));
    if (!actor.staff) keepAsHints(actor, draft);
    if (draft.priorityId == 0) draft.priorityId = _catalog.defaultPriorityId().value_or(0);
    result.errors = domain::validateDraft(draft);
    const domain::Tracker* tracker = _catalog.tracker(draft.trackerId);
    const auto& trackers = project->trackerIds;
    if (!tracker || std::find(trackers.begin(), trackers.end(), draft.trackerId) == trackers.end()) {
        result.errors.push_back("Tracker is not used in " + project->name + ".");
    }
    if (!_catalog.priority(draft.priorityId)) result.errors.push_back("Priority is not valid.");
    if (tracker) checkAssignment(project->id, tracker->id, draft.assigneeId, draft.milestoneId, result.errors);
    for (auto& e : checkAttachments(_attachments, uploads)) result.errors.push_back(std::move(e));
    if (!result.errors.empty()) {
        result.outcome = Outcome::Invalid;
        return result;
    }
    // Files before the transaction (a slow disk holds no locks); removed again unless it commits.
    StagedFiles staged(_attachments);
    staged.save(uploads);
    storage::IssueRepository issues(_db);
    storage::Transaction tx(_db);
    if (_newCustomer && actor.staff) draft.customerId = _newCustomer(_db);
    result.issueId =
        issues.insert(draft, tracker->defaultStatusId, actor.userId ? std::optional(actor.userId) : std::nullopt);
    if (actor.userId && actor.staff) issues.addWatcher(result.issueId, actor.userId);
    const AttachmentOwner owner{result.issueId, std::nullopt,
                                actor.userId ? std::optional(actor.userId) : std::nullopt};
    recordAttachments(_db, uploads, staged.files(), owner);
    claimUploads(_db, uploadTokens, owner, result.errors);
    if (!result.errors.empty()) return {Outcome::Invalid, 0, std::move(result.errors)}; // rolls back
    if (_notifier) {
        IssueChange change;
        change.issue = createdIssue(result.issueId, draft, tracker->defaultStatusId, actor);
        for (const auto& u : uploads) change.files.push_back(u.filename);
        change.inReplyTo = _replyingTo;
        if (_knownCustomer && !(_newCustomer && actor.staff)) {
            change.audience = _knownCustomer;
            if (actor.userId && actor.staff) change.audience->watcherIds = {actor.userId}; // the author watches
        }
        _notifier->issueChanged(_db, _catalog, actor, change);
    }
    if (_also) _also(_db, result.issueId, std::nullopt);
    tx.commit();
    staged.keep();
    return result;
}

void IssueService::keepAsHints(const domain::Actor& actor, domain::IssueDraft& draft) const {
    // A customer's choice of priority and assignee is shown to support, never applied (DESIGN §2).
    if (draft.priorityId && _catalog.priority(draft.priorityId)) draft.hintPriorityId = draft.priorityId;
    if (draft.assigneeId && !_catalog.userName(*draft.assigneeId).empty()) draft.hintAssigneeId = draft.assigneeId;
    draft.priorityId = 0;
    draft.assigneeId.reset();
    draft.milestoneId.reset();
    draft.customerId = actor.customerId;
}

void IssueService::checkAssignment(unsigned projectId, unsigned trackerId, std::optional<unsigned> assigneeId,
                                   std::optional<unsigned> milestoneId, std::vector<std::string>& errors) const {
    if (assigneeId && !_catalog.isAssignable(*assigneeId, projectId, trackerId)) {
        errors.push_back("Assignee cannot be assigned issues of this tracker.");
    }
    if (milestoneId && !_catalog.isOpenMilestoneOf(*milestoneId, projectId)) {
        errors.push_back("Milestone is not open in this project.");
    }
}

std::vector<std::string> IssueService::checkFields(const domain::Issue& issue, unsigned trackerId, unsigned statusId,
                                                   unsigned priorityId, std::optional<unsigned> assigneeId,
                                                   std::optional<unsigned> milestoneId) const {
    std::vector<std::string> errors;
    const domain::Project* project = _catalog.project(issue.projectId);
    if (trackerId != issue.trackerId &&
        (!project || std::find(project->trackerIds.begin(), project->trackerIds.end(), trackerId) ==
                         project->trackerIds.end())) {
        errors.push_back("Tracker is not used in this project.");
    }
    if (!_catalog.status(statusId)) errors.push_back("Status is not valid.");
    if (!_catalog.priority(priorityId)) errors.push_back("Priority is not valid.");
    // A value the issue already has stays allowed (a closed milestone, a former team member),
    // unless the tracker changes: its assignable role then decides again.
    const bool keepAssignee = assigneeId == issue.assigneeId && trackerId == issue.trackerId;
    checkAssignment(issue.projectId, trackerId, keepAssignee ? std::nullopt : assigneeId,
                    milestoneId == issue.milestoneId ? std::nullopt : milestoneId, errors);
    return errors;
}

UpdateResult IssueService::update(const domain::Actor& actor, unsigned issueId, const IssueEdit& edit) {
    // In a batch (mail intake) a conflict spoils the batch, and its messages go again alone.
    if (edit.lockVersion || _db.inBatch()) return updateOnce(actor, issueId, edit);
    auto result = updateOnce(actor, issueId, edit);
    if (result.outcome != Outcome::Conflict) return result;
    // Someone else's change landed between our reading and our writing. Once more, holding the
    // issue's row lock from before the reading: nobody can change it in between now. (Not the
    // first time round: that would hold the lock while the files are written.) The edit's own
    // transaction joins this one.
    storage::BatchTransaction locked(_db);
    if (!storage::IssueRepository(_db).lockForUpdate(issueId)) return updateOnce(actor, issueId, edit); // gone: NotFound
    result = updateOnce(actor, issueId, edit);
    if (result.outcome == Outcome::Ok && !locked.commit()) {
        throw storage::StorageError("issue #" + std::to_string(issueId) + ": the change was rolled back");
    }
    return result;
}

UpdateResult IssueService::updateOnce(const domain::Actor& actor, unsigned issueId, const IssueEdit& edit) {
    storage::IssueRepository issues(_db);
    UpdateResult result;
    auto issue = issues.find(issueId);
    if (!issue || !domain::canViewIssue(actor, issue->ref()))
        return {Outcome::NotFound, {"No such issue."}, std::nullopt};

    const unsigned trackerId = edit.trackerId.value_or(issue->trackerId);
    const domain::Status* current = _catalog.status(issue->statusId);
    const domain::Status* reopenTo = edit.reopenTo ? _catalog.status(*edit.reopenTo) : nullptr;
    const bool reopening = reopenTo && !reopenTo->closed && !actor.staff && current && current->closed &&
                           domain::canAddNote(actor, issue->ref());
    const domain::Status* fixTo = edit.closeByCommit ? _catalog.status(*edit.closeByCommit) : nullptr;
    const bool closingByCommit = fixTo && fixTo->closed && actor.viaCommit && current && !current->closed &&
                                 domain::canEditIssue(actor, issue->ref());
    const unsigned statusId = reopening         ? reopenTo->id
                              : closingByCommit ? fixTo->id
                                                : edit.statusId.value_or(issue->statusId);
    const unsigned priorityId = edit.priorityId.value_or(issue->priorityId);
    const auto assigneeId = edit.assigneeId.applyTo(issue->assigneeId);
    const auto milestoneId = edit.milestoneId.applyTo(issue->milestoneId);
    // Subject and description are cleaned like a new issue's, so an unchanged text is no change.
    domain::IssueDraft texts;
    texts.projectId = issue->projectId;
    texts.trackerId = trackerId;
    texts.priorityId = priorityId;
    texts.subject = edit.subject.value_or(issue->subject);
    texts.description = edit.description.value_or(issue->description);
    texts = domain::normalizeDraft(std::move(texts));
    const bool fieldsChange = trackerId != issue->trackerId || statusId != issue->statusId ||
                              priorityId != issue->priorityId || assigneeId != issue->assigneeId ||
                              milestoneId != issue->milestoneId || texts.subject != issue->subject ||
                              texts.description != issue->description;
    const std::string checklist =
        edit.triageChecklist ? domain::normalizeChecklist(*edit.triageChecklist) : issue->triageChecklist;
    const bool checklistChange = checklist != issue->triageChecklist;
    const bool hasNote = !domain::isBlank(edit.note);
    const bool hasFiles = !edit.attachments.empty() || !edit.uploadTokens.empty();

    const bool onlyReopens = reopening && trackerId == issue->trackerId && priorityId == issue->priorityId &&
                             assigneeId == issue->assigneeId && milestoneId == issue->milestoneId &&
                             texts.subject == issue->subject && texts.description == issue->description;
    if (fieldsChange && !onlyReopens && !actor.allowedTo(Permission::EditIssues, issue->projectId)) {
        return {Outcome::Forbidden, {"You may not change issues in this project."}, issue};
    }
    if (checklistChange && !actor.allowedTo(Permission::TriageIssues, issue->projectId)) {
        return {Outcome::Forbidden, {"Only gatekeepers may tick the triage checklist."}, issue};
    }
    if (hasNote && !domain::canAddNote(actor, issue->ref())) {
        return {Outcome::Forbidden, {"You may not add notes to this issue."}, issue};
    }
    if (hasFiles && !domain::canAddNote(actor, issue->ref())) {
        return {Outcome::Forbidden, {"You may not add files to this issue."}, issue};
    }
    if (!fieldsChange && !checklistChange && !hasNote && !hasFiles)
        return {Outcome::Invalid, {"Nothing to change: set a field, write a note or attach a file."}, issue, true};
    const unsigned lockVersion = edit.lockVersion.value_or(issue->lockVersion);
    if (lockVersion != issue->lockVersion) {
        return {Outcome::Conflict, {"Someone else changed this issue while you were editing it."}, issue};
    }

    result.errors = checkFields(*issue, trackerId, statusId, priorityId, assigneeId, milestoneId);
    if (texts.subject != issue->subject || texts.description != issue->description) {
        for (auto& e : domain::validateDraft(texts)) result.errors.push_back(std::move(e));
    }
    domain::IssueRef ref = issue->ref();
    ref.trackerId = trackerId;
    // An unknown status is a form error (checkFields), not a transition to refuse.
    if (statusId != issue->statusId && _catalog.status(statusId) && !reopening && !closingByCommit) {
        const auto error = _catalog.workflow.check(actor, ref, {statusId, edit.note, assigneeId, milestoneId});
        // Not allowed at all is a permission matter (403); a missing note or field is a form error.
        if (error == domain::TransitionError::NotAllowed || error == domain::TransitionError::NotAssignee) {
            return {Outcome::Forbidden, {std::string(domain::describe(error))}, issue};
        }
        if (error != domain::TransitionError::None) result.errors.emplace_back(domain::describe(error));
    }
    if (edit.privateNote && !actor.allowedTo(Permission::SetNotesPrivate, issue->projectId)) {
        result.errors.push_back("You may not write private notes.");
    }
    if (edit.note.size() > kMaxNoteBytes) result.errors.push_back("The note is too long.");
    for (auto& e : checkAttachments(_attachments, edit.attachments)) result.errors.push_back(std::move(e));
    if (!result.errors.empty()) {
        result.outcome = Outcome::Invalid;
        result.current = issue;
        return result;
    }

    std::vector<domain::JournalDetail> details;
    addDetail(details, "tracker_id", issue->trackerId, trackerId);
    if (texts.subject != issue->subject) details.push_back({"attr", "subject", issue->subject, texts.subject});
    if (texts.description != issue->description) {
        details.push_back({"attr", "description", issue->description, texts.description});
    }
    addDetail(details, "status_id", issue->statusId, statusId);
    if (checklistChange) details.push_back({"checklist", "triage_checklist", issue->triageChecklist, checklist});
    addDetail(details, "priority_id", issue->priorityId, priorityId);
    addDetail(details, "assigned_to_id", issue->assigneeId, assigneeId);
    addDetail(details, "fixed_version_id", issue->milestoneId, milestoneId);
    if (reopening && !issue->customerReplied) details.push_back({"attr", "customer_replied", "0", "1"});

    // Files before the transaction (a slow disk holds no locks); removed again unless it commits.
    StagedFiles staged(_attachments);
    staged.save(edit.attachments);
    storage::Transaction tx(_db);
    storage::IssueFields fields{trackerId,     statusId,          priorityId, assigneeId,
                                milestoneId,   texts.subject,     texts.description,
                                checklist,     _catalog.status(statusId)->closed};
    if (!issues.update(issue->id, lockVersion, fields)) {
        // Changed between our read and our write: nothing is written (the transaction rolls back).
        return {
            Outcome::Conflict, {"Someone else changed this issue while you were editing it."}, issues.find(issue->id)};
    }
    // A customer's note names the customer, so every reader sees who wrote it.
    const storage::IssueRepository::JournalAuthor author{actor.userId ? std::optional(actor.userId) : std::nullopt,
                                                         actor.staff ? std::nullopt : actor.customerId};
    // Files added with a private note are private too: they belong to what the note says.
    const bool privateJournal = edit.privateNote && (hasNote || hasFiles);
    const unsigned journalId =
        issues.insertJournal(issue->id, author, hasNote ? edit.note : std::string(), privateJournal, details);
    recordAttachments(_db, edit.attachments, staged.files(), {issue->id, journalId, author.userId, !privateJournal});
    claimUploads(_db, edit.uploadTokens, {issue->id, journalId, author.userId, !privateJournal}, result.errors);
    if (!result.errors.empty()) { // a bad upload token: nothing is written
        result.outcome = Outcome::Invalid;
        result.current = issue;
        return result;
    }
    if (reopening) issues.markCustomerReplied(issue->id);
    if (_notifier) {
        IssueChange change;
        change.issue = *issue;
        change.issue.trackerId = trackerId;
        change.issue.statusId = statusId;
        change.issue.priorityId = priorityId;
        change.issue.assigneeId = assigneeId;
        change.issue.milestoneId = milestoneId;
        change.issue.subject = texts.subject;
        change.issue.description = texts.description;
        change.journalId = journalId;
        change.details = details;
        if (hasNote) change.note = edit.note;
        change.privateNote = privateJournal;
        for (const auto& u : edit.attachments) change.files.push_back(u.filename);
        _notifier->issueChanged(_db, _catalog, actor, change);
    }
    if (_also) _also(_db, issue->id, journalId);
    tx.commit();
    result.journalId = journalId;
    staged.keep();
    return result;
}

Outcome IssueService::destroy(const domain::Actor& actor, unsigned issueId) {
    storage::IssueRepository issues(_db);
    storage::Transaction tx(_db);
    const auto issue = issues.find(issueId);
    if (!issue || !domain::canViewIssue(actor, issue->ref())) return Outcome::NotFound;
    if (!actor.allowedTo(Permission::DeleteIssues, issue->projectId)) return Outcome::Forbidden;
    if (!issues.remove(*issue)) return Outcome::Conflict;
    tx.commit();
    return Outcome::Ok;
}

} // namespace ticketflow::app
