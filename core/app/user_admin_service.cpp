// Administering user accounts and memberships.
#include "core/app/user_admin_service.hpp"

#include "core/app/catalog_cache.hpp"
#include "core/app/crypto.hpp"
#include "core/storage/storage_error.hpp"
#include "core/storage/user_repository.hpp"

namespace ticketflow::app {

namespace {

UserAdminResult forbidden() {
    return {Outcome::Forbidden, {"Only administrators may manage users."}, 0};
}

UserAdminResult invalid(std::vector<std::string> errors) {
    return {Outcome::Invalid, std::move(errors), 0};
}

} // namespace

UserAdminResult UserAdminService::create(const domain::Actor& actor, const domain::UserFields& fields, bool admin,
                                         bool customer) {
    if (!actor.admin || !actor.isActive()) return forbidden();
    auto errors = domain::validateUserFields(fields, true);
    if (customer && fields.mail.empty()) errors.emplace_back("A customer login needs an email address.");
    if (!errors.empty()) return invalid(std::move(errors));
    storage::UserRepository users(_db);
    if (users.findByLogin(fields.login)) return invalid({"This login is taken."});
    storage::NewUser user{fields.login,
                          fields.firstname,
                          fields.lastname,
                          fields.mail,
                          fields.password.empty() ? std::string() : hashPassword(fields.password),
                          admin && !customer,
                          customer};
    try {
        const unsigned id = users.create(user);
        CatalogCache::changedEverywhere();
        return {Outcome::Ok, {}, id};
    } catch (const storage::StorageError& e) {
        if (e.duplicateKey()) return invalid({"This login or email address is taken."});
        throw;
    }
}

UserAdminResult UserAdminService::update(const domain::Actor& actor, unsigned userId, const domain::UserFields& fields,
                                         bool admin, bool locked) {
    if (!actor.admin || !actor.isActive()) return forbidden();
    storage::UserRepository users(_db);
    const auto user = users.findById(userId);
    if (!user) return {Outcome::NotFound, {"No such user."}, 0};
    auto errors = domain::validateUserFields(fields, false);
    if (userId == actor.userId && (locked || !admin)) {
        errors.emplace_back("You cannot lock yourself out or drop your own administrator rights.");
    }
    if (user->kind == "customer" && admin) errors.emplace_back("A customer login cannot be an administrator.");
    if (!errors.empty()) return invalid(std::move(errors));
    storage::Transaction tx(_db);
    try {
        users.update(userId, fields.firstname, fields.lastname, fields.mail, admin, locked ? "locked" : "active");
    } catch (const storage::StorageError& e) {
        if (e.duplicateKey()) return invalid({"This email address is taken."});
        throw;
    }
    if (!fields.password.empty()) users.setPasswordHashById(userId, hashPassword(fields.password));
    tx.commit();
    CatalogCache::changedEverywhere();
    return {Outcome::Ok, {}, userId};
}

UserAdminResult UserAdminService::addMembership(const domain::Actor& actor, unsigned userId, unsigned projectId,
                                                unsigned roleId) {
    if (!actor.admin || !actor.isActive()) return forbidden();
    storage::UserRepository users(_db);
    if (!users.findById(userId)) return {Outcome::NotFound, {"No such user."}, 0};
    if (!users.addMembershipIds(userId, projectId, roleId)) return invalid({"Choose an existing project and role."});
    CatalogCache::changedEverywhere();
    return {Outcome::Ok, {}, userId};
}

UserAdminResult UserAdminService::removeMembership(const domain::Actor& actor, unsigned userId, unsigned projectId,
                                                   unsigned roleId) {
    if (!actor.admin || !actor.isActive()) return forbidden();
    if (!storage::UserRepository(_db).removeMembership(userId, projectId, roleId)) {
        return {Outcome::NotFound, {"No such membership."}, 0};
    }
    CatalogCache::changedEverywhere();
    return {Outcome::Ok, {}, userId};
}

} // namespace ticketflow::app
