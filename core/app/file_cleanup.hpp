// The nightly clean-up of attachment files: API uploads never attached to an issue, and files
// no attachment row refers to any more (deleted issues, crashed writes).
#pragma once
#include "core/app/attachment_store.hpp"
#include "core/storage/connection.hpp"

#include <cstdint>
#include <ostream>

namespace ticketflow::app {

struct CleanupReport {
    unsigned long pendingUploads = 0; ///< rows of unclaimed uploads removed
    unsigned long files = 0;          ///< files removed from disk
    std::uint64_t bytes = 0;          ///< their size
};

/// Removes unclaimed uploads (POST /uploads.json) older than `graceHours`, then every file
/// under the store whose name no attachment refers to and that is older than `graceHours`;
/// the grace keeps files of changes still in flight (files are written before their
/// transaction). Unfinished temporary files (".…part") older than the grace go too; anything
/// else in the folder is left alone. With `dryRun` only counts, naming each file to `log`. Files are removed after the
/// rows, so a crash leaves at worst a file for the next run. Throws StorageError;
/// filesystem errors on single files are reported to `log` and skipped.
CleanupReport cleanUpFiles(storage::Connection& db, const AttachmentStore& store, unsigned graceHours, bool dryRun,
                           std::ostream& log);

} // namespace ticketflow::app
