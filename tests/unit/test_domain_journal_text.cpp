// Unit tests of how issue history reads: one sentence per journal detail, Redmine's phrasing.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/domain/journal_text.hpp"

using namespace ticketflow::domain;

BOOST_AUTO_TEST_SUITE(domain_journal_text)

BOOST_AUTO_TEST_CASE(details_read_like_redmine_history) {
    const std::optional<std::string> none;
    struct Row {
        DetailText detail;
        std::string expected;
    };
    const std::vector<Row> rows{
        {{"attr", "status_id", "New", "Accepted"}, "Status changed from New to Accepted"},
        {{"attr", "assigned_to_id", none, "Bill Support"}, "Assignee set to Bill Support"},
        {{"attr", "assigned_to_id", "", "Bill Support"}, "Assignee set to Bill Support"},
        {{"attr", "assigned_to_id", "Bill Support", none}, "Assignee deleted (Bill Support)"},
        {{"attr", "fixed_version_id", "2.1.1", none}, "Milestone deleted (2.1.1)"},
        {{"attr", "milestone_id", "2.1.1", "2.2.0"}, "Milestone changed from 2.1.1 to 2.2.0"},
        {{"attr", "priority_id", "Normal", "Urgent"}, "Priority changed from Normal to Urgent"},
        {{"attr", "tracker_id", "Bug", "Feature"}, "Tracker changed from Bug to Feature"},
        {{"attr", "subject", "a", "b"}, "Subject changed from a to b"},
        {{"attr", "description", "old text", "new text"}, "Description updated"},
        {{"attr", "description", none, "first text"}, "Description updated"},
        {{"attr", "project_id", "PSProSupport", "PSProInternal"}, "Project changed from PSProSupport to PSProInternal"},
        {{"attr", "customer_replied", "No", "Yes"}, "Customer replied changed from No to Yes"},
        {{"attr", "status_id", none, none}, "Status deleted"},
        {{"attr", "due_date", none, "2024-06-01"}, "Due date set to 2024-06-01"},
        {{"attr", "reviewer_id", none, "Ann"}, "Reviewer set to Ann"},
        {{"attachment", "17", none, "crash.log"}, "File crash.log added"},
        {{"attachment", "17", "crash.log", none}, "File deleted (crash.log)"},
        {{"relation", "copied_to", none, "Bug #12"}, "Copied to Bug #12 added"},
        {{"relation", "copied_from", none, "Support #3"}, "Copied from Support #3 added"},
        {{"relation", "relates", "Bug #12", none}, "Related to deleted (Bug #12)"},
        {{"checklist", "triage_checklist", "logs", "logs, screenshot"},
         "Triage checklist changed from logs to logs, screenshot"},
        {{"attr", "subject", "<b>x</b>", "a & b"},
         "Subject changed from <b>x</b> to a & b"}, // escaping is the view's job
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(row.detail.property << " " << row.detail.key) {
            BOOST_TEST(describeDetail(row.detail) == row.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(field_labels_name_issue_columns_and_know_nothing_else) {
    const std::vector<std::pair<std::string_view, std::string_view>> rows{
        {"status_id", "Status"},
        {"assigned_to_id", "Assignee"},
        {"fixed_version_id", "Milestone"},
        {"milestone_id", "Milestone"},
        {"priority_id", "Priority"},
        {"tracker_id", "Tracker"},
        {"subject", "Subject"},
        {"description", "Description"},
        {"project_id", "Project"},
        {"author_id", "Author"},
        {"customer_id", "Customer"},
        {"source", "Source"},
        {"triage_checklist", "Triage checklist"},
        {"private_notes", "Private notes"},
        {"no_such_field", ""},
        {"", ""},
    };
    for (const auto& [key, label] : rows) {
        BOOST_TEST_CONTEXT("'" << key << "'") {
            BOOST_TEST(fieldLabel(key) == label);
        }
    }
    BOOST_TEST(relationLabel("blocks") == "Blocks");
    BOOST_TEST(relationLabel("unknown").empty());
}

BOOST_AUTO_TEST_SUITE_END()
