// IssueDraft: a new issue as entered in a form or mail, and its validation (no I/O).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

constexpr std::size_t kMaxSubjectCharacters = 255; // issues.subject VARCHAR(255), code points
constexpr std::size_t kMaxDescriptionBytes = 65'535;

/// A new issue before it is stored. Ids are not checked against the database here; the caller
/// checks that they exist and belong to the project.
struct IssueDraft {
    unsigned projectId = 0, trackerId = 0, priorityId = 0;
    std::string subject, description;
    std::optional<unsigned> assigneeId, milestoneId, customerId;
    std::optional<unsigned> hintPriorityId, hintAssigneeId; // what a customer asked for; never applied
    std::string source = "web"; // web, email, phone, other, api (issues.source)
};

/// The draft with the subject trimmed and the description's trailing whitespace removed: what
/// should be stored once validateDraft accepts it. Never throws except std::bad_alloc.
IssueDraft normalizeDraft(IssueDraft draft);

/// User-facing sentences for everything wrong with the draft; empty when it may be stored.
/// Subject: required after trimming, at most 255 code points, valid UTF-8, no control
/// characters (tabs and line breaks included: it is one line in lists and mail subjects).
/// Description: at most 65,535 bytes, valid UTF-8, no control characters but tab and line
/// breaks. Project, tracker and priority required; a given id must not be 0; source one of
/// web/email/phone/other/api. Never throws except std::bad_alloc.
std::vector<std::string> validateDraft(const IssueDraft& draft);

/// True for the values of issues.source.
bool isValidSource(std::string_view source);

} // namespace ticketflow::domain
