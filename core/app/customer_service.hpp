// Use cases on customers (CRM): find and list them, edit one, merge a duplicate, and pick or
// create the customer a staff member enters an issue for.
#pragma once
#include "core/app/issue_service.hpp"
#include "core/domain/actor.hpp"
#include "core/domain/customer.hpp"
#include "core/storage/connection.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ticketflow::app {

constexpr unsigned kCustomersPerPage = 25;

struct CustomerPage {
    std::vector<domain::Customer> customers;
    bool hasNext = false;
    std::string error; ///< set (and nothing listed) when the search term is unusable
};

struct CustomerResult {
    Outcome outcome = Outcome::Ok;
    std::vector<std::string> errors;
    long issuesMoved = 0; ///< merge only
};

/// The customer a staff member names on the new-issue form: an existing one (id), or the
/// fields of one to create with the issue (see IssueService::createCustomerWith), or errors.
struct CustomerChoice {
    std::optional<unsigned> existingId;
    std::optional<domain::CustomerFields> create;
    std::vector<std::string> errors;
};

/// Staff with ViewCustomers in some project (or admins) may read customers; ManageCustomers in
/// some project allows edits. Customer records are not per project, so one grant is enough.
class CustomerService {
public:
    explicit CustomerService(storage::Connection& db) : _db(db) {}

    static bool mayView(const domain::Actor& actor);
    static bool mayManage(const domain::Actor& actor);

    /// One page (0-based) of customers matching `term`. Throws StorageError.
    CustomerPage search(const std::string& term, unsigned page);

    std::optional<domain::Customer> find(unsigned id);

    /// Stores the edited fields. Forbidden without ManageCustomers; NotFound; Invalid with
    /// messages for a blank name, a bad or taken address. Nothing is written unless Ok.
    CustomerResult update(const domain::Actor& actor, unsigned id, domain::CustomerFields fields);

    /// Moves `duplicateId`'s issues, journals and logins to `keepId` and deletes it, in one
    /// transaction. Forbidden without ManageCustomers; NotFound when `duplicateId` is unknown;
    /// Invalid when merging into itself or into an unknown customer.
    CustomerResult merge(const domain::Actor& actor, unsigned duplicateId, unsigned keepId);

    /// Reads the new-issue form's customer fields: blank email and name -> no customer; a known
    /// address -> that customer (the name is ignored); an unknown one -> a customer to create with
    /// that name (required). Never writes. Throws StorageError.
    CustomerChoice choose(const std::string& email, const std::string& name);

    /// For IssueService::createCustomerWith: inserts `fields` on the issue's transaction; when the
    /// address was taken meanwhile (a concurrent form), returns that customer instead.
    static std::function<unsigned(storage::Connection&)> creator(domain::CustomerFields fields);

private:
    storage::Connection& _db;
};

} // namespace ticketflow::app
