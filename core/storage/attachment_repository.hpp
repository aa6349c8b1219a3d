// Attachment rows and the journal lines that announce them, in MariaDB.
#pragma once
#include "core/domain/attachment.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace ticketflow::storage {

/// The bytes are not here: core/app/attachment_store writes them; this keeps the records.
/// Every method throws StorageError when the database fails.
class AttachmentRepository {
public:
    explicit AttachmentRepository(Connection& db) : _db(db) {}

    /// The attachment with its author's name, or nullopt.
    std::optional<domain::Attachment> find(unsigned id);
    /// All attachments of an issue (those added with its journals included), oldest first,
    /// private ones included: the caller filters with domain::canViewAttachment.
    std::vector<domain::Attachment> listForIssue(unsigned issueId);

    // Writes: call inside a Transaction.
    /// Inserts the row (id and authorName of `a` are ignored; an empty createdAt is now);
    /// returns the new id.
    unsigned insert(const domain::Attachment& a);
    /// The history line "File NAME added": journal detail property "attachment", prop_key the
    /// attachment id, value the file name (as Redmine stores it).
    void addJournalDetail(unsigned journalId, unsigned attachmentId, const std::string& filename);
    /// New rows on `toIssueId` for every attachment of `fromIssueId` (Copy to): the same
    /// stored file (files are never changed in place), author and visibility. Returns how many.
    unsigned copyToIssue(unsigned fromIssueId, unsigned toIssueId);
    /// An API upload (POST /uploads.json): a row without issue, waiting to be claimed with
    /// its token, of which only the digest is stored. Returns the id.
    unsigned insertPending(const domain::Attachment& a, const std::string& tokenDigest);
    /// Attaches a pending upload to an issue (and journal) if the token digest and the
    /// author match; false when it does not exist, is taken, or is someone else's.
    bool claimPending(unsigned id, const std::string& tokenDigest, std::optional<unsigned> authorId, unsigned issueId,
                      std::optional<unsigned> journalId, bool isPublic);
    /// Unclaimed uploads older than `hours`: counted, or deleted (returns how many).
    unsigned long countStalePending(unsigned hours);
    unsigned long removeStalePending(unsigned hours);
    /// Every disk_filename an attachment row refers to (copies share a file), but for
    /// unclaimed uploads older than `hours` (which the clean-up removes).
    std::unordered_set<std::string> diskFilenamesKept(unsigned hours);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
