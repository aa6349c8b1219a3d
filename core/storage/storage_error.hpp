// Errors thrown by the storage layer: driver failures wrapped in our own types.
#pragma once
#include <stdexcept>
#include <string>

namespace ticketflow::storage {

/// Any database failure (connection lost, constraint violated, bad SQL). `code` is the
/// server's error number (0 when unknown); `connectionLost` tells the caller to reconnect.
class StorageError : public std::runtime_error {
public:
    StorageError(const std::string& what, int code = 0, bool connectionLost = false)
        : std::runtime_error(what), _code(code), _connectionLost(connectionLost) {}
    int code() const { return _code; }
    bool connectionLost() const { return _connectionLost; }
    /// True for MariaDB's ER_DUP_ENTRY (unique key collision).
    bool duplicateKey() const { return _code == 1062; }
    /// A foreign key still refers to the row being deleted (ER_ROW_IS_REFERENCED_2).
    bool rowIsReferenced() const { return _code == 1451 || _code == 1217; }
    /// InnoDB chose this transaction as a deadlock's victim (ER_LOCK_DEADLOCK) or gave up
    /// waiting for a lock (ER_LOCK_WAIT_TIMEOUT): it was rolled back and may be run again.
    bool deadlock() const { return _code == 1213 || _code == 1205; }

private:
    int _code;
    bool _connectionLost;
};

} // namespace ticketflow::storage
