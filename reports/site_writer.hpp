// The output folder: a site is written into a staging folder and swapped in atomically.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>

namespace ticketflow::report {

/// The output folder cannot be created or written (exit code 73).
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Layout of OUT:
///   OUT/current -> site-YYYYMMDDTHHMMSSZ-PID   (symlink; nginx serves OUT/current/)
///   OUT/site-…                                 (the newest and the previous site)
///   OUT/.staging-XXXXXX                        (while a run writes; removed on failure)
/// Readers follow `current`, which rename(2) replaces in one step, so they see the old site
/// or the new one, never a half-written one. The previous site is kept so that a reader who
/// resolved the old link a moment ago still finds its files.
class SiteWriter {
public:
    /// Creates OUT when missing and a staging folder inside it (same file system, so the
    /// final renames are atomic). Throws OutputError.
    explicit SiteWriter(std::filesystem::path out);
    /// Removes the staging folder unless published.
    ~SiteWriter();
    SiteWriter(const SiteWriter&) = delete;
    SiteWriter& operator=(const SiteWriter&) = delete;

    /// Writes `content` to `relative` under the staging folder (parents created). Throws OutputError.
    void write(const std::string& relative, const std::string& content);
    /// Copies the file `from` to `relative`. Throws OutputError naming both.
    void copy(const std::filesystem::path& from, const std::string& relative);
    /// Moves the staging folder to OUT/site-`stamp`, points OUT/current at it, removes older
    /// sites but the previous one, and staging folders of killed runs (older than a day).
    /// Returns the new site's folder. Throws OutputError.
    std::filesystem::path publish(const std::string& stamp);

private:
    std::filesystem::path _out, _staging;
    bool _published = false;
};

} // namespace ticketflow::report
