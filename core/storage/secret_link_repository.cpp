// secret_links: the nonce and token hash behind each issue's secret link (sql/010).
#include "core/storage/secret_link_repository.hpp"

namespace ticketflow::storage {

std::optional<std::string> SecretLinkRepository::nonceOf(unsigned issueId) {
    auto& ps = _db.prepare("SELECT nonce FROM secret_links WHERE issue_id = ?");
    ps.setUInt(1, issueId);
    return _db.run([&]() -> std::optional<std::string> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return std::string(rs->getString(1));
    });
}

std::optional<unsigned> SecretLinkRepository::issueOf(const std::string& tokenHash) {
    auto& ps = _db.prepare("SELECT issue_id FROM secret_links WHERE token_hash = ?");
    ps.setString(1, tokenHash);
    return _db.run([&]() -> std::optional<unsigned> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return rs->getUInt(1);
    });
}

void SecretLinkRepository::put(unsigned issueId, const std::string& nonce, const std::string& tokenHash) {
    auto& ps = _db.prepare(
        "INSERT INTO secret_links (issue_id, nonce, token_hash) VALUES (?, ?, ?)"
        " ON DUPLICATE KEY UPDATE nonce = VALUES(nonce), token_hash = VALUES(token_hash), created_at = NOW()");
    ps.setUInt(1, issueId);
    ps.setString(2, nonce);
    ps.setString(3, tokenHash);
    _db.run([&] { ps.executeUpdate(); });
}

bool SecretLinkRepository::remove(unsigned issueId) {
    auto& ps = _db.prepare("DELETE FROM secret_links WHERE issue_id = ?");
    ps.setUInt(1, issueId);
    return _db.run([&] { return ps.executeUpdate() > 0; });
}

} // namespace ticketflow::storage
