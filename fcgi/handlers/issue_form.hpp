// The issue edit form: what it shows, what it posts, and turning a post into an edit.
#pragma once
#include "core/app/issue_service.hpp"
#include "core/domain/issue.hpp"
#include "fcgi/request_context.hpp"

#include <ctemplate/template.h>
#include <optional>
#include <string>
#include <vector>

namespace ticketflow::web::handlers {

/// Field values shown in the edit form: the issue's, or what the user posted.
struct FormState {
    unsigned statusId = 0, priorityId = 0, lockVersion = 0;
    std::optional<unsigned> assigneeId, milestoneId;
    std::string note;
    bool privateNote = false;
    std::string triageChecklist; ///< stored form (core/domain/triage)
    /// After a conflict: the newest journal id the user had seen (0: none); later journals
    /// are shown as "changed while you were editing".
    std::optional<unsigned> conflictSince;
    static FormState from(const domain::Issue& issue);
};

/// Reads the posted edit form. Bad ids become errors (the form is shown again).
app::IssueEdit readEdit(const http::Request& req, std::vector<std::string>& errors);
FormState stateFrom(const app::IssueEdit& edit, const domain::Issue& issue);

void addEditForm(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue,
                 const FormState& form);
/// The issue page with `journals` (private notes are dropped here for readers without the right).
void renderIssuePage(RequestContext& ctx, const domain::Issue& issue, std::vector<domain::Journal> journals,
                     const FormState& form, const std::vector<std::string>& errors, int status);
/// The same, loading the journals first (re-rendering a refused edit).
void renderIssuePage(RequestContext& ctx, const domain::Issue& issue, const FormState& form,
                     const std::vector<std::string>& errors, int status);

} // namespace ticketflow::web::handlers
