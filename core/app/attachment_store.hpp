// Attachment bytes on disk: written durably under generated names, removed when a change fails.
#pragma once
#include "core/domain/attachment.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::app {

/// One file of a change as a form (or a mail) delivered it.
struct Upload {
    std::string filename;  ///< as the client named it (sanitised when stored)
    std::string_view data; ///< the bytes; must outlive the use case call
};

/// A file written by AttachmentStore::save, not yet recorded in the database.
struct StoredFile {
    std::string diskFilename; ///< relative to the store's root: "YYYY/MM/<32 hex>"
    std::string digest;       ///< sha256, lower-case hex
    std::uint64_t size = 0;
};

/// The attachments folder (paths.attachments). nginx serves it through an internal location,
/// so files and the folders created here are made readable by other users (0644/0755); keep
/// the root folder itself closed to anyone but the app and nginx.
class AttachmentStore {
public:
    AttachmentStore(std::string root, domain::UploadLimits limits) : _root(std::move(root)), _limits(limits) {}

    const std::string& root() const { return _root; }
    const domain::UploadLimits& limits() const { return _limits; }

    /// Writes `data` under root/YYYY/MM/ with a random name: into a temporary file in the same
    /// folder, fsync'd, renamed into place, folder fsync'd, so a crash leaves either no file
    /// or the whole file. Throws std::runtime_error naming the path and the system error when
    /// the disk fails (the temporary file is removed then).
    StoredFile save(std::string_view data) const;

    /// Deletes a file written by save() whose database row was never committed. Ignores a
    /// missing file and names that save() cannot have produced. Never throws.
    void remove(const std::string& diskFilename) const noexcept;

    /// True when `diskFilename` has the shape save() produces ("2025/01/<32 hex>"): the check
    /// before a stored name goes into a path or an X-Accel-Redirect. Never throws.
    static bool isValidDiskName(std::string_view diskFilename);

private:
    std::string _root;
    domain::UploadLimits _limits;
};

/// The files of one change: saved before its transaction, deleted again unless keep() is
/// called after the commit (validation failure, conflict, exception).
class StagedFiles {
public:
    /// `store` may be null for a change without files.
    explicit StagedFiles(const AttachmentStore* store) : _store(store) {}
    ~StagedFiles();
    StagedFiles(const StagedFiles&) = delete;
    StagedFiles& operator=(const StagedFiles&) = delete;

    /// Saves every upload in order. On a failure the files saved so far are removed and the
    /// exception (std::runtime_error from AttachmentStore::save) propagates. Throws
    /// std::logic_error for uploads without a store (checkAttachments refuses those first).
    void save(const std::vector<Upload>& uploads);
    const std::vector<StoredFile>& files() const { return _files; }
    /// The change committed: the files stay.
    void keep() noexcept { _kept = true; }

private:
    void removeAll() noexcept;
    const AttachmentStore* _store;
    std::vector<StoredFile> _files;
    bool _kept = false;
};

} // namespace ticketflow::app
