// The attachment part of the issue use cases: checking a change's files and recording them.
#pragma once
#include "core/app/attachment_store.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::app {

/// Problems with the files of one change (count, empty file, size over the store's limit),
/// as messages for the form; "Files cannot be attached here." when there is no store.
/// Never throws except bad_alloc.
std::vector<std::string> checkAttachments(const AttachmentStore* store, const std::vector<Upload>& uploads);

/// Who added the files of a change and where they go.
struct AttachmentOwner {
    unsigned issueId = 0;
    std::optional<unsigned> journalId; ///< the edit's journal; none for a new issue
    std::optional<unsigned> authorId;  ///< the user; none for an anonymous customer
    bool isPublic = true;              ///< false with a private note: staff only
};

/// Inserts one row per stored file (uploads[i] was stored as files[i]) with the sanitised
/// name and a content type from the allow-list, and for a journal the history line
/// "File NAME added". Call inside the change's transaction. Throws StorageError.
void recordAttachments(storage::Connection& db, const std::vector<Upload>& uploads,
                       const std::vector<StoredFile>& files, const AttachmentOwner& owner);

} // namespace ticketflow::app
