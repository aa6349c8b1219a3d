// SiteWriter: staging folder, file writes with error checks, symlink swap by rename(2).
#include "reports/site_writer.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace ticketflow::report {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
    throw OutputError(what + " " + path.string() + ": " + std::strerror(error));
}

} // namespace

SiteWriter::SiteWriter(fs::path out) : _out(std::move(out)) {
    std::error_code ec;
    fs::create_directories(_out, ec);
    if (ec) throw OutputError("cannot create the output folder " + _out.string() + ": " + ec.message());
    std::string pattern = (_out / ".staging-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) fail("cannot create a staging folder in", _out, errno);
    _staging = pattern;
    // mkdtemp makes it 0700; the site is read by nginx's workers.
    fs::permissions(_staging, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec, ec);
}

SiteWriter::~SiteWriter() {
    if (_published) return;
    std::error_code ec;
    fs::remove_all(_staging, ec); // best effort: a failed run leaves the current site untouched
}

void SiteWriter::write(const std::string& relative, const std::string& content) {
    const fs::path path = _staging / relative;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw OutputError("cannot create " + path.parent_path().string() + ": " + ec.message());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) fail("cannot write", path, errno);
    const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
    const int error = errno;
    if (std::fclose(f) != 0 || !ok) fail("cannot write", path, ok ? errno : error);
}

void SiteWriter::copy(const fs::path& from, const std::string& relative) {
    std::ifstream in(from, std::ios::binary);
    if (!in) throw OutputError("cannot read " + from.string() + " (to ship it as " + relative + ")");
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    write(relative, content);
}

fs::path SiteWriter::publish(const std::string& stamp) {
    const std::string name = "site-" + stamp + "-" + std::to_string(::getpid());
    const fs::path site = _out / name;
    if (std::rename(_staging.c_str(), site.c_str()) != 0) fail("cannot move the staging folder to", site, errno);
    _published = true;

    fs::path previous;
    std::error_code ec;
    const fs::path current = _out / "current";
    if (fs::is_symlink(current, ec)) previous = fs::read_symlink(current, ec);
    const fs::path link = _out / (".current-" + std::to_string(::getpid()));
    fs::remove(link, ec);
    if (::symlink(name.c_str(), link.c_str()) != 0) fail("cannot create the link", link, errno);
    // rename(2) replaces `current` in one step; a reader sees the old target or the new one.
    if (std::rename(link.c_str(), current.c_str()) != 0) fail("cannot replace", current, errno);

    // A staging folder of a run that was killed is left behind; one older than a day cannot
    // belong to a run still writing (a run takes minutes), so it goes too.
    const auto dayAgo = fs::file_time_type::clock::now() - std::chrono::hours(24);
    for (const auto& entry : fs::directory_iterator(_out, ec)) {
        const std::string n = entry.path().filename().string();
        std::error_code ignored;
        if (n.rfind(".staging-", 0) == 0 && fs::last_write_time(entry.path(), ignored) < dayAgo) {
            fs::remove_all(entry.path(), ignored);
            continue;
        }
        if (n.rfind("site-", 0) != 0 || n == name || n == previous.filename().string()) continue;
        fs::remove_all(entry.path(), ignored); // older than the previous site: nobody reads it any more
    }
    return site;
}

} // namespace ticketflow::report
