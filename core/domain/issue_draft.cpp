// IssueDraft: a new issue as entered in a form or mail, and its validation (no I/O).
#include "core/domain/issue_draft.hpp"

#include <array>

#include "core/domain/text.hpp"

namespace ticketflow::domain {
namespace {

void validateSubject(std::string_view rawSubject, std::vector<std::string>& errors) {
    const std::string_view subject = trim(rawSubject);
    if (subject.empty()) {
        errors.emplace_back("Subject cannot be blank.");
        return;
    }
    if (!isValidUtf8(subject)) {
        errors.emplace_back("Subject is not valid UTF-8 text.");
        return; // the length in characters means nothing for broken text
    }
    if (hasControlCharacters(subject)) errors.emplace_back("Subject cannot contain control characters or line breaks.");
    if (utf8Length(subject) > kMaxSubjectCharacters)
        errors.emplace_back("Subject is too long (maximum is " + std::to_string(kMaxSubjectCharacters) +
                            " characters).");
}

void validateDescription(std::string_view description, std::vector<std::string>& errors) {
    if (description.size() > kMaxDescriptionBytes)
        errors.emplace_back("Description is too long (maximum is 65,535 bytes).");
    if (!isValidUtf8(description))
        errors.emplace_back("Description is not valid UTF-8 text.");
    else if (hasControlCharacters(description, /*allowLineBreaks=*/true))
        errors.emplace_back("Description cannot contain control characters.");
}

void requireId(unsigned id, const char* field, std::vector<std::string>& errors) {
    if (id == 0) errors.emplace_back(std::string(field) + " cannot be blank.");
}

void rejectZero(const std::optional<unsigned>& id, const char* field, std::vector<std::string>& errors) {
    if (id && *id == 0) errors.emplace_back(std::string(field) + " is invalid.");
}

std::string_view trimEnd(std::string_view text) {
    const std::string_view trimmed = trim(text);
    return text.substr(0, static_cast<std::size_t>(trimmed.data() - text.data()) + trimmed.size());
}

} // namespace

bool isValidSource(std::string_view source) {
    static constexpr std::array<std::string_view, 5> kSources{"web", "email", "phone", "other", "api"};
    for (const std::string_view candidate : kSources)
        if (candidate == source) return true;
    return false;
}

IssueDraft normalizeDraft(IssueDraft draft) {
    draft.subject = std::string(trim(draft.subject));
    // Keep leading indentation (it may be code or a quoted log), drop trailing blank lines.
    if (isBlank(draft.description))
        draft.description.clear();
    else
        draft.description = std::string(trimEnd(draft.description));
    return draft;
}

std::vector<std::string> validateDraft(const IssueDraft& draft) {
    std::vector<std::string> errors;
    requireId(draft.projectId, "Project", errors);
    requireId(draft.trackerId, "Tracker", errors);
    requireId(draft.priorityId, "Priority", errors);
    validateSubject(draft.subject, errors);
    validateDescription(draft.description, errors);
    rejectZero(draft.assigneeId, "Assignee", errors);
    rejectZero(draft.milestoneId, "Milestone", errors);
    rejectZero(draft.customerId, "Customer", errors);
    if (!isValidSource(draft.source)) errors.emplace_back("Source is not included in the list.");
    return errors;
}

} // namespace ticketflow::domain
