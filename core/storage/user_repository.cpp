// Users with a login: lookup for sign-in, creation and memberships for the admin CLI.
#include "core/storage/user_repository.hpp"

namespace ticketflow::storage {

namespace {

const char* const kUserColumns =
    "SELECT id, login, firstname, lastname, COALESCE(mail, '') AS mail, COALESCE(password_hash, '') AS password_hash,"
    " kind, status, admin, customer_id, created_at, COALESCE(last_login_at, '') AS last_login_at FROM users ";

UserRecord readUser(sql::ResultSet& rs) {
    UserRecord u;
    u.id = rs.getUInt("id");
    u.login = rs.getString("login");
    u.firstname = rs.getString("firstname");
    u.lastname = rs.getString("lastname");
    u.mail = rs.getString("mail");
    u.passwordHash = rs.getString("password_hash");
    u.kind = rs.getString("kind");
    u.status = rs.getString("status");
    u.admin = rs.getBoolean("admin");
    u.customerId = optionalUInt(rs, "customer_id");
    u.createdAt = rs.getString("created_at");
    u.lastLoginAt = rs.getString("last_login_at");
    return u;
}

} // namespace

std::string UserRecord::displayName() const {
    std::string name = firstname;
    if (!lastname.empty()) name += (name.empty() ? "" : " ") + lastname;
    return name.empty() ? login : name;
}

std::optional<UserRecord> UserRepository::findByLogin(const std::string& login) {
    auto& ps = _db.prepare(std::string(kUserColumns) + "WHERE login = ?");
    ps.setString(1, login);
    return _db.run([&]() -> std::optional<UserRecord> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readUser(*rs);
    });
}

std::optional<UserRecord> UserRepository::findByMail(const std::string& mail) {
    auto& ps = _db.prepare(std::string(kUserColumns) + "WHERE mail = ?");
    ps.setString(1, mail);
    return _db.run([&]() -> std::optional<UserRecord> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readUser(*rs);
    });
}

std::optional<UserRecord> UserRepository::findById(unsigned id) {
    auto& ps = _db.prepare(std::string(kUserColumns) + "WHERE id = ?");
    ps.setUInt(1, id);
    return _db.run([&]() -> std::optional<UserRecord> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readUser(*rs);
    });
}

unsigned UserRepository::create(const NewUser& user) {
    Transaction tx(_db);
    std::optional<unsigned> customerId;
    if (user.customer) {
        auto& find = _db.prepare("SELECT id FROM customers WHERE email = ?");
        find.setString(1, user.mail);
        customerId = _db.run([&]() -> std::optional<unsigned> {
            std::unique_ptr<sql::ResultSet> rs(find.executeQuery());
            if (rs->next()) return rs->getUInt(1);
            return std::nullopt;
        });
        if (!customerId) {
            auto& insert = _db.prepare("INSERT INTO customers (name, email) VALUES (?, ?) RETURNING id");
            insert.setString(1, (user.firstname + " " + user.lastname));
            if (user.mail.empty())
                insert.setNull(2, 0);
            else
                insert.setString(2, user.mail);
            customerId = static_cast<unsigned>(_db.insertReturningId(insert));
        }
    }
    auto& ps = _db.prepare(
        "INSERT INTO users (login, firstname, lastname, mail, password_hash, kind, admin, customer_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    ps.setString(1, user.login);
    ps.setString(2, user.firstname);
    ps.setString(3, user.lastname);
    if (user.mail.empty())
        ps.setNull(4, 0);
    else
        ps.setString(4, user.mail);
    if (user.passwordHash.empty())
        ps.setNull(5, 0);
    else
        ps.setString(5, user.passwordHash);
    ps.setString(6, user.customer ? "customer" : "staff");
    ps.setBoolean(7, user.admin);
    bindOptional(ps, 8, customerId);
    const auto id = static_cast<unsigned>(_db.insertReturningId(ps));
    tx.commit();
    return id;
}

bool UserRepository::setPasswordHash(const std::string& login, const std::string& hash) {
    auto& ps = _db.prepare("UPDATE users SET password_hash = ?, updated_at = NOW() WHERE login = ?");
    ps.setString(1, hash);
    ps.setString(2, login);
    return _db.run([&] { return ps.executeUpdate() > 0; });
}

void UserRepository::touchLogin(unsigned id) {
    auto& ps = _db.prepare("UPDATE users SET last_login_at = NOW() WHERE id = ?");
    ps.setUInt(1, id);
    _db.run([&] { ps.executeUpdate(); });
}

bool UserRepository::addMembership(unsigned userId, const std::string& projectIdentifier, const std::string& roleName) {
    auto& ps = _db.prepare(
        "INSERT IGNORE INTO memberships (user_id, project_id, role_id)"
        " SELECT ?, p.id, r.id FROM projects p JOIN roles r ON r.name = ? WHERE p.identifier = ?");
    ps.setUInt(1, userId);
    ps.setString(2, roleName);
    ps.setString(3, projectIdentifier);
    _db.run([&] { ps.executeUpdate(); });
    auto& check = _db.prepare(
        "SELECT 1 FROM memberships m JOIN projects p ON p.id = m.project_id"
        " JOIN roles r ON r.id = m.role_id WHERE m.user_id = ? AND p.identifier = ? AND r.name = ?");
    check.setUInt(1, userId);
    check.setString(2, projectIdentifier);
    check.setString(3, roleName);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(check.executeQuery());
        return rs->next();
    });
}

