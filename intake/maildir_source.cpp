// A Maildir folder as a mail source.
#include "intake/maildir_source.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace ticketflow::intake {

namespace fs = std::filesystem;

namespace {

FetchedMail readMessage(const fs::path& file, std::uint64_t maxBytes) {
    FetchedMail m;
    m.size = fs::file_size(file);
    m.truncated = m.size > maxBytes;
    const std::size_t wanted = m.truncated ? kHeadBytes : static_cast<std::size_t>(m.size);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    m.raw.resize(wanted);
    in.read(m.raw.data(), static_cast<std::streamsize>(wanted));
    m.raw.resize(static_cast<std::size_t>(in.gcount()));
    return m;
}

} // namespace

std::size_t MaildirSource::drain(const std::function<void(const FetchedMail&)>& keep) {
    std::vector<fs::path> files;
    for (const char* sub : {"new", "cur"}) {
        const fs::path dir = fs::path(_folder) / sub;
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().filename().string().front() == '.' || !entry.is_regular_file()) continue;
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    std::size_t handed = 0;
    for (const auto& file : files) {
        keep(readMessage(file, _maxBytes));
        ++handed;
        std::error_code ec;
        // Already stored: a file that cannot be removed is stored again next time, which the
        // store recognises (same bytes), so nothing is lost or doubled.
        fs::remove(file, ec);
        if (ec) throw std::runtime_error("cannot remove " + file.string() + ": " + ec.message());
    }
    return handed;
}

} // namespace ticketflow::intake
