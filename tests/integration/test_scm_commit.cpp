// Commits acting on issues on a real MariaDB: "fixes #N" closes with the revision in the
// journal, "refs #N" adds a note, a revision acts once however often it is reported, only in
// the repository's projects, and the journal's author is the committer's account if any.
#include "tests/integration/team.hpp"

#include "core/app/scm_commit_service.hpp"
#include "core/storage/changeset_repository.hpp"
#include "core/storage/issue_repository.hpp"

#include <boost/test/unit_test.hpp>

#include <thread>

using namespace ticketflow;

namespace {

using app::CommitEffect;
using app::CommitResult;
using testing::Team;

const std::string kSecret(40, 's');

/// "trunk" may touch the internal project only; "everything" every project.
app::ScmConfig scmConfig() {
    app::ScmConfig c;
    c.repositories.push_back({"trunk", kSecret, {"psprointernal"}});
    c.repositories.push_back({"everything", kSecret, {}});
    return c;
}

struct ScmTeam : Team {
    app::ScmConfig config = scmConfig();

    CommitResult commit(const std::string& revision, const std::string& author, const std::string& message,
                        const std::string& repository = "trunk") {
        return app::ScmCommitService(t.db(), catalog, config).apply({repository, revision, author, message});
    }
    unsigned bug(const char* subject) { return create(alex, "psprointernal", "Bug", subject); }
    domain::Issue issue(unsigned id) {
        auto i = storage::IssueRepository(t.db()).find(id);
        BOOST_REQUIRE(i);
        return *i;
    }
    std::vector<domain::Journal> journals(unsigned id) { return storage::IssueRepository(t.db()).journals(id, true); }
    long rows(const std::string& table) { return t.scalar("SELECT COUNT(*) FROM " + table); }
};

std::string ref(unsigned id) {
    return "#" + std::to_string(id);
}

} // namespace

BOOST_AUTO_TEST_SUITE(scm_commit)

BOOST_AUTO_TEST_CASE(fix_closes_the_issue_outside_the_workflow_with_the_revision_in_the_journal) {
    ScmTeam team;
    const unsigned id = team.bug("Export crashes");
    // New -> Closed is no transition of the workflow: a fix keyword closes anyway (Redmine).
    const auto r = team.commit("42", "clemens", "Guard the PDF export\n\nFixes " + ref(id) + "\n");
    BOOST_REQUIRE(r.status == CommitResult::Status::Applied);
    BOOST_TEST(r.label == "trunk|r42");
    BOOST_TEST(!r.seenBefore);
    BOOST_REQUIRE(r.issues.size() == 1u);
    BOOST_TEST((r.issues[0].effect == CommitEffect::Closed));
    BOOST_TEST(r.issues[0].detail == "Closed");
    const auto issue = team.issue(id);
    BOOST_TEST(issue.statusId == team.status("Closed"));
    BOOST_TEST(issue.closedAt.has_value());
    BOOST_TEST(issue.lockVersion == 1u);
    const auto journals = team.journals(id);
    BOOST_REQUIRE(journals.size() == 1u);
    BOOST_TEST(journals[0].notes == "Applied in changeset trunk|r42:\n\nGuard the PDF export\n\nFixes " + ref(id));
    BOOST_TEST(!journals[0].privateNotes);
    BOOST_TEST((journals[0].userId == std::optional<unsigned>(team.clemens)));
    BOOST_REQUIRE(journals[0].details.size() == 1u);
    BOOST_TEST(journals[0].details[0].key == "status_id");
    BOOST_TEST(*journals[0].details[0].value == std::to_string(team.status("Closed")));
    BOOST_TEST(team.count(team.project("psprointernal"), "Closed") == 1);
    BOOST_TEST(team.t.scalar("SELECT COUNT(*) FROM changeset_issues ci JOIN changesets c ON c.id = ci.changeset_id"
                             " WHERE c.repository = 'trunk' AND c.revision = '42' AND ci.action = 'fix'"
                             " AND ci.journal_id = " +
                             std::to_string(journals[0].id)) == 1);
}

