// The attachment part of the issue use cases: checking a change's files and recording them.
#include "core/app/issue_attachments.hpp"

#include "core/storage/attachment_repository.hpp"

namespace ticketflow::app {

std::vector<std::string> checkAttachments(const AttachmentStore* store, const std::vector<Upload>& uploads) {
    if (uploads.empty()) return {};
    if (!store) return {"Files cannot be attached here."};
    std::vector<domain::UploadInfo> infos;
    infos.reserve(uploads.size());
    for (const auto& u : uploads) infos.push_back({u.filename, u.data.size()});
    return domain::checkUploads(infos, store->limits());
}

void recordAttachments(storage::Connection& db, const std::vector<Upload>& uploads,
                       const std::vector<StoredFile>& files, const AttachmentOwner& owner) {
    storage::AttachmentRepository repo(db);
    for (std::size_t i = 0; i < files.size() && i < uploads.size(); ++i) {
        domain::Attachment a;
        a.issueId = owner.issueId;
        a.journalId = owner.journalId;
        a.authorId = owner.authorId;
        a.isPublic = owner.isPublic;
        a.filename = domain::sanitizeFilename(uploads[i].filename);
        a.contentType = std::string(domain::safeContentType(a.filename));
        a.diskFilename = files[i].diskFilename;
        a.filesize = files[i].size;
        a.digest = files[i].digest;
        const unsigned id = repo.insert(a);
        if (owner.journalId) repo.addJournalDetail(*owner.journalId, id, a.filename);
    }
}

} // namespace ticketflow::app
