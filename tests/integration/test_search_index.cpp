// The search index of sql/007_search_documents.sql on a real MariaDB: its triggers keep one
// document per issue text and per note in step with every write, and its SQL functions agree
// with the C++ that builds the search.
#include "tests/integration/team.hpp"

#include "core/domain/search_windows.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/search_repository.hpp"
#include "core/storage/user_repository.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

using namespace ticketflow;

namespace {

struct Index : testing::Team {
    unsigned issue(const std::string& subject, const std::string& description) {
        domain::IssueDraft d;
        d.projectId = project("psprosupport");
        d.trackerId = tracker("Support");
        d.priorityId = *catalog.defaultPriorityId();
        d.subject = subject;
        d.description = description;
        d.source = "web";
        storage::Transaction tx(t.db());
        const unsigned id = storage::IssueRepository(t.db()).insert(d, status("New"), bill);
        tx.commit();
        return id;
    }
    unsigned note(unsigned issueId, const std::string& text, bool isPrivate) {
        storage::Transaction tx(t.db());
        storage::IssueRepository(t.db()).insertJournal(issueId, {bill, std::nullopt}, text, isPrivate, {});
        tx.commit();
        return static_cast<unsigned>(
            t.scalar("SELECT MAX(id) FROM journals WHERE issue_id = " + std::to_string(issueId)));
    }
    std::string text(const std::string& sqlText) {
        auto& ps = t.db().prepare(sqlText);
        return t.db().run([&] {
            std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
            return rs->next() ? std::string(rs->getString(1)) : std::string("<no row>");
        });
    }
    /// The indexed terms of a document, "<no row>" when there is none.
    std::string terms(unsigned issueId, unsigned journalId) {
        return text("SELECT terms FROM search_documents WHERE issue_id = " + std::to_string(issueId) +
                    " AND journal_id = " + std::to_string(journalId));
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(search_index)

BOOST_AUTO_TEST_CASE(sql_and_cpp_agree_on_the_window_of_an_issue) {
    Index x;
    for (const unsigned id : {0u, 1u, 16383u, 16384u, 1000000u, 4294967295u}) {
        BOOST_TEST_CONTEXT("issue " << id) {
            BOOST_TEST(x.t.scalar("SELECT search_window(" + std::to_string(id) + ")") ==
                       static_cast<long>(domain::searchWindowOf(id)));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_search_reads_back_the_words_sql_marks) {
    Index x;
    const std::string marked = x.text(
        "SELECT search_terms('Citrix e1042 ab na\u00EFve \u0939\u093F\u0928\u094D\u0926\u0940'"
        ", '+', '#')");
    BOOST_TEST(marked == "+Citrix_# +e1042_# ab +na\u00EFve_# +\u0939\u093F\u0928\u094D\u0926\u0940_#");
    const auto words = domain::markedWords(marked, '+', "#");
    BOOST_TEST(words.size() == 4u);
}

BOOST_AUTO_TEST_CASE(an_issue_and_its_notes_are_documents_marked_with_the_issue_window) {
    Index x;
    x.t.db().execute("ALTER TABLE issues AUTO_INCREMENT = 1000000");
    const unsigned id = x.issue("Citrix login", "Fails on terminal servers.");
    BOOST_REQUIRE(id >= 1000000u);
    const std::string w = std::to_string(domain::searchWindowOf(id));
    BOOST_TEST(x.terms(id, 0) ==
               "Citrix_" + w + " login_" + w + "\nFails_" + w + " on terminal_" + w + " servers_" + w + ".");
    const unsigned journal = x.note(id, "Licence key renewed.", true);
    BOOST_TEST(x.terms(id, journal) == "Licence_" + w + " key_" + w + " renewed_" + w + ".");
    BOOST_TEST(x.t.scalar("SELECT private_notes FROM search_documents WHERE journal_id = " + std::to_string(journal)) ==
               1);
    // A journal without notes (a status change) is no document.
    storage::Transaction tx(x.t.db());
    storage::IssueRepository(x.t.db()).insertJournal(id, {x.bill, std::nullopt}, "", false, {});
    tx.commit();
    BOOST_TEST(x.t.scalar("SELECT COUNT(*) FROM search_documents WHERE issue_id = " + std::to_string(id)) == 2);
}

BOOST_AUTO_TEST_CASE(edited_hidden_and_deleted_notes_and_deleted_issues_leave_the_index) {
    Index x;
    const unsigned id = x.issue("Scanner", "");
    const unsigned journal = x.note(id, "first words", false);
    const std::string j = std::to_string(journal);
    x.t.db().execute("UPDATE journals SET notes = 'second words', private_notes = 1 WHERE id = " + j);
    BOOST_TEST(x.terms(id, journal) == "second_0 words_0");
    BOOST_TEST(x.t.scalar("SELECT private_notes FROM search_documents WHERE journal_id = " + j) == 1);
    x.t.db().execute("UPDATE journals SET notes = NULL WHERE id = " + j);
    BOOST_TEST(x.terms(id, journal) == ""); // kept, matching nothing
    x.t.db().execute("DELETE FROM journals WHERE id = " + j);
    BOOST_TEST(x.terms(id, journal) == "<no row>");
    x.note(id, "another note", false);
    x.t.db().execute("DELETE FROM journals WHERE issue_id = " + std::to_string(id));
    x.t.db().execute("DELETE FROM issues WHERE id = " + std::to_string(id));
    BOOST_TEST(x.t.scalar("SELECT COUNT(*) FROM search_documents WHERE issue_id = " + std::to_string(id)) == 0);
}

BOOST_AUTO_TEST_CASE(documents_of_a_customers_issue_carry_the_customer_term_and_follow_changes) {
    Index x;
    storage::UserRepository users(x.t.db());
    const unsigned carol = users.create({"carol", "Carol", "Customer", "carol@customer.example.com", "", false, true});
    const unsigned dave = users.create({"dave", "Dave", "Other", "dave@other.example.com", "", false, true});
    const unsigned carolCustomer = *users.findById(carol)->customerId;
    const unsigned daveCustomer = *users.findById(dave)->customerId;
    const unsigned id = x.issue("Heron", "");
    const std::string i = std::to_string(id);
    const unsigned journal = x.note(id, "Note", false);
    const auto term = [&](unsigned customer) { return domain::customerTerm(customer, domain::searchWindowOf(id)); };
    const auto terms = [&](unsigned journalId) {
        return x.text("SELECT customer_terms FROM search_documents WHERE issue_id = " + i +
                      " AND journal_id = " + std::to_string(journalId));
    };
    BOOST_TEST(terms(0) == "");
    x.t.db().execute("UPDATE issues SET customer_id = " + std::to_string(carolCustomer) + " WHERE id = " + i);
    BOOST_TEST(terms(0) == term(carolCustomer));
    BOOST_TEST(terms(journal) == term(carolCustomer));
    const unsigned later = x.note(id, "Later", false);
    BOOST_TEST(terms(later) == term(carolCustomer));
    BOOST_TEST(x.text("SELECT search_customer_terms(" + std::to_string(carolCustomer) + ", " + i + ")") ==
               term(carolCustomer));
    x.t.db().execute("UPDATE issues SET customer_id = " + std::to_string(daveCustomer) +
                     ", subject = 'Egret' WHERE id = " + i);
    BOOST_TEST(terms(0) == term(daveCustomer));
    BOOST_TEST(terms(journal) == term(daveCustomer));
    BOOST_TEST(x.terms(id, 0).find("Egret_") == 0u);
    x.t.db().execute("UPDATE issues SET customer_id = NULL WHERE id = " + i);
    BOOST_TEST(terms(0) == "");
    BOOST_TEST(terms(later) == "");
}

BOOST_AUTO_TEST_CASE(a_search_out_of_time_says_so_and_how_far_it_got) {
    Index x;
    const unsigned id = x.issue("Puffin", "");
    storage::SearchRepository search(x.t.db());
    const storage::Visibility all{{x.project("psprosupport"), x.project("psprointernal")}, std::nullopt};
    const auto late = search.search({"puffin"}, all, {}, 10, std::chrono::milliseconds(0));
    BOOST_TEST(late.timedOut);
    BOOST_TEST(late.rows.empty());
    BOOST_TEST(late.searchedFrom == id + 1); // nothing searched
    const auto inTime = search.search({"puffin"}, all, {}, 10);
    BOOST_TEST(!inTime.timedOut);
    BOOST_REQUIRE(inTime.rows.size() == 1u);
    BOOST_TEST(inTime.rows[0].id == id);
    BOOST_TEST(inTime.searchedFrom == 0u); // down to window 0
    // Words the index cannot hold (all shorter than 3 once cut by it) find nothing, quickly.
    BOOST_TEST(search.search({"p\u00B7u"}, all, {}, 10).rows.empty());
}

BOOST_AUTO_TEST_SUITE_END()