BOOST_AUTO_TEST_CASE(ref_adds_a_note_and_keeps_the_status) {
    ScmTeam team;
    const unsigned id = team.bug("Slow search");
    const auto r = team.commit("43", "clemens", "Profile the search (refs " + ref(id) + ")");
    BOOST_REQUIRE(r.issues.size() == 1u);
    BOOST_TEST((r.issues[0].effect == CommitEffect::Noted));
    BOOST_TEST(team.issue(id).statusId == team.status("New"));
    const auto journals = team.journals(id);
    BOOST_REQUIRE(journals.size() == 1u);
    BOOST_TEST(journals[0].notes == "Referenced in changeset trunk|r43:\n\nProfile the search (refs " + ref(id) + ")");
    BOOST_TEST(journals[0].details.empty());
}

BOOST_AUTO_TEST_CASE(several_issues_in_one_message_in_message_order) {
    ScmTeam team;
    const unsigned a = team.bug("a"), b = team.bug("b"), c = team.bug("c");
    const auto r = team.commit("44", "clemens", "fixes " + ref(b) + ", " + ref(a) + " and refs " + ref(c));
    BOOST_REQUIRE(r.issues.size() == 3u);
    BOOST_TEST(r.issues[0].issueId == b);
    BOOST_TEST(r.issues[1].issueId == a);
    BOOST_TEST(r.issues[2].issueId == c);
    BOOST_TEST((r.issues[0].effect == CommitEffect::Closed && r.issues[1].effect == CommitEffect::Closed));
    BOOST_TEST((r.issues[2].effect == CommitEffect::Noted));
    BOOST_TEST(team.issue(c).statusId == team.status("New"));
}

BOOST_AUTO_TEST_CASE(the_same_revision_reported_again_changes_nothing) {
    ScmTeam team;
    const unsigned fixed = team.bug("fixed"), referenced = team.bug("referenced");
    const std::string message = "fixes " + ref(fixed) + " refs " + ref(referenced);
    BOOST_REQUIRE(team.commit("45", "clemens", message).status == CommitResult::Status::Applied);
    const long journals = team.rows("journals");
    const auto again = team.commit("45", "clemens", message);
    BOOST_TEST(again.seenBefore);
    BOOST_REQUIRE(again.issues.size() == 2u);
    BOOST_TEST((again.issues[0].effect == CommitEffect::AlreadyApplied));
    BOOST_TEST((again.issues[1].effect == CommitEffect::AlreadyApplied));
    // An edited log message (svn propedit) does not make the revision act again.
    const unsigned other = team.bug("other");
    const auto edited = team.commit("45", "mia", "fixes " + ref(other));
    BOOST_TEST(edited.seenBefore);
    BOOST_TEST(edited.issues.size() == 2u);
    BOOST_TEST(team.rows("journals") == journals);
    BOOST_TEST(team.issue(fixed).lockVersion == 1u);
    BOOST_TEST(team.issue(other).statusId == team.status("New"));
    BOOST_TEST(team.rows("changesets") == 1);
    // The same revision number in another repository is another commit.
    const auto elsewhere = team.commit("45", "clemens", "refs " + ref(other), "everything");
    BOOST_TEST(!elsewhere.seenBefore);
    BOOST_TEST((elsewhere.issues.at(0).effect == CommitEffect::Noted));
}

BOOST_AUTO_TEST_CASE(a_report_cut_short_is_finished_by_the_next_one) {
    ScmTeam team;
    const unsigned a = team.bug("a"), b = team.bug("b");
    const domain::Changeset commit{"trunk", "46", "clemens", "fixes " + ref(a) + " " + ref(b)};
    // As if the hook's first run died after recording the commit and closing only `a`.
    BOOST_REQUIRE(team.commit("46", "clemens", commit.message).issues.size() == 2u);
    team.t.db().execute("DELETE FROM changeset_issues WHERE issue_id = " + std::to_string(b));
    team.t.db().execute("DELETE FROM journals WHERE issue_id = " + std::to_string(b));
    team.t.db().execute("UPDATE issues SET status_id = " + std::to_string(team.status("New")) +
                        ", closed_at = NULL WHERE id = " + std::to_string(b));
    const auto r = team.commit("46", "clemens", commit.message);
    BOOST_TEST(r.seenBefore);
    BOOST_TEST((r.issues.at(0).effect == CommitEffect::AlreadyApplied));
    BOOST_TEST((r.issues.at(1).effect == CommitEffect::Closed));
    BOOST_TEST(team.journals(a).size() == 1u);
    BOOST_TEST(team.journals(b).size() == 1u);
}

