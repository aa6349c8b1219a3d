// The issue edit form: what it shows, what it posts, and turning a post into an edit.
#include "fcgi/handlers/issue_form.hpp"

#include "core/domain/issue_access.hpp"
#include "core/domain/permissions.hpp"
#include "core/domain/triage.hpp"
#include "fcgi/handlers/attachment_views.hpp"
#include "fcgi/handlers/issue_views.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

/// A posted id field: absent -> nullopt; "" -> cleared (inner nullopt); a bad id -> error.
app::IdChange optionalIdField(const http::Request& req, const char* name, const char* label,
                              std::vector<std::string>& errors) {
    const std::string* v = req.formValue(name);
    if (!v) return {};
    if (v->empty()) return app::IdChange::to(std::nullopt);
    const auto id = parseId(*v);
    if (!id) {
        errors.push_back(std::string(label) + " is not valid.");
        return {};
    }
    return app::IdChange::to(*id);
}

std::string requirementHint(const domain::TransitionRule& r) {
    std::string hint;
    auto add = [&](const char* what) { hint += (hint.empty() ? " (" : ", ") + std::string(what); };
    if (r.noteRequired) add("note required");
    if (r.assigneeRequired) add("assignee required");
    if (r.milestoneRequired) add("milestone required");
    return hint.empty() ? hint : hint + ")";
}

} // namespace

FormState FormState::from(const domain::Issue& issue) {
    FormState f;
    f.statusId = issue.statusId;
    f.priorityId = issue.priorityId;
    f.lockVersion = issue.lockVersion;
    f.assigneeId = issue.assigneeId;
    f.milestoneId = issue.milestoneId;
    f.triageChecklist = issue.triageChecklist;
    return f;
}

app::IssueEdit readEdit(const http::Request& req, std::vector<std::string>& errors) {
    app::IssueEdit edit;
    const std::string* lock = req.formValue("lock_version");
    if (!lock || (*lock != "0" && !parseId(*lock))) {
        errors.push_back("The form is missing its version stamp; reload the issue and try again.");
    } else {
        edit.lockVersion = *lock == "0" ? 0 : *parseId(*lock);
    }
    edit.statusId = formId(req, "status_id", "Status", errors);
    edit.priorityId = formId(req, "priority_id", "Priority", errors);
    edit.assigneeId = optionalIdField(req, "assigned_to_id", "Assignee", errors);
    edit.milestoneId = optionalIdField(req, "fixed_version_id", "Milestone", errors);
    if (const std::string* note = req.formValue("notes")) edit.note = *note;
    const std::string* priv = req.formValue("private_notes");
    edit.privateNote = priv && *priv == "1";
    edit.attachments = readUploads(req);
    // Unticked boxes are not posted: the marker says the checklist was on the form at all.
    if (req.formValue("triage_checklist_shown")) edit.triageChecklist = req.formValues("triage_checklist[]");
    return edit;
}

FormState stateFrom(const app::IssueEdit& edit, const domain::Issue& issue) {
    FormState f = FormState::from(issue);
    if (edit.statusId) f.statusId = *edit.statusId;
    if (edit.priorityId) f.priorityId = *edit.priorityId;
    f.assigneeId = edit.assigneeId.applyTo(f.assigneeId);
    f.milestoneId = edit.milestoneId.applyTo(f.milestoneId);
    f.note = edit.note;
    f.privateNote = edit.privateNote;
    if (edit.triageChecklist) f.triageChecklist = domain::normalizeChecklist(*edit.triageChecklist);
    return f;
}

void addEditForm(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue,
                 const FormState& form) {
    const auto& actor = ctx.actor();
    const auto& catalog = ctx.catalog;
    const bool canEdit = actor.allowedTo(domain::Permission::EditIssues, issue.projectId);
    const bool canNote = domain::canAddNote(actor, issue.ref());
    if (!canEdit && !canNote) return;
    auto* f = dict.AddSectionDictionary("EDIT_FORM");
    f->SetIntValue("ID", issue.id);
    f->SetIntValue("LOCK_VERSION", form.lockVersion);
    f->SetValue("NOTES", form.note);
    f->SetValue("CSRF_TOKEN", ctx.csrfToken());
    if (actor.allowedTo(domain::Permission::SetNotesPrivate, issue.projectId)) {
        auto* priv = f->AddSectionDictionary("CAN_PRIVATE");
        priv->SetValue("PRIVATE_CHECKED", form.privateNote ? "checked" : "");
    }
    if (!canEdit) return;
    f->ShowSection("FIELDS");
    if (actor.allowedTo(domain::Permission::TriageIssues, issue.projectId)) {
        auto* triage = f->AddSectionDictionary("TRIAGE");
        const auto ticked = domain::parseChecklist(form.triageChecklist);
        for (const auto& item : domain::triageChecklistItems()) {
            auto* row = triage->AddSectionDictionary("CHECK_ITEM");
            row->SetValue("KEY", std::string(item.key));
            row->SetValue("LABEL", std::string(item.label));
            const bool on = std::find(ticked.begin(), ticked.end(), item.key) != ticked.end();
            row->SetValue("CHECKED", on ? "checked" : "");
        }
    }

    auto* current = f->AddSectionDictionary("STATUS_OPTION");
    current->SetIntValue("ID", issue.statusId);
    current->SetValue("NAME", catalog.statusName(issue.statusId) + " (current)");
    current->SetValue("SELECTED", form.statusId == issue.statusId ? "selected" : "");
    const auto ref = issue.ref();
    for (unsigned to : catalog.workflow.allowedTargets(actor, ref)) {
        auto* o = f->AddSectionDictionary("STATUS_OPTION");
        o->SetIntValue("ID", to);
        const auto req = catalog.workflow.requirementsFor(actor, ref, to);
        o->SetValue("NAME", catalog.statusName(to) + (req ? requirementHint(*req) : std::string()));
        o->SetValue("SELECTED", form.statusId == to ? "selected" : "");
    }
    addOptions(*f, "PRIORITY_OPTION", priorityOptions(catalog), {form.priorityId});

    auto assignees = assigneeOptions(catalog, issue.projectId, issue.trackerId);
    if (issue.assigneeId && !catalog.isAssignable(*issue.assigneeId, issue.projectId, issue.trackerId)) {
        assignees.push_back({*issue.assigneeId, personName(catalog, issue.assigneeId, "")});
    }
    addOptions(*f, "ASSIGNEE_OPTION", assignees,
               form.assigneeId ? std::vector<unsigned>{*form.assigneeId} : std::vector<unsigned>{});
    auto milestones = milestoneOptions(catalog, issue.projectId);
    if (issue.milestoneId && catalog.milestone(*issue.milestoneId) &&
        catalog.milestone(*issue.milestoneId)->status != "open") {
        milestones.push_back({*issue.milestoneId, catalog.milestoneName(*issue.milestoneId)});
    }
    addOptions(*f, "MILESTONE_OPTION", milestones,
               form.milestoneId ? std::vector<unsigned>{*form.milestoneId} : std::vector<unsigned>{});
}

} // namespace ticketflow::web::handlers
