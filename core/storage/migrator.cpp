// Applies the numbered migrations in sql/ that the database has not seen yet.
#include "core/storage/migrator.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ticketflow::storage {

namespace fs = std::filesystem;

std::vector<MigrationFile> listMigrations(const std::string& folder) {
    static const std::regex pattern(R"(^(\d{3})_[A-Za-z0-9_]+\.sql$)");
    std::vector<MigrationFile> files;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) throw std::runtime_error("cannot read migrations folder " + folder + ": " + ec.message());
    for (const auto& entry : it) {
        const std::string name = entry.path().filename().string();
        std::smatch m;
        if (!entry.is_regular_file() || !std::regex_match(name, m, pattern)) continue;
        files.push_back({std::stoi(m[1].str()), name, entry.path().string()});
    }
    std::sort(files.begin(), files.end(),
              [](const MigrationFile& a, const MigrationFile& b) { return a.version < b.version; });
    for (size_t i = 1; i < files.size(); ++i) {
        if (files[i].version == files[i - 1].version)
            throw std::runtime_error("two migrations share number " + std::to_string(files[i].version));
    }
    return files;
}

std::vector<std::string> splitStatements(const std::string& script) {
    std::vector<std::string> statements;
    std::istringstream in(script);
    std::string line, current;
    while (std::getline(in, line)) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
        const auto last = line.find_last_not_of(" \t\r");
        current += line.substr(0, last + 1);
        if (line[last] == ';') {
            current.pop_back();
            statements.push_back(current);
            current.clear();
        } else {
            current += '\n';
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
    return statements;
}

void Migrator::ensureTable() {
    _db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INT NOT NULL PRIMARY KEY,"
        " name VARCHAR(255) NOT NULL,"
        " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
}

std::vector<int> Migrator::applied() {
    ensureTable();
    auto& ps = _db.prepare("SELECT version FROM schema_migrations ORDER BY version");
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        std::vector<int> versions;
        while (rs->next()) versions.push_back(rs->getInt(1));
        return versions;
    });
}

std::vector<MigrationFile> Migrator::pending() {
    const auto done = applied();
    const std::set<int> doneSet(done.begin(), done.end());
    std::vector<MigrationFile> result;
    for (auto& file : listMigrations(_folder)) {
        if (!doneSet.count(file.version)) result.push_back(file);
    }
    return result;
}

std::vector<std::string> Migrator::migrate() {
    auto& lock = _db.prepare("SELECT GET_LOCK('ticketflow_migrate', 60)");
    const bool locked = _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(lock.executeQuery());
        return rs->next() && !rs->isNull(1) && rs->getInt(1) == 1;
    });
    if (!locked) throw StorageError("another migration is running (lock not obtained in 60 s)");

    std::vector<std::string> names;
    try {
        for (const auto& file : pending()) {
            std::ifstream in(file.path, std::ios::binary);
            if (!in) throw std::runtime_error("cannot read " + file.path);
            std::stringstream buffer;
            buffer << in.rdbuf();
            for (const auto& statement : splitStatements(buffer.str())) _db.execute(statement);
            auto& record = _db.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
            record.setInt(1, file.version);
            record.setString(2, file.name);
            _db.run([&] { record.executeUpdate(); });
            names.push_back(file.name);
        }
    } catch (...) {
        _db.execute("DO RELEASE_LOCK('ticketflow_migrate')");
        throw;
    }
    _db.execute("DO RELEASE_LOCK('ticketflow_migrate')");
    return names;
}

} // namespace ticketflow::storage
