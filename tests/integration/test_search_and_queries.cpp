// Full-text search, saved queries and list exports on a real MariaDB: who finds what (customers
// their own issues, private notes only for their readers), who may save, publish and delete
// queries, and exports paged through the keyset list.
#include "tests/integration/team.hpp"

#include "core/app/issue_export.hpp"
#include "core/app/issue_search.hpp"
#include "core/app/query_service.hpp"
#include "core/storage/catalog_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/query_repository.hpp"
#include "core/storage/user_repository.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace ticketflow;

namespace {

/// The Team plus two customer logins of psprosupport. Rows are written with autocommit or
/// committed transactions: InnoDB's FULLTEXT index sees committed rows only.
struct Desk : testing::Team {
    unsigned carol = 0, dave = 0;
    unsigned carolCustomer = 0, daveCustomer = 0;

    Desk() {
        storage::UserRepository users(t.db());
        carol = users.create({"carol", "Carol", "Customer", "carol@customer.example.com", "", false, true});
        dave = users.create({"dave", "Dave", "Other", "dave@other.example.com", "", false, true});
        BOOST_REQUIRE(users.addMembership(carol, "psprosupport", "Customer"));
        BOOST_REQUIRE(users.addMembership(dave, "psprosupport", "Customer"));
        carolCustomer = *users.findById(carol)->customerId;
        daveCustomer = *users.findById(dave)->customerId;
        catalog = storage::CatalogRepository(t.db()).load();
    }

    domain::Actor customer(unsigned userId, unsigned customerId) const {
        domain::Actor a;
        a.userId = userId;
        a.customerId = customerId;
        a.roles = catalog.rolesOf(userId);
        return a;
    }
    domain::Actor admin() const {
        domain::Actor a = actor(bill);
        a.admin = true;
        return a;
    }

    unsigned issue(const char* projectId, const char* trackerName, const std::string& subject,
                   const std::string& description, std::optional<unsigned> customerId = std::nullopt) {
        domain::IssueDraft d;
        d.projectId = project(projectId);
        d.trackerId = tracker(trackerName);
        d.priorityId = *catalog.defaultPriorityId();
        d.subject = subject;
        d.description = description;
        d.customerId = customerId;
        d.source = "web";
        storage::Transaction tx(t.db());
        const unsigned id = storage::IssueRepository(t.db()).insert(d, status("New"), bill);
        tx.commit();
        return id;
    }
    void note(unsigned issueId, const std::string& text, bool isPrivate) {
        storage::Transaction tx(t.db());
        storage::IssueRepository(t.db()).insertJournal(issueId, {bill, std::nullopt}, text, isPrivate, {});
        tx.commit();
    }

    std::vector<unsigned> found(const domain::Actor& who, const std::string& text,
                                std::optional<unsigned> projectId = std::nullopt, unsigned limit = 100) {
        const auto result = app::searchIssues(t.db(), catalog, who, text, projectId, limit);
        BOOST_REQUIRE_MESSAGE(result.terms.ok(), result.terms.error);
        std::vector<unsigned> ids;
        for (const auto& row : result.page.rows) ids.push_back(row.id);
        return ids;
    }
};

using Ids = std::vector<unsigned>;

app::NewQuery newQuery(std::optional<unsigned> projectId, std::string name, bool isPublic,
                       std::multimap<std::string, std::string> filters = {{"status_id", "open"}}) {
    return app::NewQuery{projectId, std::move(name), isPublic, std::move(filters)};
}

bool listed(const std::vector<storage::SavedQuery>& queries, unsigned id) {
    return std::any_of(queries.begin(), queries.end(), [&](const auto& q) { return q.id == id; });
}

} // namespace

BOOST_AUTO_TEST_SUITE(search)

BOOST_AUTO_TEST_CASE(finds_words_of_subject_description_and_notes_newest_first) {
    Desk desk;
    const unsigned older = desk.issue("psprosupport", "Support", "Spooler crash on print", "Nothing else.");
    const unsigned mid = desk.issue("psprosupport", "Support", "Slow start", "The zeppelin dialog hangs.");
    const unsigned newer = desk.issue("psprosupport", "Support", "Second spooler problem", "Also slow.");
    desk.note(mid, "Customer says the flamingo report is empty.", false);
    const auto bill = desk.actor(desk.bill);
    BOOST_TEST(desk.found(bill, "spooler") == (Ids{newer, older}), boost::test_tools::per_element());
    BOOST_TEST(desk.found(bill, "zeppelin") == Ids{mid}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(bill, "FLAMINGO") == Ids{mid}, boost::test_tools::per_element());
    // Every word is required; operators typed by the user are only separators.
    BOOST_TEST(desk.found(bill, "spooler crash") == Ids{older}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(bill, "+spooler -crash \"(print*") == Ids{older}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(bill, "nonexistentword").empty());
}

