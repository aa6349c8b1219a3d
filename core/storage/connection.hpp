// One MariaDB connection with a cache of prepared statements; owned by a single thread.
#pragma once
#include "core/storage/db_config.hpp"
#include "core/storage/storage_error.hpp"

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace sql {
class Connection;
}

namespace ticketflow::storage {

/// Connector/C++ connections must not be shared between threads (SERVICES.md): each worker
/// thread owns one Connection. Statements are prepared once per connection and reused,
/// which keeps the per-request cost at one round trip per query.
class Connection {
public:
    /// Connects (utf8mb4, UTC session time zone). Throws StorageError when unreachable.
    explicit Connection(const DbConfig& config);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// A cached prepared statement for `sql` with its parameters cleared.
    sql::PreparedStatement& prepare(const std::string& sql);
    /// Forgets cached statements beyond `max` (call between requests, never while a
    /// statement reference is held).
    void trimStatements(std::size_t max);
    /// Runs a statement without parameters (DDL, SET, transaction control).
    void execute(const std::string& sql);
    /// Runs `insert`, an INSERT ending in "RETURNING id", and gives that id: one round trip
    /// where executeUpdate and SELECT LAST_INSERT_ID() take two.
    unsigned long long insertReturningId(sql::PreparedStatement& insert);

    /// One round trip to the server (a health check). Throws StorageError when it is gone.
    void ping();

    void begin();
    void commit();
    void rollback() noexcept;

    /// Inside a BatchTransaction, Transactions join it instead of starting their own.
    bool inBatch() const { return _batch != Batch::None; }
    /// A joined Transaction ended without commit: the batch must be rolled back as a whole.
    void spoilBatch() noexcept {
        if (_batch == Batch::Open) _batch = Batch::Spoiled;
    }

    /// Runs `f`, translating driver exceptions into StorageError.
    template <class F>
    auto run(F&& f) -> decltype(f()) {
        try {
            return f();
        } catch (const sql::SQLException& e) {
            throw translate(e);
        }
    }

    static StorageError translate(const sql::SQLException& e);

private:
    friend class BatchTransaction;
    enum class Batch { None, Open, Spoiled };
    std::unique_ptr<sql::Connection> _conn;
    std::unordered_map<std::string, std::unique_ptr<sql::PreparedStatement>> _statements;
    Batch _batch = Batch::None;
};

/// Commits on commit(), rolls back when destroyed without it (exceptions included).
/// Inside a BatchTransaction it joins the batch: commit() leaves committing to the batch, and
/// ending without commit spoils the batch (its writes cannot be undone alone).
class Transaction {
public:
    explicit Transaction(Connection& db) : _db(db), _joined(db.inBatch()) {
        if (!_joined) _db.begin();
    }
    ~Transaction() {
        if (_done) return;
        if (_joined) {
            _db.spoilBatch();
        } else {
            _db.rollback();
        }
    }
    void commit() {
        if (!_joined) _db.commit();
        _done = true;
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    Connection& _db;
    bool _joined;
    bool _done = false;
};

/// Several changes committed at once (mail intake: one commit for a batch of messages instead
/// of one each). Transactions opened meanwhile join it. commit() returns false, having rolled
/// everything back, when one of them ended without commit: the caller then makes the changes
/// again one by one. Destroyed without commit() (an exception), it rolls back.
class BatchTransaction {
public:
    explicit BatchTransaction(Connection& db) : _db(db) {
        _db.begin();
        _db._batch = Connection::Batch::Open;
    }
    ~BatchTransaction() {
        if (_done) return;
        _db._batch = Connection::Batch::None;
        _db.rollback();
    }
    bool commit() {
        const bool spoiled = _db._batch == Connection::Batch::Spoiled;
        _db._batch = Connection::Batch::None;
        _done = true;
        if (spoiled) {
            _db.rollback();
            return false;
        }
        _db.commit();
        return true;
    }
    BatchTransaction(const BatchTransaction&) = delete;
    BatchTransaction& operator=(const BatchTransaction&) = delete;

private:
    Connection& _db;
    bool _done = false;
};

/// Runs a query and calls `f(row)` for every row it returns. Throws StorageError.
template <class F>
void forEachRow(Connection& db, sql::PreparedStatement& ps, F&& f) {
    db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) f(*rs);
    });
}

/// Column readers that map SQL NULL to std::nullopt.
std::optional<unsigned> optionalUInt(sql::ResultSet& rs, const char* column);
std::optional<std::string> optionalString(sql::ResultSet& rs, const char* column);
/// Binds an optional value, NULL when empty.
void bindOptional(sql::PreparedStatement& ps, int index, const std::optional<unsigned>& value);
/// Binds text, NULL when empty (optional columns with a unique key or "none" meaning).
void bindOptionalText(sql::PreparedStatement& ps, int index, const std::string& value);

} // namespace ticketflow::storage
