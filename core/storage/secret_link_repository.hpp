// secret_links: the nonce and token hash behind each issue's secret link (sql/010).
#pragma once
#include "core/storage/connection.hpp"

#include <optional>
#include <string>

namespace ticketflow::storage {

class SecretLinkRepository {
public:
    explicit SecretLinkRepository(Connection& db) : _db(db) {}

    /// The issue's nonce (16 raw bytes); nullopt when it has no link.
    std::optional<std::string> nonceOf(unsigned issueId);
    /// The issue whose link has this token hash (32 raw bytes).
    std::optional<unsigned> issueOf(const std::string& tokenHash);
    /// Sets the issue's link, replacing (revoking) any earlier one.
    void put(unsigned issueId, const std::string& nonce, const std::string& tokenHash);
    /// False when the issue had no link.
    bool remove(unsigned issueId);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
