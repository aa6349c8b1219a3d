// BatchTransaction on a real MariaDB: changes made in Transactions inside a batch are committed
// together, invisible to others until then, and one Transaction that ends without commit takes
// the whole batch back.
#include "tests/integration/test_database.hpp"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

using namespace ticketflow;

namespace {

void addCustomer(storage::Connection& db, const std::string& email) {
    storage::Transaction tx(db);
    auto& ps = db.prepare("INSERT INTO customers (name, email, organisation, phone) VALUES ('x', ?, '', '')");
    ps.setString(1, email);
    db.run([&] { ps.executeUpdate(); });
    tx.commit();
}

long customers(storage::Connection& reader) {
    auto& ps = reader.prepare("SELECT COUNT(*) FROM customers WHERE email LIKE '%@batch.example'");
    long n = -1;
    storage::forEachRow(reader, ps, [&](sql::ResultSet& rs) { n = static_cast<long>(rs.getInt64(1)); });
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(batch_transaction)

BOOST_AUTO_TEST_CASE(joined_transactions_commit_together) {
    testing::TestDatabase t;
    const auto other = t.connect();
    {
        storage::BatchTransaction batch(t.db());
        BOOST_TEST(t.db().inBatch());
        addCustomer(t.db(), "a@batch.example");
        addCustomer(t.db(), "b@batch.example");
        BOOST_TEST(customers(*other) == 0); // not committed yet
        BOOST_TEST(batch.commit());
    }
    BOOST_TEST(!t.db().inBatch());
    BOOST_TEST(customers(*other) == 2);
    addCustomer(t.db(), "c@batch.example"); // outside a batch: its own transaction again
    BOOST_TEST(customers(*other) == 3);
}

BOOST_AUTO_TEST_CASE(one_transaction_without_commit_takes_the_batch_back) {
    testing::TestDatabase t;
    const auto other = t.connect();
    {
        storage::BatchTransaction batch(t.db());
        addCustomer(t.db(), "a@batch.example");
        {
            storage::Transaction refused(t.db()); // ends without commit
            auto& ps = t.db().prepare("INSERT INTO customers (name, email, organisation, phone)"
                                      " VALUES ('y', 'half@batch.example', '', '')");
            t.db().run([&] { ps.executeUpdate(); });
        }
        addCustomer(t.db(), "b@batch.example");
        BOOST_TEST(!batch.commit());
    }
    BOOST_TEST(customers(*other) == 0);
    BOOST_TEST(customers(t.db()) == 0);
}

BOOST_AUTO_TEST_CASE(an_exception_rolls_the_batch_back) {
    testing::TestDatabase t;
    try {
        storage::BatchTransaction batch(t.db());
        addCustomer(t.db(), "a@batch.example");
        throw std::runtime_error("stop");
    } catch (const std::runtime_error&) {
    }
    BOOST_TEST(!t.db().inBatch());
    BOOST_TEST(customers(t.db()) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
