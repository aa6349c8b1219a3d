// Unit tests of the Redmine import's pure parts: Redmine's JSON into records, journal
// details and relations into ticketflow's terms, timestamps, text cut to our columns.
#include <boost/test/unit_test.hpp>

#include "core/app/redmine_records.hpp"
#include "core/domain/redmine_mapping.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

using nlohmann::json;
using namespace ticketflow;
namespace rm = ticketflow::domain::redmine;
using rm::RefKind;

namespace {

/// Remote id + 1000 for everything imported; issue 77 and attachment 5 are not (yet).
std::optional<unsigned> lookup(RefKind kind, unsigned remote) {
    if (kind == RefKind::Issue && remote == 77) return std::nullopt;
    if (kind == RefKind::Attachment && remote == 5) return std::nullopt;
    if (kind == RefKind::User && remote == 2) return std::nullopt; // Redmine's anonymous user
    return remote + 1000;
}

rm::DetailResult detail(const std::string& property, const std::string& name, std::optional<std::string> oldValue,
                        std::optional<std::string> newValue) {
    return rm::mapDetail(property, name, oldValue, newValue, lookup);
}

// An issue as GET /issues/12.json?include=journals,attachments,relations,watchers gives it
// (Redmine 5.0), trimmed to what matters.
const char* kIssue = R"({"issue": {
  "id": 12, "project": {"id": 3, "name": "Alpha"}, "tracker": {"id": 1, "name": "Bug"},
  "status": {"id": 2, "name": "In Progress", "is_closed": false}, "priority": {"id": 4, "name": "High"},
  "author": {"id": 5, "name": "Ann Author"}, "assigned_to": {"id": 6, "name": "Al Assignee"},
  "category": {"id": 9, "name": "General"}, "fixed_version": {"id": 8, "name": "1.0"}, "parent": {"id": 10},
  "subject": "Printer offline", "description": null, "start_date": "2025-01-10", "due_date": null,
  "done_ratio": 30, "is_private": true, "estimated_hours": 1.5,
  "custom_fields": [{"id": 1, "name": "Customer reference", "value": "REF-5"}, {"id": 2, "name": "Empty", "value": ""}],
  "created_on": "2025-03-01T10:20:30Z", "updated_on": "2025-03-02T08:00:00Z", "closed_on": null,
  "attachments": [{"id": 31, "filename": "log.txt", "filesize": 42, "content_type": "text/plain",
    "description": "the log", "content_url": "http://redmine.example/attachments/download/31/log.txt",
    "author": {"id": 6, "name": "Al Assignee"}, "created_on": "2025-03-02T08:00:00Z"}],
  "relations": [{"id": 4, "issue_id": 12, "issue_to_id": 15, "relation_type": "precedes", "delay": 2}],
  "journals": [{"id": 100, "user": {"id": 6, "name": "Al Assignee"}, "notes": "Please send the log.",
    "created_on": "2025-03-02T08:00:00Z", "private_notes": true,
    "details": [{"property": "attr", "name": "status_id", "old_value": "1", "new_value": "2"},
                {"property": "attachment", "name": "31", "old_value": null, "new_value": "log.txt"},
                {"property": "cf", "name": "1", "old_value": "", "new_value": "REF-5"}]}],
  "watchers": [{"id": 5, "name": "Ann Author"}, {"id": 7, "name": "Wes Watcher"}]
}})";

} // namespace

BOOST_AUTO_TEST_SUITE(redmine_mapping)