BOOST_AUTO_TEST_CASE(two_reports_at_once_act_on_each_issue_once) {
    ScmTeam team;
    std::vector<unsigned> ids;
    std::string message = "fixes";
    for (int i = 0; i < 5; ++i) {
        ids.push_back(team.bug("parallel"));
        message += " " + ref(ids.back());
    }
    std::vector<CommitResult> results(2);
    std::vector<std::string> failures(2);
    std::vector<std::thread> hooks;
    for (int h = 0; h < 2; ++h) {
        hooks.emplace_back([&, h] {
            try {
                auto db = team.t.connect();
                results[h] = app::ScmCommitService(*db, team.catalog, team.config).apply({"trunk", "47", "", message});
            } catch (const std::exception& e) {
                failures[h] = e.what();
            }
        });
    }
    for (auto& h : hooks) h.join();
    BOOST_TEST(failures[0] == "");
    BOOST_TEST(failures[1] == "");
    for (unsigned id : ids) {
        BOOST_TEST_CONTEXT("issue " << id) {
            BOOST_TEST(team.journals(id).size() == 1u);
            BOOST_TEST(team.issue(id).statusId == team.status("Closed"));
        }
    }
    BOOST_TEST(team.rows("changesets") == 1);
    BOOST_TEST(!results[0].anyFailed());
    BOOST_TEST(!results[1].anyFailed());
}

BOOST_AUTO_TEST_CASE(issues_of_projects_the_repository_may_not_touch_are_refused) {
    ScmTeam team;
    const unsigned support = team.create(team.bill, "psprosupport", "Support", "Customer question");
    const auto r = team.commit("48", "clemens", "fixes " + ref(support));
    BOOST_REQUIRE(r.issues.size() == 1u);
    BOOST_TEST((r.issues[0].effect == CommitEffect::OtherProject));
    BOOST_TEST(r.issues[0].detail == "psprosupport");
    BOOST_TEST(team.journals(support).empty());
    BOOST_TEST(team.issue(support).statusId == team.status("New"));
}

BOOST_AUTO_TEST_CASE(in_a_customer_facing_project_the_note_is_private) {
    ScmTeam team;
    const unsigned support = team.create(team.bill, "psprosupport", "Support", "Customer question");
    const auto r = team.commit("49", "clemens", "refs " + ref(support), "everything");
    BOOST_REQUIRE(r.issues.size() == 1u);
    BOOST_TEST((r.issues[0].effect == CommitEffect::Noted));
    const auto journals = team.journals(support);
    BOOST_REQUIRE(journals.size() == 1u);
    BOOST_TEST(journals[0].privateNotes); // commit messages are written for the team, not customers
}

BOOST_AUTO_TEST_CASE(unknown_issue_ids_are_skipped_and_reported) {
    ScmTeam team;
    const unsigned id = team.bug("real");
    const auto r = team.commit("50", "clemens", "fixes #999999, refs " + ref(id));
    BOOST_REQUIRE(r.issues.size() == 2u);
    BOOST_TEST((r.issues[0].effect == CommitEffect::UnknownIssue));
    BOOST_TEST(app::describe(r.issues[0]) == "skipped: no such issue");
    BOOST_TEST((r.issues[1].effect == CommitEffect::Noted));
}

