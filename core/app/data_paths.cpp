// Default data paths: the source tree for a binary in its build tree, else the installed layout.
#include "core/app/data_paths.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace ticketflow::app {

namespace {

namespace fs = std::filesystem;

/// True when `path` lies inside `folder` (both made canonical as far as they exist).
bool isInside(const fs::path& path, const fs::path& folder) {
    std::error_code ec;
    const auto p = fs::weakly_canonical(path, ec);
    if (ec) return false;
    const auto f = fs::weakly_canonical(folder, ec);
    if (ec) return false;
    const auto [fEnd, pIt] = std::mismatch(f.begin(), f.end(), p.begin(), p.end());
    return fEnd == f.end();
}

DataPaths compute() {
    const fs::path source = TICKETFLOW_SOURCE_DIR;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    // Without /proc (a bare chroot) the binary cannot tell where it is: assume it was installed.
    const bool inBuildTree = !ec && isInside(exe, TICKETFLOW_BUILD_DIR);
    if (inBuildTree) {
        return DataPaths{(source / "sql").string(), (source / "web/templates").string(),
                         (source / "web/static").string(), (source / "web/static/reports").string(),
                         (source / "node_modules/chart.js/dist/chart.umd.js").string()};
    }
    const fs::path data = ec ? fs::path(TICKETFLOW_INSTALL_DATA_DIR)
                             : (exe.parent_path() / TICKETFLOW_BIN_TO_DATA).lexically_normal();
    return DataPaths{(data / "sql").string(), (data / "web/templates").string(), (data / "web/static").string(),
                     (data / "web/static/reports").string(), (data / "chart.js/chart.umd.js").string()};
}

} // namespace

const DataPaths& defaultDataPaths() {
    static const DataPaths paths = compute();
    return paths;
}

} // namespace ticketflow::app