BOOST_AUTO_TEST_CASE(an_issue_page_reads_into_a_record_with_its_journals_files_relations_and_watchers) {
    const auto issue = app::redmine::parseIssue(json::parse(kIssue)["issue"]);
    BOOST_TEST(issue.id == 12u);
    BOOST_TEST(issue.projectId == 3u);
    BOOST_TEST(issue.trackerId == 1u);
    BOOST_TEST(issue.statusId == 2u);
    BOOST_TEST(issue.priorityId == 4u);
    BOOST_TEST(issue.authorId.value() == 5u);
    BOOST_TEST(issue.assigneeId.value() == 6u);
    BOOST_TEST(issue.versionId.value() == 8u);
    BOOST_TEST(issue.categoryId.value() == 9u);
    BOOST_TEST(issue.parentId.value() == 10u);
    BOOST_TEST(issue.subject == "Printer offline");
    BOOST_TEST(issue.description.empty()); // null reads as empty
    BOOST_TEST(issue.startDate == "2025-01-10");
    BOOST_TEST(issue.dueDate.empty());
    BOOST_TEST(issue.doneRatio == 30);
    BOOST_TEST(issue.isPrivate);
    BOOST_TEST(issue.estimatedHours.value() == 1.5);
    BOOST_TEST(issue.customValues == 1u); // the empty one does not count
    BOOST_TEST(issue.createdOn == "2025-03-01 10:20:30");
    BOOST_TEST(issue.closedOn.empty());

    BOOST_REQUIRE_EQUAL(issue.journals.size(), 1u);
    const auto& j = issue.journals[0];
    BOOST_TEST(j.id == 100u);
    BOOST_TEST(j.userId.value() == 6u);
    BOOST_TEST(j.privateNotes);
    BOOST_TEST(j.notes == "Please send the log.");
    BOOST_REQUIRE_EQUAL(j.details.size(), 3u);
    BOOST_TEST(j.details[1].property == "attachment");
    BOOST_TEST(!j.details[1].oldValue);
    BOOST_TEST(j.details[1].newValue.value() == "log.txt");

    BOOST_REQUIRE_EQUAL(issue.attachments.size(), 1u);
    BOOST_TEST(issue.attachments[0].filesize == 42u);
    BOOST_TEST(issue.attachments[0].description == "the log");
    BOOST_TEST(issue.attachments[0].authorId.value() == 6u);
    BOOST_REQUIRE_EQUAL(issue.relations.size(), 1u);
    BOOST_TEST(issue.relations[0].issueToId == 15u);
    BOOST_TEST(issue.relations[0].delay.value() == 2);
    BOOST_TEST((issue.watcherIds == std::vector<unsigned>{5, 7}));
}

BOOST_AUTO_TEST_CASE(the_digest_ignores_the_includes_and_key_order_but_sees_every_field) {
    auto page = json::parse(kIssue)["issue"];
    const auto withIncludes = app::redmine::parseIssue(page);
    json listed = page;
    listed.erase("journals");
    listed.erase("attachments");
    BOOST_TEST(app::redmine::parseIssue(listed).digest == withIncludes.digest);
    // Same content, keys written in another order: same digest.
    const auto reordered = json::parse(R"({"subject": "a", "id": 1, "project": {"name": "P", "id": 2}})");
    const auto ordered = json::parse(R"({"id": 1, "project": {"id": 2, "name": "P"}, "subject": "a"})");
    BOOST_TEST(app::redmine::digestOf(reordered) == app::redmine::digestOf(ordered));
    listed["updated_on"] = "2025-03-02T08:00:01Z";
    BOOST_TEST(app::redmine::parseIssue(listed).digest != withIncludes.digest);
}