std::optional<UserRepository::StoredApiKey> UserRepository::apiKeyOf(unsigned userId) {
    auto& ps = _db.prepare("SELECT COALESCE(api_key_nonce, '') AS nonce, COALESCE(api_key, '') AS digest"
                           " FROM users WHERE id = ?");
    ps.setUInt(1, userId);
    return _db.run([&]() -> std::optional<StoredApiKey> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return StoredApiKey{rs->getString("nonce"), rs->getString("digest")};
    });
}

void UserRepository::setApiKey(unsigned userId, const std::string& nonce, const std::string& digest) {
    auto& ps = _db.prepare("UPDATE users SET api_key_nonce = ?, api_key = ?, updated_at = NOW() WHERE id = ?");
    ps.setString(1, nonce);
    ps.setString(2, digest);
    ps.setUInt(3, userId);
    _db.run([&] { ps.executeUpdate(); });
}

std::optional<UserRecord> UserRepository::findByApiKeyDigest(const std::string& digest) {
    auto& ps = _db.prepare(std::string(kUserColumns) + "WHERE api_key = ?");
    ps.setString(1, digest);
    return _db.run([&]() -> std::optional<UserRecord> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readUser(*rs);
    });
}

std::vector<UserRecord> UserRepository::list(unsigned offset, unsigned limit) {
    auto& ps = _db.prepare(std::string(kUserColumns) + "ORDER BY id LIMIT ? OFFSET ?");
    ps.setUInt(1, limit);
    ps.setUInt(2, offset);
    return _db.run([&] {
        std::vector<UserRecord> users;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) users.push_back(readUser(*rs));
        return users;
    });
}

long UserRepository::count() {
    auto& ps = _db.prepare("SELECT COUNT(*) AS n FROM users");
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        return rs->next() ? static_cast<long>(rs->getInt64("n")) : 0L;
    });
}

void UserRepository::update(unsigned id, const std::string& firstname, const std::string& lastname,
                            const std::string& mail, bool admin, const std::string& status) {
    auto& ps = _db.prepare(
        "UPDATE users SET firstname = ?, lastname = ?, mail = NULLIF(?, ''), admin = ?, status = ?,"
        " updated_at = NOW() WHERE id = ?");
    ps.setString(1, firstname);
    ps.setString(2, lastname);
    ps.setString(3, mail);
    ps.setBoolean(4, admin);
    ps.setString(5, status);
    ps.setUInt(6, id);
    _db.run([&] { ps.executeUpdate(); });
}

void UserRepository::setPasswordHashById(unsigned id, const std::string& hash) {
    auto& ps = _db.prepare("UPDATE users SET password_hash = ?, updated_at = NOW() WHERE id = ?");
    ps.setString(1, hash);
    ps.setUInt(2, id);
    _db.run([&] { ps.executeUpdate(); });
}

std::vector<UserRepository::MembershipRow> UserRepository::memberships(unsigned userId) {
    auto& ps = _db.prepare("SELECT project_id, role_id FROM memberships WHERE user_id = ? ORDER BY project_id, role_id");
    ps.setUInt(1, userId);
    return _db.run([&] {
        std::vector<MembershipRow> rows;
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        while (rs->next()) rows.push_back({rs->getUInt("project_id"), rs->getUInt("role_id")});
        return rows;
    });
}

bool UserRepository::addMembershipIds(unsigned userId, unsigned projectId, unsigned roleId) {
    auto& ps = _db.prepare(
        "INSERT IGNORE INTO memberships (user_id, project_id, role_id)"
        " SELECT ?, p.id, r.id FROM projects p JOIN roles r ON r.id = ? WHERE p.id = ?");
    ps.setUInt(1, userId);
    ps.setUInt(2, roleId);
    ps.setUInt(3, projectId);
    _db.run([&] { ps.executeUpdate(); });
    for (const auto& m : memberships(userId)) {
        if (m.projectId == projectId && m.roleId == roleId) return true;
    }
    return false;
}

bool UserRepository::removeMembership(unsigned userId, unsigned projectId, unsigned roleId) {
    auto& ps = _db.prepare("DELETE FROM memberships WHERE user_id = ? AND project_id = ? AND role_id = ?");
    ps.setUInt(1, userId);
    ps.setUInt(2, projectId);
    ps.setUInt(3, roleId);
    return _db.run([&] { return ps.executeUpdate() == 1; });
}

} // namespace ticketflow::storage
