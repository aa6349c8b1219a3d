// Redmine's two-step upload for the REST API.
#include "core/app/api_uploads.hpp"

#include "core/app/crypto.hpp"
#include "core/domain/text.hpp"
#include "core/storage/attachment_repository.hpp"

namespace ticketflow::app {

std::optional<UploadTicket> storeUpload(storage::Connection& db, const AttachmentStore* store,
                                        const domain::Actor& actor, const Upload& upload,
                                        std::vector<std::string>& errors) {
    for (auto& e : checkAttachments(store, {upload})) errors.push_back(std::move(e));
    if (!errors.empty()) return std::nullopt;
    StagedFiles staged(store);
    staged.save({upload});
    const StoredFile& file = staged.files().front();
    domain::Attachment a;
    a.filename = domain::sanitizeFilename(upload.filename);
    a.contentType = std::string(domain::safeContentType(a.filename));
    a.diskFilename = file.diskFilename;
    a.filesize = file.size;
    a.digest = file.digest;
    a.authorId = actor.userId ? std::optional(actor.userId) : std::nullopt;
    const std::string secret = toHex(sha256(randomToken(24))).substr(0, 32);
    storage::Transaction tx(db);
    UploadTicket ticket;
    ticket.id = storage::AttachmentRepository(db).insertPending(a, toHex(sha256(secret)));
    tx.commit();
    staged.keep();
    ticket.token = std::to_string(ticket.id) + "." + secret;
    return ticket;
}

void claimUploads(storage::Connection& db, const std::vector<std::string>& tokens, const AttachmentOwner& owner,
                  std::vector<std::string>& errors) {
    storage::AttachmentRepository repo(db);
    for (const auto& token : tokens) {
        const auto dot = token.find('.');
        const auto id = dot == std::string::npos ? std::nullopt : domain::parseId(token.substr(0, dot));
        const std::string secret = dot == std::string::npos ? std::string() : token.substr(dot + 1);
        if (!id || secret.empty() || secret.size() > 64 ||
            !repo.claimPending(*id, toHex(sha256(secret)), owner.authorId, owner.issueId, owner.journalId,
                               owner.isPublic)) {
            errors.push_back("Upload token " + token.substr(0, 80) + " is invalid or was used already.");
            continue;
        }
        if (owner.journalId) {
            if (const auto a = repo.find(*id)) repo.addJournalDetail(*owner.journalId, a->id, a->filename);
        }
    }
}

} // namespace ticketflow::app
