// Web sessions in the database (so any worker on any host serves any request).
#include "core/storage/session_repository.hpp"

namespace ticketflow::storage {

void SessionRepository::create(const std::string& tokenHash, unsigned userId, const std::string& csrfToken,
                               int lifetimeHours, const std::string& remoteAddr) {
    auto& ps = _db.prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, remote_addr)"
        " VALUES (?, ?, ?, NOW() + INTERVAL ? HOUR, ?)");
    ps.setString(1, tokenHash);
    ps.setUInt(2, userId);
    ps.setString(3, csrfToken);
    ps.setInt(4, lifetimeHours);
    ps.setString(5, remoteAddr.substr(0, 45));
    _db.run([&] { ps.executeUpdate(); });
}

std::optional<SessionRecord> SessionRepository::find(const std::string& tokenHash) {
    auto& ps = _db.prepare(
        "SELECT s.user_id, s.csrf_token, TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()) AS idle,"
        " u.login, TRIM(CONCAT(u.firstname, ' ', u.lastname)) AS name, u.kind, u.status, u.admin, u.customer_id"
        " FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = ? AND s.expires_at > NOW()");
    ps.setString(1, tokenHash);
    return _db.run([&]() -> std::optional<SessionRecord> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        SessionRecord s;
        s.userId = rs->getUInt("user_id");
        s.csrfToken = rs->getString("csrf_token");
        s.idleSeconds = rs->getInt64("idle");
        s.login = rs->getString("login");
        s.displayName = rs->getString("name");
        if (s.displayName.empty()) s.displayName = s.login;
        s.kind = rs->getString("kind");
        s.status = rs->getString("status");
        s.admin = rs->getBoolean("admin");
        s.customerId = optionalUInt(*rs, "customer_id");
        return s;
    });
}

void SessionRepository::extend(const std::string& tokenHash, int lifetimeHours) {
    auto& ps = _db.prepare(
        "UPDATE sessions SET last_seen_at = NOW(), expires_at = NOW() + INTERVAL ? HOUR"
        " WHERE token_hash = ?");
    ps.setInt(1, lifetimeHours);
    ps.setString(2, tokenHash);
    _db.run([&] { ps.executeUpdate(); });
}

void SessionRepository::remove(const std::string& tokenHash) {
    auto& ps = _db.prepare("DELETE FROM sessions WHERE token_hash = ?");
    ps.setString(1, tokenHash);
    _db.run([&] { ps.executeUpdate(); });
}

unsigned SessionRepository::purgeExpired() {
    auto& ps = _db.prepare("DELETE FROM sessions WHERE expires_at <= NOW()");
    return _db.run([&] { return static_cast<unsigned>(ps.executeUpdate()); });
}

} // namespace ticketflow::storage
