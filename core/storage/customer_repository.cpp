// Customers (CRM records) in MariaDB: lookup, search, insert, update and merge.
#include "core/storage/customer_repository.hpp"

#include <memory>

namespace ticketflow::storage {

namespace {

const std::string kColumns =
    "SELECT id, name, email, organisation, phone, COALESCE(notes, '') AS notes,"
    " created_at FROM customers";

domain::Customer readCustomer(sql::ResultSet& rs) {
    domain::Customer c;
    c.id = rs.getUInt("id");
    c.name = rs.getString("name");
    c.email = optionalString(rs, "email");
    c.organisation = rs.getString("organisation");
    c.phone = rs.getString("phone");
    c.notes = rs.getString("notes");
    c.createdAt = rs.getString("created_at");
    return c;
}

std::optional<domain::Customer> readOne(Connection& db, sql::PreparedStatement& ps) {
    return db.run([&]() -> std::optional<domain::Customer> {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        if (!rs->next()) return std::nullopt;
        return readCustomer(*rs);
    });
}

} // namespace

std::optional<domain::Customer> CustomerRepository::find(unsigned id) {
    auto& ps = _db.prepare(kColumns + " WHERE id = ?");
    ps.setUInt(1, id);
    return readOne(_db, ps);
}

std::optional<domain::Customer> CustomerRepository::findByEmail(const std::string& email) {
    auto& ps = _db.prepare(kColumns + " WHERE email = ?");
    ps.setString(1, email);
    return readOne(_db, ps);
}

std::vector<domain::Customer> CustomerRepository::search(const std::string& term, unsigned offset, unsigned limit) {
    // A contains-match cannot use an index; the customers table is small next to issues (one
    // row per reporter), and the page reads at most `limit` rows of the name order.
    const bool all = term.empty();
    auto& ps = _db.prepare(
        kColumns + (all ? std::string() : std::string(" WHERE name LIKE ? OR email LIKE ? OR organisation LIKE ?")) +
        " ORDER BY name, id LIMIT ? OFFSET ?");
    int n = 1;
    if (!all) {
        const std::string pattern = domain::likeContainsPattern(term);
        for (int i = 0; i < 3; ++i) ps.setString(n++, pattern);
    }
    ps.setUInt(n++, limit);
    ps.setUInt(n, offset);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        std::vector<domain::Customer> customers;
        while (rs->next()) customers.push_back(readCustomer(*rs));
        return customers;
    });
}

bool CustomerRepository::emailTaken(const std::string& email, unsigned exceptId) {
    auto& ps = _db.prepare("SELECT 1 FROM customers WHERE email = ? AND id <> ?");
    ps.setString(1, email);
    ps.setUInt(2, exceptId);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        return rs->next();
    });
}

long CustomerRepository::issueCount(unsigned id) {
    auto& ps = _db.prepare("SELECT COUNT(*) FROM issues WHERE customer_id = ?");
    ps.setUInt(1, id);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        rs->next();
        return static_cast<long>(rs->getInt64(1));
    });
}

void CustomerRepository::bindFields(sql::PreparedStatement& ps, const domain::CustomerFields& fields) {
    ps.setString(1, fields.name);
    bindOptionalText(ps, 2, fields.email);
    ps.setString(3, fields.organisation);
    ps.setString(4, fields.phone);
    bindOptionalText(ps, 5, fields.notes);
}

unsigned CustomerRepository::insert(const domain::CustomerFields& fields) {
    auto& ps = _db.prepare("INSERT INTO customers (name, email, organisation, phone, notes) VALUES (?, ?, ?, ?, ?) RETURNING id");
    bindFields(ps, fields);
    return static_cast<unsigned>(_db.insertReturningId(ps));
}

bool CustomerRepository::update(unsigned id, const domain::CustomerFields& fields) {
    // updated_at is set to itself when nothing else changes, so a matched row always counts.
    auto& ps = _db.prepare(
        "UPDATE customers SET name = ?, email = ?, organisation = ?, phone = ?, notes = ?,"
        " updated_at = CURRENT_TIMESTAMP WHERE id = ?");
    bindFields(ps, fields);
    ps.setUInt(6, id);
    _db.run([&] { ps.executeUpdate(); });
    auto& found = _db.prepare("SELECT 1 FROM customers WHERE id = ?");
    found.setUInt(1, id);
    return _db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(found.executeQuery());
        return rs->next();
    });
}

long CustomerRepository::moveReferences(const char* table, const char* column, unsigned from, unsigned to) {
    // Table and column names come from the fixed list in merge(), never from a request.
    auto& ps = _db.prepare(std::string("UPDATE ") + table + " SET " + column + " = ? WHERE " + column + " = ?");
    ps.setUInt(1, to);
    ps.setUInt(2, from);
    return _db.run([&] { return static_cast<long>(ps.executeUpdate()); });
}

long CustomerRepository::merge(unsigned duplicateId, const domain::Customer& keep) {
    // Every reference to customers in sql/ (grep customer_id, merged_into_id): the delete below
    // fails on a foreign key if one is missed here, so nothing is lost silently.
    const long issues = moveReferences("issues", "customer_id", duplicateId, keep.id);
    moveReferences("journals", "customer_id", duplicateId, keep.id);
    moveReferences("users", "customer_id", duplicateId, keep.id);
    moveReferences("customers", "merged_into_id", duplicateId, keep.id);
    // Delete first: the kept customer may take over the duplicate's (unique) address.
    auto& del = _db.prepare("DELETE FROM customers WHERE id = ?");
    del.setUInt(1, duplicateId);
    _db.run([&] { del.executeUpdate(); });
    const domain::CustomerFields fields{keep.name, keep.email.value_or(""), keep.organisation, keep.phone, keep.notes};
    update(keep.id, fields);
    return issues;
}

} // namespace ticketflow::storage
