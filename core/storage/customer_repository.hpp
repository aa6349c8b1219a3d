// Customers (CRM records) in MariaDB: lookup, search, insert, update and merge.
#pragma once
#include "core/domain/customer.hpp"
#include "core/storage/connection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::storage {

class CustomerRepository {
public:
    explicit CustomerRepository(Connection& db) : _db(db) {}

    std::optional<domain::Customer> find(unsigned id);
    /// The customer with this address; the column's collation makes the match case-insensitive.
    std::optional<domain::Customer> findByEmail(const std::string& email);
    /// Customers whose name, email or organisation contains `term` (blank: all), by name then
    /// id, `limit` rows from `offset`. Wildcards in `term` match only themselves.
    std::vector<domain::Customer> search(const std::string& term, unsigned offset, unsigned limit);
    /// Whether another customer than `exceptId` has this address.
    bool emailTaken(const std::string& email, unsigned exceptId);
    /// Number of issues filed under the customer, in every project (for the merge form's warning).
    long issueCount(unsigned id);

    // Writes: call inside a Transaction. Fields must be normalized and valid; a blank email is
    // stored as NULL. Throw StorageError, duplicateKey() when the address is taken meanwhile.
    unsigned insert(const domain::CustomerFields& fields);
    /// False when there is no such customer.
    bool update(unsigned id, const domain::CustomerFields& fields);
    /// Moves everything that references `duplicateId` (issues, journals, user logins, customers
    /// merged into it earlier) to `keep.id`, stores `keep`'s fields and deletes the duplicate.
    /// Returns the number of issues moved.
    long merge(unsigned duplicateId, const domain::Customer& keep);

private:
    void bindFields(sql::PreparedStatement& ps, const domain::CustomerFields& fields);
    long moveReferences(const char* table, const char* column, unsigned from, unsigned to);
    Connection& _db;
};

} // namespace ticketflow::storage
