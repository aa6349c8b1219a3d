// Attachment bytes on disk: written durably under generated names, removed when a change fails.
#include "core/app/attachment_store.hpp"

#include "core/app/crypto.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <sodium.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace ticketflow::app {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int err) {
    throw std::runtime_error("attachment store: " + what + " " + path.string() + ": " + std::strerror(err));
}

std::string randomHex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    return toHex(raw);
}

/// "2025/01": a folder per month keeps directories small and old files easy to archive.
std::string monthFolder() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y/%m", &tm);
    return buf;
}

/// Creates root/YYYY/MM with mode 0755 so that nginx, running as another user, can enter it.
void makeFolders(const fs::path& root, const std::string& month) {
    fs::path dir = root;
    for (const auto& part : fs::path(month)) {
        dir /= part;
        if (::mkdir(dir.c_str(), 0755) == 0) {
            ::chmod(dir.c_str(), 0755); // the umask may have taken bits away
        } else if (errno != EEXIST) {
            fail("cannot create folder", dir, errno);
        }
    }
}

void writeAll(int fd, std::string_view data, const fs::path& path) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write", path, errno);
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
}

void syncFolder(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("cannot open folder", dir, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) fail("cannot sync folder", dir, err);
}

bool isHex(std::string_view s) {
    return s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

bool allDigits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

} // namespace

StoredFile AttachmentStore::save(std::string_view data) const {
    const std::string month = monthFolder();
    makeFolders(_root, month);
    StoredFile stored;
    stored.diskFilename = month + "/" + randomHex(16);
    stored.size = data.size();
    stored.digest = toHex(sha256(data));

    const fs::path target = fs::path(_root) / stored.diskFilename;
    // A leading dot and a different name: a half-written file never looks like an attachment.
    const fs::path temp = fs::path(_root) / month / ("." + randomHex(8) + ".part");
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot create", temp, errno);
    try {
        ::fchmod(fd, 0644); // nginx reads the file as another user, whatever the umask says
        writeAll(fd, data, temp);
        if (::fsync(fd) != 0) fail("cannot sync", temp, errno);
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail("cannot close", temp, err);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail("cannot rename into", target, err);
    }
    try {
        syncFolder(target.parent_path());
    } catch (...) {
        ::unlink(target.c_str());
        throw;
    }
    return stored;
}

void AttachmentStore::remove(const std::string& diskFilename) const noexcept {
    if (!isValidDiskName(diskFilename)) return;
    const fs::path path = fs::path(_root) / diskFilename;
    ::unlink(path.c_str());
}

bool AttachmentStore::isValidDiskName(std::string_view name) {
    // YYYY/MM/<32 hex>: nothing that could climb out of the folder or surprise nginx.
    if (name.size() != 4 + 1 + 2 + 1 + 32) return false;
    return allDigits(name.substr(0, 4)) && name[4] == '/' && allDigits(name.substr(5, 2)) && name[7] == '/' &&
           isHex(name.substr(8));
}

StagedFiles::~StagedFiles() {
    if (!_kept) removeAll();
}

void StagedFiles::save(const std::vector<Upload>& uploads) {
    if (uploads.empty()) return;
    if (!_store) throw std::logic_error("attachments given but no attachment store configured");
    try {
        for (const auto& u : uploads) _files.push_back(_store->save(u.data));
    } catch (...) {
        removeAll();
        throw;
    }
}

void StagedFiles::removeAll() noexcept {
    for (const auto& f : _files) _store->remove(f.diskFilename);
    _files.clear();
}

} // namespace ticketflow::app
