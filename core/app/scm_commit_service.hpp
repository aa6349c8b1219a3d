// A commit acting on the issues its message names ("fixes #12", "refs #13"): the use case
// behind `ticketflow-admin scm-commit` and POST /scm/commit.
#pragma once
#include "core/app/notifier.hpp"
#include "core/app/scm_config.hpp"
#include "core/domain/catalog.hpp"
#include "core/domain/changeset.hpp"
#include "core/storage/changeset_repository.hpp"
#include "core/storage/connection.hpp"

#include <string>
#include <vector>

namespace ticketflow::app {

/// What a commit did to one issue it names.
enum class CommitEffect {
    Closed,         ///< a fix of an open issue: closed, with the note
    Noted,          ///< a reference, or a fix of an issue closed already: the note only
    AlreadyApplied, ///< this commit acted on the issue before: nothing now
    UnknownIssue,   ///< no such issue: skipped
    OtherProject,   ///< in a project the repository may not touch: skipped
    Failed,         ///< refused, or changed by others again and again: nothing written
};

struct CommitIssueResult {
    unsigned issueId = 0;
    domain::CommitAction action = domain::CommitAction::Ref;
    CommitEffect effect = CommitEffect::Noted;
    std::string detail; ///< Closed: the status; OtherProject: the project; Failed: the reason
};

struct CommitResult {
    enum class Status {
        Applied,           ///< the commit is recorded and `issues` says what happened to each
        UnknownRepository, ///< no [repository.NAME] section: nothing written
        Invalid,           ///< bad fields (`errors`): nothing written
        Misconfigured,     ///< [scm] or the repository name a status or project that is not there (`errors`)
    };
    Status status = Status::Applied;
    std::vector<std::string> errors;
    std::string label;       ///< "trunk|r42"
    bool seenBefore = false; ///< recorded by an earlier report, whose author and message were used
    bool tooManyIssues = false, messageCut = false; ///< see domain::CommitMentions
    std::vector<CommitIssueResult> issues;          ///< in the message's order

    /// An issue the commit should have changed was not changed: reporting it again retries
    /// just those.
    bool anyFailed() const;
};

/// "closed (Closed)", "noted", "already applied", "skipped: no such issue", ... Never throws
/// except std::bad_alloc.
std::string describe(const CommitIssueResult& result);

class ScmCommitService {
public:
    /// With a `notifier`, each issue's change mails whom it concerns (an internal bug closed
    /// by a commit tells support, DESIGN §2).
    ScmCommitService(storage::Connection& db, const domain::Catalog& catalog, const ScmConfig& config,
                     const Notifier* notifier = nullptr)
        : _db(db), _catalog(catalog), _config(config), _notifier(notifier) {}

    /// Records the commit (once per repository and revision) and, for every issue its message
    /// names in a project the repository may touch, writes one journal through IssueService:
    /// a fix closes an open issue to [scm] fix_status, outside the workflow (Redmine's
    /// behaviour), a reference adds the note. The note is private in customer-facing projects:
    /// commit messages are written for the team. The journal's author is the staff account
    /// whose login or mail matches the commit author (without case), or nobody. Each issue's
    /// change commits with a changeset_issues row, so reporting the same revision again,
    /// concurrently or after a crash, changes nothing that was done. Throws StorageError.
    CommitResult apply(const domain::Changeset& changeset);

private:
    /// The changeset as first recorded, recording it now if it is new (`seenBefore` false).
    storage::StoredChangeset record(const domain::Changeset& incoming, bool& seenBefore);
    CommitIssueResult applyToIssue(unsigned changesetId, const domain::IssueMention& mention,
                                   const domain::Actor& actor, const std::string& note, unsigned fixStatusId,
                                   const std::vector<unsigned>& projectIds);
    storage::Connection& _db;
    const domain::Catalog& _catalog;
    const ScmConfig& _config;
    const Notifier* _notifier = nullptr;
};

} // namespace ticketflow::app