BOOST_AUTO_TEST_CASE(a_record_without_its_id_or_project_is_refused_by_name) {
    BOOST_CHECK_EXCEPTION(app::redmine::parseIssue(json::parse(R"({"id": 3, "subject": "x"})")), std::runtime_error,
                          [](const std::runtime_error& e) { return std::string(e.what()) == "issue without project"; });
    BOOST_CHECK_THROW(app::redmine::parseUser(json::parse(R"({"login": "x"})")), std::runtime_error);
    BOOST_CHECK_THROW(app::redmine::parseJournal(json::parse(R"({"id": -4})")), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(users_projects_and_versions_read_with_their_states) {
    const auto u = app::redmine::parseUser(json::parse(
        R"({"id": 9, "login": "jdoe", "firstname": "Jo", "lastname": "Doe", "mail": "jdoe@example.org",
            "admin": true, "status": 3, "created_on": "2024-01-02T03:04:05Z", "last_login_on": null})"));
    BOOST_TEST(u.login == "jdoe");
    BOOST_TEST(u.admin);
    BOOST_TEST(u.status == 3);
    BOOST_TEST(u.lastLoginOn.empty());
    BOOST_TEST(rm::userStatus(u.status) == "locked");
    BOOST_TEST(rm::userStatus(2) == "locked"); // registered, not activated
    BOOST_TEST(rm::userStatus(1) == "active");
    // A sign-in in Redmine is no change to import.
    auto later = json::parse(R"({"id": 9, "login": "jdoe", "last_login_on": "2025-01-01T00:00:00Z"})");
    auto earlier = later;
    earlier["last_login_on"] = "2024-01-01T00:00:00Z";
    BOOST_TEST(app::redmine::parseUser(later).digest == app::redmine::parseUser(earlier).digest);

    const auto p = app::redmine::parseProject(json::parse(
        R"({"id": 3, "name": "Gamma", "identifier": "rm-gamma", "parent": {"id": 1, "name": "Alpha"}, "status": 5,
            "is_public": false, "trackers": [{"id": 1, "name": "Bug"}, {"id": 3, "name": "Support"}]})"));
    BOOST_TEST(p.parentId.value() == 1u);
    BOOST_TEST(p.status == 5);
    BOOST_TEST(!p.isPublic);
    BOOST_TEST((p.trackerIds == std::vector<unsigned>{1, 3}));

    const auto v = app::redmine::parseVersion(json::parse(
        R"({"id": 8, "project": {"id": 3, "name": "Gamma"}, "name": "2.0", "status": "locked",
            "due_date": "2025-06-30", "sharing": "system"})"));
    BOOST_TEST(v.projectId == 3u);
    BOOST_TEST(v.dueDate == "2025-06-30");
    BOOST_TEST(rm::milestoneStatus(v.status) == "locked");
    BOOST_TEST(rm::milestoneStatus("closed") == "closed");
    BOOST_TEST(rm::milestoneStatus("something else") == "open");
}

BOOST_AUTO_TEST_CASE(timestamps_become_utc_datetimes_and_nonsense_becomes_empty) {
    using app::redmine::utcTimestamp;
    BOOST_TEST(utcTimestamp("2025-03-01T10:20:30Z") == "2025-03-01 10:20:30");
    BOOST_TEST(utcTimestamp("2025-03-01T10:20:30.123Z") == "2025-03-01 10:20:30");
    BOOST_TEST(utcTimestamp("2025-03-01T00:20:30+01:00") == "2025-02-28 23:20:30");
    BOOST_TEST(utcTimestamp("2025-12-31T23:30:00-01:00") == "2026-01-01 00:30:00");
    BOOST_TEST(utcTimestamp("").empty());
    BOOST_TEST(utcTimestamp("yesterday").empty());
    BOOST_TEST(utcTimestamp("2025-13-01T10:20:30Z").empty());
    BOOST_TEST(utcTimestamp("2025-03-01T10:20:30 CET").empty());
}

BOOST_AUTO_TEST_CASE(attribute_changes_keep_redmines_keys_with_ids_translated) {
    const std::map<std::string, std::string> keys{
        {"status_id", "2"}, {"tracker_id", "1"}, {"priority_id", "4"}, {"assigned_to_id", "6"},
        {"fixed_version_id", "8"}, {"project_id", "3"}, {"author_id", "5"}};
    for (const auto& [key, remote] : keys) {
        BOOST_TEST_CONTEXT(key) {
            const auto r = detail("attr", key, "1", remote);
            BOOST_REQUIRE(r.mapped);
            BOOST_TEST(r.mapped->detail.property == "attr");
            BOOST_TEST(r.mapped->detail.key == key);
            BOOST_TEST(r.mapped->detail.oldValue.value() == "1001");
            BOOST_TEST(r.mapped->detail.value.value() == std::to_string(std::stoul(remote) + 1000));
            BOOST_TEST(!r.mapped->lostReference);
        }
    }
    // Set from nothing, and cleared.
    const auto set = detail("attr", "assigned_to_id", std::nullopt, "6");
    BOOST_TEST(!set.mapped->detail.oldValue);
    const auto cleared = detail("attr", "fixed_version_id", "8", "");
    BOOST_TEST(cleared.mapped->detail.oldValue.value() == "1008");
    BOOST_TEST(!cleared.mapped->detail.value);
}

BOOST_AUTO_TEST_CASE(a_reference_to_a_record_not_imported_is_left_empty_and_said) {
    // Anonymous (user 2) was the assignee: the change stays, the name does not.
    const auto r = detail("attr", "assigned_to_id", "2", "6");
    BOOST_REQUIRE(r.mapped);
    BOOST_TEST(!r.mapped->detail.oldValue);
    BOOST_TEST(r.mapped->detail.value.value() == "1006");
    BOOST_TEST(r.mapped->lostReference);
    BOOST_TEST(!r.mapped->pendingOldIssue);
    // A value that is no id at all.
    BOOST_TEST(detail("attr", "status_id", "x", "2").mapped->lostReference);
}

BOOST_AUTO_TEST_CASE(relation_history_naming_an_issue_still_to_come_waits_for_it) {
    const auto later = detail("relation", "blocked", std::nullopt, "77");
    BOOST_REQUIRE(later.mapped);
    BOOST_TEST(later.mapped->detail.property == "relation");
    BOOST_TEST(later.mapped->detail.key == "blocked");
    BOOST_TEST(!later.mapped->detail.value);
    BOOST_TEST(later.mapped->pendingNewIssue.value() == 77u);
    BOOST_TEST(!later.mapped->lostReference);

    const auto known = detail("relation", "relates", "15", std::nullopt);
    BOOST_TEST(known.mapped->detail.oldValue.value() == "1015");
    BOOST_TEST(!known.mapped->pendingOldIssue);
    // The parent task is an issue too.
    BOOST_TEST(detail("attr", "parent_id", std::nullopt, "77").mapped->pendingNewIssue.value() == 77u);

    const auto odd = detail("relation", "loves", std::nullopt, "15");
    BOOST_TEST(!odd.mapped);
    BOOST_TEST(odd.dropped == "relation type loves");
}

BOOST_AUTO_TEST_CASE(file_history_names_our_file_or_keeps_only_the_name_of_a_deleted_one) {
    const auto added = detail("attachment", "31", std::nullopt, "log.txt");
    BOOST_TEST(added.mapped->detail.key == "1031");
    BOOST_TEST(added.mapped->detail.value.value() == "log.txt");
    const auto deleted = detail("attachment", "5", "old.png", std::nullopt);
    BOOST_TEST(deleted.mapped->detail.key == "0");
    BOOST_TEST(deleted.mapped->detail.oldValue.value() == "old.png");
}

BOOST_AUTO_TEST_CASE(custom_fields_categories_and_unknown_attributes_are_dropped_with_a_reason) {
    const auto cf = detail("cf", "1", "", "REF-5");
    BOOST_TEST(!cf.mapped);
    BOOST_TEST(cf.dropped == "custom field");
    const auto category = detail("attr", "category_id", "1", "2");
    BOOST_TEST(!category.mapped);
    BOOST_TEST(category.dropped == "attribute category_id");
    BOOST_TEST(detail("plugin", "x", "1", "2").dropped == "detail plugin");
}

BOOST_AUTO_TEST_CASE(history_text_is_kept_and_cut_to_the_column) {
    const auto due = detail("attr", "due_date", "2025-01-01", "2025-02-01");
    BOOST_TEST(due.mapped->detail.value.value() == "2025-02-01");
    BOOST_TEST(!due.mapped->cut);
    // 300 two-byte characters: cut at 255 characters, never inside one.
    std::string longText;
    for (int i = 0; i < 300; ++i) longText += "\xc3\xa9";
    const auto description = detail("attr", "description", std::nullopt, longText);
    BOOST_TEST(description.mapped->cut);
    BOOST_TEST(description.mapped->detail.value->size() == 510u);
    bool cut = false;
    BOOST_TEST(rm::fit("short", 10, cut) == "short");
    BOOST_TEST(!cut);
    BOOST_TEST(rm::fit("ab\xc3\xa9" "cd", 3, cut) == "ab\xc3\xa9");
    BOOST_TEST(cut);
}

BOOST_AUTO_TEST_CASE(relations_as_redmine_stores_them_are_ours_and_odd_types_are_refused) {
    for (const char* stored : {"relates", "duplicates", "blocks", "precedes", "copied_to"}) {
        BOOST_TEST_CONTEXT(stored) {
            const auto r = rm::mapRelation(12, 15, stored);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->fromId == 12u);
            BOOST_TEST(r->toId == 15u);
            BOOST_TEST(r->type == stored);
        }
    }
    // Should a Redmine ever hand out the other reading, it is turned round.
    const auto blocked = rm::mapRelation(12, 15, "blocked");
    BOOST_TEST(blocked->fromId == 15u);
    BOOST_TEST(blocked->type == "blocks");
    BOOST_TEST(!rm::mapRelation(12, 15, "composes"));
}

BOOST_AUTO_TEST_SUITE_END()
