// Use cases on customers (CRM): find and list them, edit one, merge a duplicate, and pick or
// create the customer a staff member enters an issue for.
#include "core/app/customer_service.hpp"

#include "core/domain/text.hpp"
#include "core/storage/customer_repository.hpp"

#include <cctype>

namespace ticketflow::app {

using domain::Permission;

namespace {

const char* const kEmailTaken = "Email is already used by another customer.";

} // namespace

bool CustomerService::mayView(const domain::Actor& actor) {
    return actor.staff && (actor.allowedAnywhere(Permission::ViewCustomers) || mayManage(actor));
}

bool CustomerService::mayManage(const domain::Actor& actor) {
    return actor.staff && actor.allowedAnywhere(Permission::ManageCustomers);
}

CustomerPage CustomerService::search(const std::string& rawTerm, unsigned page) {
    CustomerPage result;
    const std::string term(domain::trim(rawTerm));
    if (!domain::isValidUtf8(term) || domain::hasControlCharacters(term)) {
        result.error = "The search text is not valid text.";
        return result;
    }
    if (domain::utf8Length(term) > domain::kMaxCustomerSearchLength) {
        result.error = "The search text is too long (maximum is " + std::to_string(domain::kMaxCustomerSearchLength) +
                       " characters).";
        return result;
    }
    // One row more than a page tells whether there is a next page, without counting.
    result.customers = storage::CustomerRepository(_db).search(term, page * kCustomersPerPage, kCustomersPerPage + 1);
    result.hasNext = result.customers.size() > kCustomersPerPage;
    if (result.hasNext) result.customers.pop_back();
    return result;
}

std::optional<domain::Customer> CustomerService::find(unsigned id) {
    return storage::CustomerRepository(_db).find(id);
}

CustomerResult CustomerService::update(const domain::Actor& actor, unsigned id, domain::CustomerFields fields) {
    if (!mayManage(actor)) return {Outcome::Forbidden, {"You may not edit customers."}};
    storage::CustomerRepository customers(_db);
    storage::Transaction tx(_db);
    if (!customers.find(id)) return {Outcome::NotFound, {"No such customer."}};
    fields = domain::normalizeCustomer(std::move(fields));
    CustomerResult result;
    result.errors = domain::validateCustomer(fields);
    if (!fields.email.empty() && result.errors.empty() && customers.emailTaken(fields.email, id))
        result.errors.emplace_back(kEmailTaken);
    if (!result.errors.empty()) return {Outcome::Invalid, std::move(result.errors)};
    try {
        customers.update(id, fields);
    } catch (const storage::StorageError& e) {
        if (!e.duplicateKey()) throw;
        return {Outcome::Invalid, {kEmailTaken}}; // taken between the check and the write
    }
    tx.commit();
    return result;
}

CustomerResult CustomerService::merge(const domain::Actor& actor, unsigned duplicateId, unsigned keepId) {
    if (!mayManage(actor)) return {Outcome::Forbidden, {"You may not merge customers."}};
    storage::CustomerRepository customers(_db);
    storage::Transaction tx(_db);
    const auto duplicate = customers.find(duplicateId);
    const auto keep = duplicateId == keepId ? duplicate : customers.find(keepId);
    if (!duplicate) return {Outcome::NotFound, {"No such customer."}};
    const std::string refusal = domain::mergeRefusal(duplicateId, duplicate.has_value(), keepId, keep.has_value());
    if (!refusal.empty()) return {Outcome::Invalid, {refusal}};
    CustomerResult result;
    result.issuesMoved = customers.merge(duplicateId, domain::mergedCustomer(*keep, *duplicate));
    tx.commit();
    return result;
}

CustomerChoice CustomerService::choose(const std::string& rawEmail, const std::string& rawName) {
    CustomerChoice choice;
    domain::CustomerFields fields;
    fields.email = rawEmail;
    fields.name = rawName;
    fields = domain::normalizeCustomer(std::move(fields));
    if (fields.email.empty()) {
        if (!fields.name.empty())
            choice.errors.emplace_back("Enter the customer's email address to file the issue for them.");
        return choice;
    }
    if (!domain::isValidEmail(fields.email)) {
        choice.errors.emplace_back("Customer email is not a valid address.");
        return choice;
    }
    if (const auto existing = storage::CustomerRepository(_db).findByEmail(fields.email)) {
        choice.existingId = existing->id;
        return choice;
    }
    for (auto e : domain::validateCustomer(fields)) {
        if (e == "Name cannot be blank.") {
            choice.errors.emplace_back("No customer has this email address: enter a name to create one.");
        } else {
            e.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(e.front())));
            choice.errors.push_back("Customer " + e); // "Customer name is too long ..."
        }
    }
    if (choice.errors.empty()) choice.create = fields;
    return choice;
}

std::function<unsigned(storage::Connection&)> CustomerService::creator(domain::CustomerFields fields) {
    return [fields = std::move(fields)](storage::Connection& db) -> unsigned {
        storage::CustomerRepository customers(db);
        try {
            return customers.insert(fields);
        } catch (const storage::StorageError& e) {
            if (!e.duplicateKey()) throw;
            // InnoDB keeps the transaction after a duplicate key: file the issue under that customer.
            if (const auto existing = customers.findByEmail(fields.email)) return existing->id;
            throw;
        }
    };
}

} // namespace ticketflow::app
