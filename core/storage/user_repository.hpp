// Users with a login: lookup for sign-in, creation and memberships for the admin CLI.
#pragma once
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::storage {

struct UserRecord {
    unsigned id = 0;
    std::string login, firstname, lastname, mail, passwordHash, kind, status;
    bool admin = false;
    std::optional<unsigned> customerId;
    std::string createdAt, lastLoginAt; ///< UTC DATETIME; lastLoginAt "" when never
    std::string displayName() const;
};

struct NewUser {
    std::string login, firstname, lastname, mail, passwordHash;
    bool admin = false;
    bool customer = false; ///< a customer login: also gets (or is linked to) a customers row
};

class UserRepository {
public:
    explicit UserRepository(Connection& db) : _db(db) {}

    std::optional<UserRecord> findByLogin(const std::string& login);
    std::optional<UserRecord> findById(unsigned id);
    /// By mail address (unique; compared without case, as the column's collation does).
    std::optional<UserRecord> findByMail(const std::string& mail);
    /// Changes names, mail, the admin flag and the status ("active" / "locked"). Throws
    /// StorageError (duplicateKey() when the mail is taken).
    void update(unsigned id, const std::string& firstname, const std::string& lastname, const std::string& mail,
                bool admin, const std::string& status);
    void setPasswordHashById(unsigned id, const std::string& hash);
    struct MembershipRow {
        unsigned projectId = 0, roleId = 0;
    };
    std::vector<MembershipRow> memberships(unsigned userId);
    /// Returns false when the project or role does not exist; an existing membership is Ok.
    bool addMembershipIds(unsigned userId, unsigned projectId, unsigned roleId);
    bool removeMembership(unsigned userId, unsigned projectId, unsigned roleId);
    /// Users by id, for the admin's list.
    std::vector<UserRecord> list(unsigned offset, unsigned limit);
    long count();
    /// Inserts the user; for customers also the CRM record (matched by mail). Returns the id.
    /// Throws StorageError (duplicateKey() when the login or mail is taken).
    unsigned create(const NewUser& user);
    /// Returns false when no such user.
    bool setPasswordHash(const std::string& login, const std::string& hash);
    void touchLogin(unsigned id);
    /// The stored API key nonce and digest (both empty when the user has no key yet);
    /// nullopt when there is no such user.
    struct StoredApiKey {
        std::string nonce, digest;
    };
    std::optional<StoredApiKey> apiKeyOf(unsigned userId);
    void setApiKey(unsigned userId, const std::string& nonce, const std::string& digest);
    /// The user (active or locked) whose key has this digest.
    std::optional<UserRecord> findByApiKeyDigest(const std::string& digest);
    /// Adds a role in a project; returns false when the project or role does not exist.
    /// Adding an existing membership is not an error.
    bool addMembership(unsigned userId, const std::string& projectIdentifier, const std::string& roleName);

private:
    Connection& _db;
};

} // namespace ticketflow::storage
