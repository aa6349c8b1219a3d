// Redmine's two-step upload for the REST API: POST /uploads.json stores the bytes and returns
// a token; an issue create or update then names the token to attach the file.
#pragma once
#include "core/app/attachment_store.hpp"
#include "core/app/issue_attachments.hpp"
#include "core/domain/actor.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::app {

struct UploadTicket {
    unsigned id = 0;
    std::string token; ///< "ID.SECRET", shown once; the database keeps SHA-256 of SECRET
};

/// Stores one upload for `actor` (signed in). Errors (empty, too large, no store) are added
/// to `errors` and nothing is stored. Throws std::runtime_error when the disk fails.
std::optional<UploadTicket> storeUpload(storage::Connection& db, const AttachmentStore* store,
                                        const domain::Actor& actor, const Upload& upload,
                                        std::vector<std::string>& errors);

/// Attaches the uploads named by `tokens` to the owner's issue (and journal, with the history
/// line "File NAME added"). Each must be the actor's own unclaimed upload. Call inside the
/// change's transaction; on a bad token adds "Upload token … is invalid." to `errors` and the
/// caller must not commit.
void claimUploads(storage::Connection& db, const std::vector<std::string>& tokens, const AttachmentOwner& owner,
                  std::vector<std::string>& errors);

} // namespace ticketflow::app
