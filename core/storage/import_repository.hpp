// Rows written by the Redmine import with the source's own timestamps and ids; the
// administration repositories write "now" and take their ids from AUTO_INCREMENT.
#pragma once
#include "core/domain/attachment.hpp"
#include "core/domain/issue.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>

namespace ticketflow::storage {

struct ImportedUser {
    std::string login, firstname, lastname, mail; ///< mail "" is stored as NULL
    bool admin = false;
    std::string status = "active"; ///< active or locked
    std::string createdAt, lastLoginAt; ///< UTC; "" keeps the default / NULL
};

/// An issue's columns; the ids are ticketflow's.
struct ImportedIssue {
    unsigned projectId = 0, trackerId = 0, statusId = 0, priorityId = 0;
    std::optional<unsigned> authorId, assigneeId, milestoneId;
    std::string subject, description;
    std::string createdAt, updatedAt, closedAt; ///< UTC; closedAt "" is NULL
};

/// Tables whose created_at the import sets after an administration repository made the row.
enum class CreatedAtTable { Projects, Milestones };

/// Every write throws StorageError and runs in the caller's transaction.
class ImportRepository {
public:
    explicit ImportRepository(Connection& db) : _db(db) {}

    unsigned insertUser(const ImportedUser& user);
    void updateUser(unsigned id, const ImportedUser& user);
    /// A user whose login or mail is `login`/`mail` (compared as the unique keys do).
    std::optional<unsigned> userByLoginOrMail(const std::string& login, const std::string& mail);
    /// Gives the user the role in the project unless it has it already (then false).
    bool addMembership(unsigned userId, unsigned projectId, unsigned roleId);
    /// Lets the project use the tracker (its issues came with it) unless it does already.
    void ensureProjectTracker(unsigned projectId, unsigned trackerId);

    void setCreatedAt(CreatedAtTable table, unsigned id, const std::string& createdAt);
    std::optional<unsigned> milestoneByName(unsigned projectId, const std::string& name);

    /// True when no issue has this id (the import keeps Redmine's number when it is free).
    bool issueIdFree(unsigned id);
    /// The highest issue id (0 without issues).
    unsigned maxIssueId();
    /// Inserts with `id` (or AUTO_INCREMENT's next when nullopt) and returns the id.
    unsigned insertIssue(const ImportedIssue& issue, std::optional<unsigned> id);
    void updateIssue(unsigned id, const ImportedIssue& issue);

    unsigned insertJournal(unsigned issueId, std::optional<unsigned> userId, const std::string& notes,
                           bool privateNotes, const std::string& createdAt);
    /// Returns false when the journal's notes and flag were the same already.
    bool updateJournal(unsigned id, const std::string& notes, bool privateNotes);
    unsigned insertDetail(unsigned journalId, const domain::JournalDetail& detail);

    /// False when the user watched the issue already.
    bool addWatcher(unsigned issueId, unsigned userId);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
