// A fresh database per test on the private MariaDB started by the CTest fixture.
#pragma once
#include "core/storage/connection.hpp"
#include "core/storage/migrator.hpp"

#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

namespace ticketflow::testing {

/// Reads the KEY=VALUE file named by $TICKETFLOW_TEST_ENV (written by tests/fixtures/services.sh).
inline storage::DbConfig testServer() {
    const char* path = std::getenv("TICKETFLOW_TEST_ENV");
    if (!path) throw std::runtime_error("TICKETFLOW_TEST_ENV is not set: run the tests through ctest");
    std::ifstream in(path);
    if (!in) throw std::runtime_error(std::string("cannot read ") + path);
    storage::DbConfig c;
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "TF_DB_SOCKET")
            c.socket = value;
        else if (key == "TF_DB_HOST")
            c.host = value;
        else if (key == "TF_DB_PORT")
            c.port = std::stoi(value);
        else if (key == "TF_DB_USER")
            c.user = value;
        else if (key == "TF_DB_PASSWORD")
            c.password = value;
    }
    return c;
}

/// One KEY of the $TICKETFLOW_TEST_ENV file; empty when it is not there (a fixture not started).
inline std::string testEnv(const std::string& wanted) {
    const char* path = std::getenv("TICKETFLOW_TEST_ENV");
    std::ifstream in(path ? path : "");
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq != std::string::npos && line.compare(0, eq, wanted) == 0 && eq == wanted.size()) return line.substr(eq + 1);
    }
    return {};
}

inline std::string sourceDir() {
    const char* dir = std::getenv("TICKETFLOW_SOURCE_DIR");
    return dir ? dir : TICKETFLOW_SOURCE_DIR;
}

/// Creates tf_test_<random>, optionally migrated from sql/, and drops it at the end.
class TestDatabase {
public:
    explicit TestDatabase(bool migrate = true) : _config(testServer()) {
        std::random_device rd;
        _config.name = "tf_test_" + std::to_string(rd()) + std::to_string(rd() % 1000);
        storage::DbConfig server = _config;
        server.name.clear();
        _admin = std::make_unique<storage::Connection>(server);
        _admin->execute("CREATE DATABASE `" + _config.name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        _db = std::make_unique<storage::Connection>(_config);
        if (migrate) storage::Migrator(*_db, sourceDir() + "/sql").migrate();
    }
    ~TestDatabase() {
        _db.reset();
        try {
            _admin->execute("DROP DATABASE IF EXISTS `" + _config.name + "`");
        } catch (...) {
            // leave it for the fixture's teardown, which removes the whole server
        }
    }
    storage::Connection& db() { return *_db; }
    const storage::DbConfig& config() const { return _config; }
    /// A second, independent connection (another "worker").
    std::unique_ptr<storage::Connection> connect() const { return std::make_unique<storage::Connection>(_config); }

    long scalar(const std::string& sqlText) {
        auto& ps = _db->prepare(sqlText);
        return _db->run([&] {
            std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
            return rs->next() ? static_cast<long>(rs->getInt64(1)) : -1L;
        });
    }

private:
    storage::DbConfig _config;
    std::unique_ptr<storage::Connection> _admin, _db;
};

} // namespace ticketflow::testing
