// The nightly clean-up of attachment files.
#include "core/app/file_cleanup.hpp"

#include "core/storage/attachment_repository.hpp"

#include <filesystem>
#include <unordered_set>

namespace ticketflow::app {

namespace fs = std::filesystem;

namespace {

bool isTemporary(const fs::path& name) {
    const std::string text = name.filename().string();
    return text.size() > 6 && text.front() == '.' && text.ends_with(".part");
}

} // namespace

CleanupReport cleanUpFiles(storage::Connection& db, const AttachmentStore& store, unsigned graceHours, bool dryRun,
                           std::ostream& log) {
    CleanupReport report;
    storage::AttachmentRepository attachments(db);
    report.pendingUploads = dryRun ? attachments.countStalePending(graceHours) : attachments.removeStalePending(graceHours);
    const auto referenced = attachments.diskFilenamesKept(graceHours);

    const fs::path root(store.root());
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return report;
    const auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(graceHours);
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code fileError;
        if (!it->is_regular_file(fileError) || it->is_symlink(fileError)) continue;
        const std::string relative = fs::relative(it->path(), root, fileError).generic_string();
        const bool orphan = AttachmentStore::isValidDiskName(relative) && !referenced.count(relative);
        if (!orphan && !isTemporary(it->path())) continue;
        if (it->last_write_time(fileError) > cutoff || fileError) continue;
        const auto size = it->file_size(fileError);
        if (dryRun) log << "would remove " << relative << "\n";
        if (!dryRun && !fs::remove(it->path(), fileError)) {
            log << "cannot remove " << it->path().string() << ": " << fileError.message() << "\n";
            continue;
        }
        ++report.files;
        report.bytes += fileError ? 0 : size;
    }
    if (ec) log << "cannot read " << root.string() << ": " << ec.message() << "\n";
    return report;
}

} // namespace ticketflow::app
