// Use cases on issues: create one, change it (status through the workflow, fields, a note).
#pragma once
#include "core/app/attachment_store.hpp"
#include "core/app/notifier.hpp"
#include "core/domain/actor.hpp"
#include "core/domain/catalog.hpp"
#include "core/domain/issue.hpp"
#include "core/domain/issue_draft.hpp"
#include "core/storage/connection.hpp"

#include <functional>
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
    /// The version the editor saw (a form's lock_version): a change made since is a Conflict.
    /// None: the edit applies to the issue as it is now (the REST API without lock_version, a
    /// reply by mail or on the customer's page), and someone else's change that lands between
    /// reading and writing the issue is no conflict: the edit is read and tried again.
    std::optional<unsigned> lockVersion;
    std::optional<unsigned> trackerId, statusId, priorityId;
    std::optional<std::string> subject, description;
    std::optional<std::vector<std::string>> triageChecklist; ///< item keys (core/domain/triage)
    std::vector<std::string> uploadTokens; ///< REST API uploads to attach (POST /uploads.json)
    IdChange assigneeId, milestoneId;
    std::string note;
    bool privateNote = false;
    std::vector<Upload> attachments; ///< files added with this edit (private with a private note)
    /// A customer's reply to a closed issue reopens it to this status, outside the workflow
    /// table (DESIGN §2), and marks it "customer replied". Ignored for staff and open issues.
    std::optional<unsigned> reopenTo;
    /// A commit's fix keyword ("fixes #12") closes an open issue to this closed status outside
    /// the workflow table, as Redmine's commit_fix_status does (DESIGN §2). Honoured only for
    /// an actor acting for version control (Actor::viaCommit) that may edit the issue; ignored
    /// otherwise, and for an issue that is closed already.
    std::optional<unsigned> closeByCommit;
};

struct UpdateResult {
    Outcome outcome = Outcome::Ok;
    std::vector<std::string> errors;
    std::optional<domain::Issue> current; ///< the issue as it is now (for a conflict page)
    bool unchanged = false;               ///< Invalid only because the edit changes nothing
    unsigned journalId = 0;               ///< Ok: the journal the edit wrote
};

class IssueService {
public:
    /// Without `attachments` (a store), changes that carry files are refused as Invalid.
    /// With a `notifier`, every change writes its notification mails in its transaction.
    IssueService(storage::Connection& db, const domain::Catalog& catalog, const AttachmentStore* attachments = nullptr,
                 const Notifier* notifier = nullptr)
        : _db(db), _catalog(catalog), _attachments(attachments), _notifier(notifier) {}

    /// Creates an issue in the tracker's default status, journal-free like Redmine; the author
    /// watches it. A customer's issue is theirs; their priority and assignee become hints. Forbidden without AddIssues in the project; Invalid with messages for bad
    /// fields (unknown tracker for the project, assignee not assignable, closed milestone, …).
    /// `uploads` become the issue's attachments: checked against the store's limits (Invalid),
    /// written to disk before the transaction and removed again if it does not commit.
    /// `uploadTokens` name files stored before by the REST API (POST /uploads.json).
    CreateResult create(const domain::Actor& actor, domain::IssueDraft draft, const std::vector<Upload>& uploads = {},
                        const std::vector<std::string>& uploadTokens = {});

    /// Applies an edit as one journal (note + field details). Status changes go through the
    /// workflow table; the edit is refused with Conflict when the issue changed since
    /// `lockVersion` was read. Nothing is written unless everything is valid. Files in
    /// `edit.attachments` belong to the journal, which lists them ("File x added").
    UpdateResult update(const domain::Actor& actor, unsigned issueId, const IssueEdit& edit);

    /// Deletes an issue with its history. NotFound when the actor may not see it, Forbidden
    /// without DeleteIssues in its project.
    Outcome destroy(const domain::Actor& actor, unsigned issueId);

    /// Staff entering an issue for someone not yet in the CRM: create() calls `insert` inside its
    /// transaction and files the issue under the customer id it returns, so a refused issue
    /// leaves no customer behind (see CustomerService::creator).
    void createCustomerWith(std::function<unsigned(storage::Connection&)> insert) { _newCustomer = std::move(insert); }

    /// Runs `also` inside the transaction of the next create() or update(), after its writes
    /// (issue id, and the journal's id for an update): what must commit with the change or not
    /// at all (mail intake marks its message processed). Throwing rolls the change back.
    /// The Message-ID of the customer's mail the next create() files: the confirmation
    /// answers it, so it lands in the customer's thread.
    void replyingTo(std::string messageId) { _replyingTo = std::move(messageId); }
    /// The customer of the next create(), as the caller already read them (mail intake):
    /// its notifications then need not read them again.
    void knownCustomer(std::string name, std::optional<std::string> mail) {
        _knownCustomer = storage::IssueAudience{std::move(name), std::move(mail), {}};
    }

    using AlsoInTransaction = std::function<void(storage::Connection&, unsigned issueId, std::optional<unsigned> journalId)>;
    void alsoInTransaction(AlsoInTransaction also) { _also = std::move(also); }

private:
    UpdateResult updateOnce(const domain::Actor& actor, unsigned issueId, const IssueEdit& edit);
    void keepAsHints(const domain::Actor& actor, domain::IssueDraft& draft) const;
    /// Assignee holds the tracker's assignable role; milestone is open in the project.
    void checkAssignment(unsigned projectId, unsigned trackerId, std::optional<unsigned> assigneeId,
                         std::optional<unsigned> milestoneId, std::vector<std::string>& errors) const;
    std::vector<std::string> checkFields(const domain::Issue& issue, unsigned trackerId, unsigned statusId,
                                         unsigned priorityId, std::optional<unsigned> assigneeId,
                                         std::optional<unsigned> milestoneId) const;
    storage::Connection& _db;
    const domain::Catalog& _catalog;
    const AttachmentStore* _attachments = nullptr;
    const Notifier* _notifier = nullptr;
    std::string _replyingTo;
    std::optional<storage::IssueAudience> _knownCustomer;
    std::function<unsigned(storage::Connection&)> _newCustomer;
    AlsoInTransaction _also;
};

} // namespace ticketflow::app
