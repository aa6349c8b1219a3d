// Applies the numbered migrations in sql/ that the database has not seen yet.
#pragma once
#include "core/storage/connection.hpp"

#include <string>
#include <vector>

namespace ticketflow::storage {

struct MigrationFile {
    int version = 0;
    std::string name; ///< file name, e.g. "001_schema.sql"
    std::string path;
};

/// Migration files of a folder: names "NNN_words.sql", ordered by NNN. Throws
/// std::runtime_error when the folder is unreadable or two files share a number.
std::vector<MigrationFile> listMigrations(const std::string& folder);

/// Splits a migration script into statements: a statement ends with ';' at the end of a
/// line; lines starting with "--" are comments.
std::vector<std::string> splitStatements(const std::string& script);

class Migrator {
public:
    Migrator(Connection& db, std::string folder) : _db(db), _folder(std::move(folder)) {}

    /// Applies pending migrations in order and returns the names applied. Holds a MariaDB
    /// named lock so two hosts upgrading at once do not both run a migration. Throws
    /// StorageError on a failing statement (MariaDB DDL is not transactional: the failing
    /// migration is not recorded, so fix it and run again).
    std::vector<std::string> migrate();
    /// Versions already applied.
    std::vector<int> applied();
    /// Files present whose version is not applied yet.
    std::vector<MigrationFile> pending();

private:
    void ensureTable();
    Connection& _db;
    std::string _folder;
};

} // namespace ticketflow::storage