BOOST_AUTO_TEST_CASE(a_private_note_finds_the_issue_only_for_readers_of_private_notes) {
    Desk desk;
    const unsigned id = desk.issue("psprosupport", "Support", "Invoice totals wrong", "Totals.", desk.carolCustomer);
    desk.note(id, "Internal: marmalade discount was applied twice.", true);
    desk.note(id, "We are looking into it.", false);
    BOOST_TEST(desk.found(desk.actor(desk.bill), "marmalade") == Ids{id}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(desk.actor(desk.mia), "marmalade") == Ids{id}, boost::test_tools::per_element());
    const auto carol = desk.customer(desk.carol, desk.carolCustomer);
    BOOST_TEST(desk.found(carol, "marmalade").empty());
    BOOST_TEST(desk.found(carol, "looking") == Ids{id}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(customers_find_only_their_own_issues) {
    Desk desk;
    const unsigned carols = desk.issue("psprosupport", "Support", "Kangaroo import fails", "", desk.carolCustomer);
    const unsigned daves = desk.issue("psprosupport", "Support", "Kangaroo export fails", "", desk.daveCustomer);
    const unsigned nobodys = desk.issue("psprosupport", "Support", "Kangaroo by phone", "");
    const auto carol = desk.customer(desk.carol, desk.carolCustomer);
    BOOST_TEST(desk.found(carol, "kangaroo") == Ids{carols}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(carol, "kangaroo", desk.project("psprosupport")) == Ids{carols},
               boost::test_tools::per_element());
    BOOST_TEST(desk.found(desk.actor(desk.bill), "kangaroo") == (Ids{nobodys, daves, carols}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(staff_find_nothing_in_projects_they_may_not_list) {
    Desk desk;
    const unsigned support = desk.issue("psprosupport", "Support", "Walrus licence rejected", "");
    const unsigned internal = desk.issue("psprointernal", "Bug", "Walrus parser bug", "");
    BOOST_TEST(desk.found(desk.actor(desk.clemens), "walrus") == Ids{internal}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(desk.actor(desk.bill), "walrus") == Ids{support}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(desk.admin(), "walrus") == (Ids{internal, support}), boost::test_tools::per_element());
    BOOST_TEST(desk.found(desk.admin(), "walrus", desk.project("psprosupport")) == Ids{support},
               boost::test_tools::per_element());
    BOOST_TEST(desk.found(desk.actor(desk.clemens), "walrus", desk.project("psprosupport")).empty());
}

BOOST_AUTO_TEST_CASE(operators_only_give_a_message_and_no_statement) {
    Desk desk;
    for (const std::string text : {"+", "\"(+-)*~<>@", "a to the"}) {
        const auto result = app::searchIssues(desk.t.db(), desk.catalog, desk.actor(desk.bill), text, {}, 100);
        BOOST_TEST(!result.terms.ok());
        BOOST_TEST(result.page.rows.empty());
    }
}

BOOST_AUTO_TEST_CASE(more_matches_than_the_limit_are_cut_and_flagged) {
    Desk desk;
    Ids ids;
    for (int i = 0; i < 4; ++i)
        ids.push_back(desk.issue("psprosupport", "Support", "Pelican " + std::to_string(i), ""));
    const auto result = app::searchIssues(desk.t.db(), desk.catalog, desk.actor(desk.bill), "pelican", {}, 3);
    BOOST_TEST(result.page.rows.size() == 3u);
    BOOST_TEST(result.page.more);
    BOOST_TEST(result.page.rows.front().id == ids.back());
    const auto all = app::searchIssues(desk.t.db(), desk.catalog, desk.actor(desk.bill), "pelican", {}, 4);
    BOOST_TEST(!all.page.more);
}

// The index cuts issues into windows of 16,384 ids (core/domain/search_windows.hpp); these
// tests place issues far apart so that the search walks several steps.
BOOST_AUTO_TEST_CASE(issues_in_distant_windows_are_found_newest_first_and_a_full_page_stops_the_walk) {
    Desk desk;
    const unsigned oldest = desk.issue("psprosupport", "Support", "Albatross in window zero", "");
    desk.t.db().execute("ALTER TABLE issues AUTO_INCREMENT = 40000"); // window 2
    const unsigned middle = desk.issue("psprosupport", "Support", "Second one", "An albatross again.");
    desk.t.db().execute("ALTER TABLE issues AUTO_INCREMENT = 200000"); // window 12
    const unsigned newest = desk.issue("psprosupport", "Support", "Third albatross", "");
    desk.note(oldest, "The cormorant was seen too.", false);
    const auto bill = desk.actor(desk.bill);
    BOOST_TEST(desk.found(bill, "albatross") == (Ids{newest, middle, oldest}), boost::test_tools::per_element());
    BOOST_TEST(desk.found(bill, "cormorant") == Ids{oldest}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(bill, "albatross again") == Ids{middle}, boost::test_tools::per_element());
    const auto two = app::searchIssues(desk.t.db(), desk.catalog, bill, "albatross", {}, 2);
    BOOST_TEST(two.page.more);
    BOOST_TEST(!two.page.timedOut);
    BOOST_REQUIRE(two.page.rows.size() == 2u);
    BOOST_TEST(two.page.rows[0].id == newest);
    BOOST_TEST(two.page.rows[1].id == middle);
    const auto all = app::searchIssues(desk.t.db(), desk.catalog, bill, "albatross", {}, 3);
    BOOST_TEST(!all.page.more);
    BOOST_TEST(all.page.rows.size() == 3u);
}

BOOST_AUTO_TEST_CASE(every_word_must_be_in_one_document_of_one_issue) {
    Desk desk;
    const unsigned both = desk.issue("psprosupport", "Support", "Heron and ibis", "");
    const unsigned split = desk.issue("psprosupport", "Support", "Heron only", "");
    desk.note(split, "Ibis in a note.", false);
    // As before the window index: subject and description are one document, each note another.
    BOOST_TEST(desk.found(desk.actor(desk.bill), "heron ibis") == Ids{both}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_edited_description_is_searched_by_its_new_words) {
    Desk desk;
    const unsigned id = desk.issue("psprosupport", "Support", "Printer", "The flamingo tray jams.");
    desk.t.db().execute("UPDATE issues SET description = 'The toucan tray jams.' WHERE id = " + std::to_string(id));
    const auto bill = desk.actor(desk.bill);
    BOOST_TEST(desk.found(bill, "flamingo").empty());
    BOOST_TEST(desk.found(bill, "toucan") == Ids{id}, boost::test_tools::per_element());
    // A change that leaves the text alone keeps it searchable.
    desk.t.db().execute("UPDATE issues SET priority_id = priority_id WHERE id = " + std::to_string(id));
    desk.t.db().execute("UPDATE issues SET status_id = " + std::to_string(desk.status("Closed")) +
                        " WHERE id = " + std::to_string(id));
    BOOST_TEST(desk.found(bill, "toucan") == Ids{id}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_word_written_like_an_index_term_finds_only_itself) {
    Desk desk;
    // "zebra_1" in window 0 is indexed as zebra_1_0; "zebra" in window 1 as zebra_1.
    const unsigned literal = desk.issue("psprosupport", "Support", "Option zebra_1 is ignored", "");
    desk.t.db().execute("ALTER TABLE issues AUTO_INCREMENT = 20000");
    const unsigned plain = desk.issue("psprosupport", "Support", "Zebra crossing", "");
    const auto bill = desk.actor(desk.bill);
    BOOST_TEST(desk.found(bill, "zebra") == Ids{plain}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(bill, "zebra_1") == Ids{literal}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(private_notes_and_customers_are_respected_in_every_window) {
    Desk desk;
    desk.t.db().execute("ALTER TABLE issues AUTO_INCREMENT = 70000"); // window 4
    const unsigned carols = desk.issue("psprosupport", "Support", "Ocelot order", "", desk.carolCustomer);
    const unsigned daves = desk.issue("psprosupport", "Support", "Ocelot invoice", "", desk.daveCustomer);
    desk.note(carols, "Internal: the lynx discount.", true);
    const auto carol = desk.customer(desk.carol, desk.carolCustomer);
    BOOST_TEST(desk.found(carol, "ocelot") == Ids{carols}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(carol, "lynx").empty());
    BOOST_TEST(desk.found(desk.actor(desk.bill), "lynx") == Ids{carols}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(desk.actor(desk.bill), "ocelot") == (Ids{daves, carols}), boost::test_tools::per_element());
    BOOST_TEST(desk.found(desk.actor(desk.clemens), "ocelot").empty()); // no role in psprosupport
}

BOOST_AUTO_TEST_CASE(an_issue_given_to_a_customer_is_found_by_them_and_no_longer_by_the_other) {
    Desk desk;
    desk.t.db().execute("ALTER TABLE issues AUTO_INCREMENT = 50000"); // window 3
    const unsigned id = desk.issue("psprosupport", "Support", "Pelican brief", "", desk.daveCustomer);
    desk.note(id, "The heron left.", false);
    const auto carol = desk.customer(desk.carol, desk.carolCustomer);
    const auto dave = desk.customer(desk.dave, desk.daveCustomer);
    BOOST_TEST(desk.found(dave, "heron") == Ids{id}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(carol, "heron").empty());
    desk.t.db().execute("UPDATE issues SET customer_id = " + std::to_string(desk.carolCustomer) +
                        " WHERE id = " + std::to_string(id));
    BOOST_TEST(desk.found(carol, "heron") == Ids{id}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(carol, "pelican brief") == Ids{id}, boost::test_tools::per_element());
    BOOST_TEST(desk.found(dave, "heron").empty());
    BOOST_TEST(desk.found(dave, "pelican").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(saved_queries)

BOOST_AUTO_TEST_CASE(a_private_query_is_stored_canonically_and_listed_for_its_owner_only) {
    Desk desk;
    const unsigned support = desk.project("psprosupport");
    app::QueryService queries(desk.t.db());
    const auto saved = queries.save(
        desk.actor(desk.bill),
        newQuery(support, "  My updates ", false, {{"sort", "updated_on:desc"}, {"assigned_to_id", "me"}, {"q", "x"}}));
    BOOST_REQUIRE_MESSAGE(saved.outcome == app::Outcome::Ok, (saved.errors.empty() ? "" : saved.errors.front()));
    const auto row = storage::QueryRepository(desk.t.db()).find(saved.queryId);
    BOOST_REQUIRE(row);
    BOOST_TEST(row->name == "My updates");
    BOOST_TEST(row->filters == "status_id=open&assigned_to_id=me&sort=updated_on:desc&limit=25");
    BOOST_TEST(*row->userId == desk.bill);
    const auto mine = queries.visible(desk.actor(desk.bill), support);
    BOOST_TEST(listed(mine, saved.queryId));
    BOOST_TEST(listed(mine, desk.catalog.newIssuesQueryIds.at(support))); // the built-in one
    BOOST_TEST(!listed(queries.visible(desk.actor(desk.mia), support), saved.queryId));
    BOOST_TEST(!queries.findVisible(desk.actor(desk.mia), saved.queryId));
    BOOST_TEST(!listed(queries.visible(desk.actor(desk.bill), std::nullopt), saved.queryId)); // not for all projects
}

BOOST_AUTO_TEST_CASE(publishing_needs_edit_issues_and_public_queries_reach_the_project_staff_only) {
    Desk desk;
    const unsigned support = desk.project("psprosupport");
    app::QueryService queries(desk.t.db());
    const long before = desk.t.scalar("SELECT COUNT(*) FROM queries");
    const auto refused = queries.save(desk.actor(desk.mia), newQuery(support, "Team view", true));
    BOOST_TEST((refused.outcome == app::Outcome::Forbidden));
    BOOST_TEST(desk.t.scalar("SELECT COUNT(*) FROM queries") == before);
    const auto global = queries.save(desk.actor(desk.bill), newQuery(std::nullopt, "Everything", true));
    BOOST_TEST((global.outcome == app::Outcome::Forbidden)); // public for all projects: admins only
    const auto shared = queries.save(desk.actor(desk.bill), newQuery(support, "Team view", true));
    BOOST_REQUIRE((shared.outcome == app::Outcome::Ok));
    BOOST_TEST(listed(queries.visible(desk.actor(desk.mia), support), shared.queryId));
    BOOST_TEST(!queries.findVisible(desk.actor(desk.clemens), shared.queryId)); // not in the project
    BOOST_TEST(queries.allVisible(desk.customer(desk.carol, desk.carolCustomer)).empty());
    BOOST_TEST(listed(queries.allVisible(desk.actor(desk.mia)), shared.queryId));
}

BOOST_AUTO_TEST_CASE(owners_and_admins_delete_queries_the_builtin_one_stays) {
    Desk desk;
    const unsigned support = desk.project("psprosupport");
    app::QueryService queries(desk.t.db());
    const unsigned builtin = desk.catalog.newIssuesQueryIds.at(support);
    BOOST_TEST((queries.remove(desk.actor(desk.bill), builtin) == app::Outcome::Forbidden));
    BOOST_TEST((queries.remove(desk.admin(), builtin) == app::Outcome::Forbidden));
    BOOST_TEST(storage::QueryRepository(desk.t.db()).find(builtin).has_value());

    const unsigned shared = queries.save(desk.actor(desk.bill), newQuery(support, "Shared", true)).queryId;
    const unsigned own = queries.save(desk.actor(desk.bill), newQuery(support, "Own", false)).queryId;
    BOOST_TEST((queries.remove(desk.actor(desk.mia), shared) == app::Outcome::Forbidden));
    BOOST_TEST((queries.remove(desk.actor(desk.mia), own) == app::Outcome::NotFound)); // private: unseen
    BOOST_TEST((queries.remove(desk.actor(desk.bill), own) == app::Outcome::Ok));
    BOOST_TEST((queries.remove(desk.admin(), shared) == app::Outcome::Ok));
    BOOST_TEST(!storage::QueryRepository(desk.t.db()).find(own));
    BOOST_TEST(!storage::QueryRepository(desk.t.db()).find(shared));
    BOOST_TEST((queries.remove(desk.actor(desk.bill), own) == app::Outcome::NotFound));
}

BOOST_AUTO_TEST_CASE(bad_names_and_filters_are_refused_with_messages_and_nothing_is_written) {
    Desk desk;
    const unsigned support = desk.project("psprosupport");
    app::QueryService queries(desk.t.db());
    const long before = desk.t.scalar("SELECT COUNT(*) FROM queries");
    const auto blank = queries.save(desk.actor(desk.bill), newQuery(support, "   ", false));
    BOOST_TEST((blank.outcome == app::Outcome::Invalid));
    BOOST_TEST(blank.errors.front() == "Name cannot be blank.");
    const auto badSort = queries.save(desk.actor(desk.bill), newQuery(support, "x", false, {{"sort", "password"}}));
    BOOST_TEST((badSort.outcome == app::Outcome::Invalid));
    BOOST_TEST(badSort.errors.front().find("sort") != std::string::npos);
    const auto outside = queries.save(desk.actor(desk.bill), newQuery(desk.project("psprointernal"), "x", false));
    BOOST_TEST((outside.outcome == app::Outcome::Forbidden));
    BOOST_TEST(desk.t.scalar("SELECT COUNT(*) FROM queries") == before);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(export_rows)

BOOST_AUTO_TEST_CASE(exports_page_through_the_whole_list_up_to_the_cap) {
    Desk desk;
    // 1,200 issues in one statement: more than two export pages.
    desk.t.db().execute(
        "INSERT INTO issues (project_id, tracker_id, status_id, priority_id, subject, author_id, created_at, "
        "updated_at)"
        " SELECT 1, 1, 1, 2, CONCAT('Bulk issue ', seq), NULL, NOW(), NOW() FROM seq_1_to_1200");
    storage::IssueRepository issues(desk.t.db());
    auto parsed = domain::parseIssueQuery({{"status_id", "*"}, {"limit", "10"}}, desk.bill);
    const auto visibility = domain::listScope(desk.actor(desk.bill), {desk.project("psprosupport")});
    const auto all = app::exportRows(issues, parsed.query, {}, visibility);
    BOOST_TEST(all.rows.size() == 1200u);
    BOOST_TEST(!all.truncated);
    BOOST_TEST(
        std::is_sorted(all.rows.begin(), all.rows.end(), [](const auto& a, const auto& b) { return a.id > b.id; }));
    BOOST_TEST((std::adjacent_find(all.rows.begin(), all.rows.end(),
                                   [](const auto& a, const auto& b) { return a.id == b.id; }) == all.rows.end()));
    const auto capped = app::exportRows(issues, parsed.query, {}, visibility, 700);
    BOOST_TEST(capped.rows.size() == 700u);
    BOOST_TEST(capped.truncated);
    BOOST_TEST(capped.rows.back().id == all.rows[699].id);
    // Sorted by subject: the same rows, in the list's order.
    parsed.query.sort = domain::SortKey::Subject;
    parsed.query.descending = false;
    const auto bySubject = app::exportRows(issues, parsed.query, {}, visibility);
    BOOST_TEST(bySubject.rows.size() == 1200u);
    BOOST_TEST(std::is_sorted(bySubject.rows.begin(), bySubject.rows.end(),
                              [](const auto& a, const auto& b) { return a.subject < b.subject; }));
    const auto none = app::exportRows(issues, parsed.query, {},
                                      domain::listScope(desk.actor(desk.clemens), {desk.project("psprosupport")}));
    BOOST_TEST(none.rows.empty());
}

BOOST_AUTO_TEST_SUITE_END()
