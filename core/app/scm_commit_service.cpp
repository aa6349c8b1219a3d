// A commit acting on the issues its message names: the use case behind
// `ticketflow-admin scm-commit` and POST /scm/commit.
#include "core/app/scm_commit_service.hpp"

#include "core/app/issue_service.hpp"
#include "core/domain/commit_keywords.hpp"
#include "core/domain/text.hpp"
#include "core/storage/changeset_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/storage_error.hpp"
#include "core/storage/user_repository.hpp"

#include <algorithm>
#include <optional>

namespace ticketflow::app {

namespace {

// A journal conflicts when someone saves the issue between our read and our write; more than
// a few in a row means something is wrong, and reporting the commit again retries.
constexpr int kAttempts = 3;

/// The staff account standing for a commit author: by login, then by mail (Redmine's order),
/// both compared without case (the columns' collation). Locked and customer accounts never.
std::optional<storage::UserRecord> committerAccount(storage::Connection& db, const std::string& author) {
    const auto who = domain::splitCommitAuthor(author);
    storage::UserRepository users(db);
    const auto usable = [](const std::optional<storage::UserRecord>& u) {
        return u && u->kind == "staff" && u->status == "active";
    };
    if (!who.name.empty()) {
        if (auto user = users.findByLogin(who.name); usable(user)) return user;
    }
    if (!who.mail.empty()) {
        if (auto user = users.findByMail(who.mail); usable(user)) return user;
    }
    return std::nullopt;
}

/// [scm] fix_status, else "Closed", else the first closed status by position.
const domain::Status* fixStatusOf(const domain::Catalog& catalog, const std::string& configured,
                                  std::vector<std::string>& errors) {
    const auto named = [&](const std::string& name) -> const domain::Status* {
        for (const auto& s : catalog.statuses)
            if (domain::equalsIgnoreCase(s.name, name)) return &s;
        return nullptr;
    };
    if (!configured.empty()) {
        const domain::Status* s = named(configured);
        if (!s || !s->closed) errors.push_back("[scm] fix_status '" + configured + "' is not a closed status.");
        return s && s->closed ? s : nullptr;
    }
    if (const domain::Status* s = named("Closed"); s && s->closed) return s;
    for (const auto& s : catalog.statuses)
        if (s.closed) return &s;
    errors.emplace_back("There is no closed status for a fix keyword to set.");
    return nullptr;
}

/// The projects a repository may touch: its `project` list, or every project.
std::vector<unsigned> projectsOf(const domain::Catalog& catalog, const ScmRepository& repository,
                                 std::vector<std::string>& errors) {
    std::vector<unsigned> ids;
    if (repository.projects.empty()) {
        for (const auto& p : catalog.projects) ids.push_back(p.id);
        return ids;
    }
    for (const auto& identifier : repository.projects) {
        if (const domain::Project* p = catalog.projectByIdentifier(identifier)) {
            ids.push_back(p->id);
        } else {
            errors.push_back("[repository." + repository.name + "] project '" + identifier + "' does not exist.");
        }
    }
    return ids;
}

bool contains(const std::vector<unsigned>& ids, unsigned id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace

bool CommitResult::anyFailed() const {
    return std::any_of(issues.begin(), issues.end(), [](const auto& i) { return i.effect == CommitEffect::Failed; });
}

std::string describe(const CommitIssueResult& r) {
    switch (r.effect) {
        case CommitEffect::Closed:
            return "closed (" + r.detail + ")";
        case CommitEffect::Noted:
            return r.action == domain::CommitAction::Fix ? "noted (closed already)" : "noted";
        case CommitEffect::AlreadyApplied:
            return "already applied";
        case CommitEffect::UnknownIssue:
            return "skipped: no such issue";
        case CommitEffect::OtherProject:
            return "skipped: project " + r.detail + " is not open to this repository";
        case CommitEffect::Failed:
            return "failed: " + r.detail;
    }
    return "?";
}

CommitResult ScmCommitService::apply(const domain::Changeset& incoming) {
    CommitResult result;
    const ScmRepository* repository = _config.repository(incoming.repository);
    if (!repository) {
        result.status = CommitResult::Status::UnknownRepository;
        result.errors.push_back("No repository '" + incoming.repository + "' is configured.");
        return result;
    }
    result.errors = domain::validateChangeset(incoming);
    if (!result.errors.empty()) {
        result.status = CommitResult::Status::Invalid;
        return result;
    }
    const domain::Status* fixStatus = fixStatusOf(_catalog, _config.fixStatus, result.errors);
    const std::vector<unsigned> projectIds = projectsOf(_catalog, *repository, result.errors);
    if (!result.errors.empty()) {
        result.status = CommitResult::Status::Misconfigured;
        return result;
    }
    result.label = domain::changesetLabel(incoming.repository, incoming.revision);

    const storage::StoredChangeset stored = record(incoming, result.seenBefore);
    const auto mentions = domain::scanCommitMessage(stored.message, _config.keywords);
    result.tooManyIssues = mentions.tooManyIssues;
    result.messageCut = mentions.messageCut;
    const std::string committer = stored.userId ? "" : domain::splitCommitAuthor(stored.author).name;
    const domain::Actor actor = domain::commitActor(stored.userId.value_or(0), committer, projectIds);
    const std::string fixNote =
        domain::changesetNote(domain::CommitAction::Fix, result.label, committer, stored.message);
    const std::string refNote =
        domain::changesetNote(domain::CommitAction::Ref, result.label, committer, stored.message);
    for (const auto& mention : mentions.issues) {
        const std::string& note = mention.action == domain::CommitAction::Fix ? fixNote : refNote;
        result.issues.push_back(applyToIssue(stored.id, mention, actor, note, fixStatus->id, projectIds));
    }
    return result;
}

storage::StoredChangeset ScmCommitService::record(const domain::Changeset& incoming, bool& seenBefore) {
    // The first report of a revision is the one that counts: a replay (or a log message
    // edited since) acts on nothing new, it only finishes what a crash may have interrupted.
    storage::ChangesetRepository changesets(_db);
    if (auto stored = changesets.find(incoming.repository, incoming.revision)) {
        seenBefore = true;
        return *stored;
    }
    const auto account = committerAccount(_db, incoming.author);
    const std::optional<unsigned> userId = account ? std::optional(account->id) : std::nullopt;
    try {
        return {changesets.insert(incoming, userId), incoming.author, incoming.message, userId};
    } catch (const storage::StorageError& e) {
        if (!e.duplicateKey()) throw;
        auto stored = changesets.find(incoming.repository, incoming.revision); // a parallel report won
        if (!stored) throw;
        seenBefore = true;
        return *stored;
    }
}

CommitIssueResult ScmCommitService::applyToIssue(unsigned changesetId, const domain::IssueMention& mention,
                                                 const domain::Actor& actor, const std::string& note,
                                                 unsigned fixStatusId, const std::vector<unsigned>& projectIds) {
    CommitIssueResult r{mention.issueId, mention.action, CommitEffect::Failed, {}};
    storage::ChangesetRepository changesets(_db);
    storage::IssueRepository issues(_db);
    IssueService service(_db, _catalog, nullptr, _notifier);
    service.alsoInTransaction([&](storage::Connection&, unsigned issueId, std::optional<unsigned> journalId) {
        changesets.recordIssue(changesetId, issueId, mention.action, journalId);
    });
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        if (contains(changesets.issuesOf(changesetId), mention.issueId)) {
            r.effect = CommitEffect::AlreadyApplied;
            return r;
        }
        const auto issue = issues.find(mention.issueId);
        if (!issue) {
            r.effect = CommitEffect::UnknownIssue;
            return r;
        }
        const domain::Project* project = _catalog.project(issue->projectId);
        if (!contains(projectIds, issue->projectId) || !project) {
            r.effect = CommitEffect::OtherProject;
            r.detail = project ? project->identifier : std::to_string(issue->projectId);
            return r;
        }
        const domain::Status* status = _catalog.status(issue->statusId);
        const bool closes = mention.action == domain::CommitAction::Fix && status && !status->closed;
        IssueEdit edit;
        edit.lockVersion = issue->lockVersion;
        edit.note = note;
        edit.privateNote = project->customerFacing;
        if (closes) edit.closeByCommit = fixStatusId;
        UpdateResult updated;
        try {
            updated = service.update(actor, issue->id, edit);
        } catch (const storage::StorageError& e) {
            // Another report of this commit wrote the issue's row first: ours rolled back.
            if (e.duplicateKey() && contains(changesets.issuesOf(changesetId), mention.issueId)) {
                r.effect = CommitEffect::AlreadyApplied;
                return r;
            }
            throw;
        }
        if (updated.outcome == Outcome::Ok) {
            r.effect = closes ? CommitEffect::Closed : CommitEffect::Noted;
            if (closes) r.detail = _catalog.statusName(fixStatusId);
            return r;
        }
        if (updated.outcome != Outcome::Conflict) {
            for (const auto& e : updated.errors) r.detail += (r.detail.empty() ? "" : " ") + e;
            return r;
        }
    }
    r.detail = "the issue kept changing while the note was written; report the commit again";
    return r;
}

} // namespace ticketflow::app
