// Web sessions in the database (so any worker on any host serves any request).
#pragma once
#include "core/storage/connection.hpp"

#include <optional>
#include <string>

namespace ticketflow::storage {

struct SessionRecord {
    unsigned userId = 0;
    std::string csrfToken;
    long idleSeconds = 0;
    // the user, loaded with the session to save a round trip
    std::string login, displayName, kind, status;
    bool admin = false;
    std::optional<unsigned> customerId;
};

class SessionRepository {
public:
    explicit SessionRepository(Connection& db) : _db(db) {}

    void create(const std::string& tokenHash, unsigned userId, const std::string& csrfToken, int lifetimeHours,
                const std::string& remoteAddr);
    /// The live session with that token hash (not expired), or nullopt.
    std::optional<SessionRecord> find(const std::string& tokenHash);
    /// Moves the expiry forward (sliding idle timeout).
    void extend(const std::string& tokenHash, int lifetimeHours);
    void remove(const std::string& tokenHash);
    /// Deletes expired sessions; returns how many.
    unsigned purgeExpired();

private:
    Connection& _db;
};

} // namespace ticketflow::storage
