// Administering user accounts and memberships (admins only).
#pragma once
#include "core/app/issue_service.hpp"
#include "core/domain/user_rules.hpp"

namespace ticketflow::app {

struct UserAdminResult {
    Outcome outcome = Outcome::Ok;
    std::vector<std::string> errors;
    unsigned userId = 0;
};

class UserAdminService {
public:
    explicit UserAdminService(storage::Connection& db) : _db(db) {}
    /// Forbidden unless the actor is an admin; Invalid for bad fields or a taken login/mail.
    UserAdminResult create(const domain::Actor& actor, const domain::UserFields& fields, bool admin, bool customer);
    /// Admins may not lock themselves out or drop their own admin flag (someone must stay able
    /// to administer). An empty password leaves it unchanged.
    UserAdminResult update(const domain::Actor& actor, unsigned userId, const domain::UserFields& fields, bool admin,
                           bool locked);
    UserAdminResult addMembership(const domain::Actor& actor, unsigned userId, unsigned projectId, unsigned roleId);
    UserAdminResult removeMembership(const domain::Actor& actor, unsigned userId, unsigned projectId, unsigned roleId);

private:
    storage::Connection& _db;
};

} // namespace ticketflow::app
