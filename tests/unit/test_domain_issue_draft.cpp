// Unit tests of validating a new issue from a form or mail before it is stored.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

#include "core/domain/issue_draft.hpp"

using namespace ticketflow::domain;

namespace {

IssueDraft validDraft() {
    IssueDraft draft;
    draft.projectId = 1;
    draft.trackerId = 1;
    draft.priorityId = 2;
    draft.subject = "Export to PDF crashes";
    draft.description = "Steps:\n\t1. Open a report\r\n\t2. Export\n";
    return draft;
}

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const std::string& e : errors) out += (out.empty() ? "" : " | ") + e;
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_issue_draft)

BOOST_AUTO_TEST_CASE(drafts_are_accepted_or_refused_with_a_sentence_per_problem) {
    struct Row {
        const char* behaviour;
        std::function<void(IssueDraft&)> change;
        std::string errors;
    };
    const std::vector<Row> rows{
        {"a complete draft", [](IssueDraft&) {}, ""},
        {"every source of issues.source", [](IssueDraft& d) { d.source = "phone"; }, ""},
        {"an email source", [](IssueDraft& d) { d.source = "email"; }, ""},
        {"an empty description", [](IssueDraft& d) { d.description.clear(); }, ""},
        {"optional ids set",
         [](IssueDraft& d) {
             d.assigneeId = 3;
             d.milestoneId = 1;
             d.customerId = 9;
         },
         ""},
        {"empty subject", [](IssueDraft& d) { d.subject.clear(); }, "Subject cannot be blank."},
        {"whitespace subject", [](IssueDraft& d) { d.subject = " \t\u00A0 "; }, "Subject cannot be blank."},
        {"255 characters of multi-byte text",
         [](IssueDraft& d) {
             d.subject.clear();
             for (int i = 0; i < 255; ++i) d.subject += "\u00E9"; // 510 bytes, 255 characters
         },
         ""},
        {"256 characters", [](IssueDraft& d) { d.subject = std::string(256, 'a'); },
         "Subject is too long (maximum is 255 characters)."},
        {"255 characters plus surrounding spaces",
         [](IssueDraft& d) { d.subject = "  " + std::string(255, 'a') + "  "; }, ""},
        {"a line break in the subject", [](IssueDraft& d) { d.subject = "first\nsecond"; },
         "Subject cannot contain control characters or line breaks."},
        {"a tab in the subject", [](IssueDraft& d) { d.subject = "a\tb"; },
         "Subject cannot contain control characters or line breaks."},
        {"a C1 control in the subject", [](IssueDraft& d) { d.subject = "a\u0085b"; },
         "Subject cannot contain control characters or line breaks."},
        {"DEL in the subject",
         [](IssueDraft& d) {
             d.subject =
                 "a\x7f"
                 "b";
         },
         "Subject cannot contain control characters or line breaks."},
        {"broken UTF-8 in the subject", [](IssueDraft& d) { d.subject = "caf\xe9"; },
         "Subject is not valid UTF-8 text."},
        {"description of 65,535 bytes", [](IssueDraft& d) { d.description = std::string(65'535, 'x'); }, ""},
        {"description of 65,536 bytes", [](IssueDraft& d) { d.description = std::string(65'536, 'x'); },
         "Description is too long (maximum is 65,535 bytes)."},
        {"broken UTF-8 in the description", [](IssueDraft& d) { d.description = "ok\xc0\xaf"; },
         "Description is not valid UTF-8 text."},
        {"NUL in the description", [](IssueDraft& d) { d.description = std::string("a\0b", 3); },
         "Description cannot contain control characters."},
        {"unknown source", [](IssueDraft& d) { d.source = "fax"; }, "Source is not included in the list."},
        {"source in capitals", [](IssueDraft& d) { d.source = "Web"; }, "Source is not included in the list."},
        {"missing project, tracker and priority", [](IssueDraft& d) { d.projectId = d.trackerId = d.priorityId = 0; },
         "Project cannot be blank. | Tracker cannot be blank. | Priority cannot be blank."},
        {"zero ids",
         [](IssueDraft& d) {
             d.assigneeId = 0;
             d.milestoneId = 0;
             d.customerId = 0;
         },
         "Assignee is invalid. | Milestone is invalid. | Customer is invalid."},
        {"several problems at once",
         [](IssueDraft& d) {
             d.subject = "";
             d.source = "";
         },
         "Subject cannot be blank. | Source is not included in the list."},
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(row.behaviour) {
            IssueDraft draft = validDraft();
            row.change(draft);
            BOOST_TEST(joined(validateDraft(draft)) == row.errors);
        }
    }
}

BOOST_AUTO_TEST_CASE(normalising_trims_the_subject_and_trailing_blank_lines_only) {
    IssueDraft draft = validDraft();
    draft.subject = "\u3000  Export crashes \n";
    draft.description = "    indented code\n\n  \n";
    const IssueDraft normal = normalizeDraft(draft);
    BOOST_TEST(normal.subject == "Export crashes");
    BOOST_TEST(normal.description == "    indented code");
    draft.description = " \n\t";
    BOOST_TEST(normalizeDraft(draft).description.empty());
    BOOST_TEST(validateDraft(normal).empty());
}

BOOST_AUTO_TEST_SUITE_END()