BOOST_AUTO_TEST_CASE(an_issue_closed_already_gets_only_the_note) {
    ScmTeam team;
    const unsigned id = team.bug("twice fixed");
    team.config.fixStatus = "Rejected";
    BOOST_REQUIRE((team.commit("51", "clemens", "fixes " + ref(id)).issues.at(0).effect == CommitEffect::Closed));
    team.config.fixStatus = "Closed";
    const auto r = team.commit("52", "clemens", "really fixes " + ref(id));
    BOOST_TEST((r.issues.at(0).effect == CommitEffect::Noted));
    BOOST_TEST(app::describe(r.issues.at(0)) == "noted (closed already)");
    BOOST_TEST(team.issue(id).statusId == team.status("Rejected"));
    const auto journals = team.journals(id);
    BOOST_REQUIRE(journals.size() == 2u);
    BOOST_TEST(journals[1].details.empty());
    BOOST_TEST(journals[1].notes.rfind("Applied in changeset trunk|r52:", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(the_author_maps_to_a_staff_account_by_login_or_mail_without_case) {
    ScmTeam team;
    storage::UserRepository users(team.t.db());
    const unsigned carol = users.create({"carol", "Carol", "Customer", "carol@customer.example", "", false, true});
    users.update(team.mia, "Mia", "Manager", "mia@example.com", false, "locked");
    const std::vector<std::tuple<std::string, std::optional<unsigned>, std::string>> rows{
        {"CLEMENS", team.clemens, ""},
        {"Alex Gatekeeper <ALEX@Example.com>", team.alex, ""},
        {"bill@example.com", team.bill, ""},
        {"Stranger <stranger@example.org>", std::nullopt, " (committed by Stranger)"},
        {"carol", std::nullopt, " (committed by carol)"}, // a customer login is nobody's commit
        {"mia", std::nullopt, " (committed by mia)"},     // nor is a locked account
        {"", std::nullopt, ""},
    };
    BOOST_TEST(carol > 0u);
    unsigned revision = 60;
    for (const auto& [author, user, committedBy] : rows) {
        BOOST_TEST_CONTEXT("author \"" << author << "\"") {
            const unsigned id = team.bug("mapping");
            const std::string rev = std::to_string(revision++);
            const auto r = team.commit(rev, author, "refs " + ref(id));
            BOOST_REQUIRE(r.issues.size() == 1u);
            BOOST_TEST((r.issues[0].effect == CommitEffect::Noted));
            const auto journals = team.journals(id);
            BOOST_REQUIRE(journals.size() == 1u);
            BOOST_TEST((journals[0].userId == user));
            BOOST_TEST(journals[0].notes.rfind("Referenced in changeset trunk|r" + rev + committedBy + ":", 0) == 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(bad_input_and_bad_configuration_change_nothing) {
    ScmTeam team;
    const unsigned id = team.bug("untouched");
    const std::string message = "fixes " + ref(id);
    BOOST_TEST((team.commit("53", "clemens", message, "nope").status == CommitResult::Status::UnknownRepository));
    const auto invalid = team.commit("5 3", "clemens", message);
    BOOST_TEST((invalid.status == CommitResult::Status::Invalid));
    BOOST_TEST(invalid.errors.at(0).find("Revision") != std::string::npos);
    BOOST_TEST((team.commit("53", "clemens", "caf\xE9 " + message).status == CommitResult::Status::Invalid));

    team.config.fixStatus = "Seen"; // open: no fix can close to it
    const auto open = team.commit("53", "clemens", message);
    BOOST_TEST((open.status == CommitResult::Status::Misconfigured));
    BOOST_TEST(open.errors.at(0).find("fix_status 'Seen'") != std::string::npos);
    team.config = scmConfig();
    team.config.repositories[0].projects = {"psprointernal", "gone"};
    const auto gone = team.commit("53", "clemens", message);
    BOOST_TEST((gone.status == CommitResult::Status::Misconfigured));
    BOOST_TEST(gone.errors.at(0).find("project 'gone'") != std::string::npos);

    BOOST_TEST(team.rows("changesets") == 0);
    BOOST_TEST(team.journals(id).empty());
    BOOST_TEST(team.issue(id).statusId == team.status("New"));
}

BOOST_AUTO_TEST_CASE(fix_status_is_configured_else_closed_else_the_first_closed_status) {
    ScmTeam team;
    team.config.fixStatus = "rejected"; // names compare without case
    const unsigned a = team.bug("a");
    BOOST_TEST((team.commit("54", "", "fixes " + ref(a)).issues.at(0).detail == "Rejected"));
    BOOST_TEST(team.issue(a).statusId == team.status("Rejected"));
    team.config.fixStatus.clear();
    team.t.db().execute("UPDATE issue_statuses SET name = 'Done' WHERE name = 'Closed'");
    team.catalog = storage::CatalogRepository(team.t.db()).load();
    const unsigned b = team.bug("b");
    BOOST_TEST((team.commit("55", "", "fixes " + ref(b)).issues.at(0).detail == "Rejected")); // first by position
}

BOOST_AUTO_TEST_CASE(close_by_commit_is_ignored_for_people) {
    ScmTeam team;
    const unsigned id = team.bug("hand edit");
    app::IssueEdit edit;
    edit.note = "trying to close outside the workflow";
    edit.closeByCommit = team.status("Closed");
    const auto r = app::IssueService(team.t.db(), team.catalog).update(team.actor(team.clemens), id, edit);
    BOOST_TEST((r.outcome == app::Outcome::Ok));
    BOOST_TEST(team.issue(id).statusId == team.status("New"));
    BOOST_TEST(team.journals(id).at(0).details.empty());
}

BOOST_AUTO_TEST_SUITE_END()
