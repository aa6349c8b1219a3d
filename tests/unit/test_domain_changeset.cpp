// A commit as hooks report it: which fields are refused, how it is named ("trunk|r42"), who
// its author is, the note it leaves, and what the actor acting for it may do.
#include "core/domain/actor.hpp"
#include "core/domain/changeset.hpp"
#include "core/domain/issue_access.hpp"

#include <boost/test/unit_test.hpp>

using namespace ticketflow::domain;

namespace {

Changeset valid() {
    return {"trunk", "42", "jdoe", "fixes #12"};
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_changeset)

BOOST_AUTO_TEST_CASE(a_subversion_and_a_git_commit_are_valid) {
    BOOST_TEST(validateChangeset(valid()).empty());
    BOOST_TEST(validateChangeset({"app", "3f2a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b", "Jane Doe <jane@example.org>",
                                  "Fix export\n\nFixes #12"})
                   .empty());
    BOOST_TEST(validateChangeset({"trunk", "42", "", ""}).empty()); // anonymous commit, empty log
    BOOST_TEST(validateChangeset({"trunk", "42", "J\xC3\xB6rg",
                                  "Gr\xC3\xB6\xC3\x9F"
                                  "e\tund\r\nmehr"})
                   .empty());
}

BOOST_AUTO_TEST_CASE(bad_fields_are_refused_with_a_sentence_each) {
    const std::vector<std::pair<Changeset, std::string>> rows{
        {{"", "42", "a", "m"}, "Repository"},
        {{"trunk/x", "42", "a", "m"}, "Repository"},
        {{"trunk", "", "a", "m"}, "Revision is required"},
        {{"trunk", "4 2", "a", "m"}, "Revision must be"},
        {{"trunk", "42;DROP", "a", "m"}, "Revision must be"},
        {{"trunk", std::string(65, '1'), "a", "m"}, "Revision must be"},
        {{"trunk", "42", "a\nb", "m"}, "Author"},
        {{"trunk", "42", std::string(256, 'a'), "m"}, "Author"},
        {{"trunk", "42", "\xFF", "m"}, "Author"},
        {{"trunk", "42", "a", "caf\xE9"}, "UTF-8"},
        {{"trunk", "42", "a", std::string("a\0b", 3)}, "NUL"},
        {{"trunk", "42", "a", std::string(kMaxCommitMessageBytes + 1, 'm')}, "longer than"},
    };
    for (const auto& [changeset, expected] : rows) {
        BOOST_TEST_CONTEXT("expecting " << expected) {
            const auto errors = validateChangeset(changeset);
            BOOST_REQUIRE(errors.size() == 1u);
            BOOST_TEST(errors[0].find(expected) != std::string::npos, errors[0]);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_changeset_is_named_by_repository_and_revision) {
    BOOST_TEST(changesetLabel("trunk", "42") == "trunk|r42");
    BOOST_TEST(changesetLabel("app", "3f2a9c0d") == "app|3f2a9c0d");
    BOOST_TEST(changesetLabel("app", "1.2") == "app|1.2");
}

BOOST_AUTO_TEST_CASE(authors_split_into_name_and_mail) {
    const auto git = splitCommitAuthor(" Jane Doe <Jane@Example.org> ");
    BOOST_TEST(git.name == "Jane Doe");
    BOOST_TEST(git.mail == "Jane@Example.org");
    const auto svn = splitCommitAuthor("jdoe");
    BOOST_TEST(svn.name == "jdoe");
    BOOST_TEST(svn.mail.empty());
    const auto mail = splitCommitAuthor("jdoe@example.org");
    BOOST_TEST(mail.name == "jdoe@example.org");
    BOOST_TEST(mail.mail == "jdoe@example.org");
    const auto onlyMail = splitCommitAuthor("<jdoe@example.org>");
    BOOST_TEST(onlyMail.name == "jdoe@example.org");
    BOOST_TEST(splitCommitAuthor("").name.empty());
}

BOOST_AUTO_TEST_CASE(the_note_names_the_changeset_and_quotes_the_message) {
    BOOST_TEST(changesetNote(CommitAction::Fix, "trunk|r42", "", "Fix export\n\nfixes #12\n\n") ==
               "Applied in changeset trunk|r42:\n\nFix export\n\nfixes #12");
    BOOST_TEST(changesetNote(CommitAction::Ref, "trunk|r42", "", "refs #12") ==
               "Referenced in changeset trunk|r42:\n\nrefs #12");
    BOOST_TEST(changesetNote(CommitAction::Fix, "trunk|r42", "jdoe", "fixes #12") ==
               "Applied in changeset trunk|r42 (committed by jdoe):\n\nfixes #12");
    BOOST_TEST(changesetNote(CommitAction::Ref, "trunk|r42", "", "  \n") == "Referenced in changeset trunk|r42:");
    // A terminal escape or a C1 control is no part of a journal.
    BOOST_TEST(changesetNote(CommitAction::Ref, "a|r1", "", "refs #1 \x1B[31mred\xC2\x9B") ==
               "Referenced in changeset a|r1:\n\nrefs #1  [31mred ");
}

BOOST_AUTO_TEST_CASE(a_long_message_is_quoted_to_its_limit_at_a_character_boundary) {
    std::string message(kMaxQuotedMessageBytes - 1, 'a');
    message += "\xC3\xA9 and the rest";
    const std::string note = changesetNote(CommitAction::Fix, "trunk|r1", "", message);
    const std::string head = "Applied in changeset trunk|r1:\n\n";
    BOOST_TEST(note.substr(head.size(), kMaxQuotedMessageBytes - 1) == std::string(kMaxQuotedMessageBytes - 1, 'a'));
    BOOST_TEST(note.substr(head.size() + kMaxQuotedMessageBytes - 1, 2) == "\n\n"); // "é" not split
    BOOST_TEST(note.find("the rest is in the repository") != std::string::npos);
    BOOST_TEST(note.size() < 65'535u); // fits a journal note
}

BOOST_AUTO_TEST_CASE(the_commit_actor_acts_only_in_the_repositorys_projects) {
    const Actor a = commitActor(0, "jdoe", {2});
    BOOST_TEST(a.isActive());
    BOOST_TEST(a.viaCommit);
    BOOST_TEST(!a.admin);
    IssueRef inside;
    inside.projectId = 2;
    IssueRef outside;
    outside.projectId = 1;
    BOOST_TEST(canViewIssue(a, inside));
    BOOST_TEST(canAddNote(a, inside));
    BOOST_TEST(canEditIssue(a, inside));
    BOOST_TEST(canSetNotesPrivate(a, inside));
    BOOST_TEST(!canViewIssue(a, outside));
    BOOST_TEST(!canAddNote(a, outside));
    for (Permission p : {Permission::AddIssues, Permission::DeleteIssues, Permission::CopyIssues,
                         Permission::TriageIssues, Permission::ManageMilestones, Permission::ViewCustomers}) {
        BOOST_TEST(!a.allowedTo(p, 2));
    }
    Actor locked = commitActor(7, "", {2});
    BOOST_TEST(locked.userId == 7u);
    locked.locked = true;
    BOOST_TEST(!canViewIssue(locked, inside));
    BOOST_TEST(!Actor{}.isActive()); // anonymous stays inactive
}

BOOST_AUTO_TEST_SUITE_END()
