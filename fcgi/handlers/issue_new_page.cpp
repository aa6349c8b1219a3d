// /issues/new and /projects/:identifier/issues/new: staff and customers with a login enter a
// new issue (a customer's priority and assignee are kept as wishes by IssueService).
#include "fcgi/handlers/handlers.hpp"

#include "core/app/customer_service.hpp"
#include "core/app/issue_service.hpp"
#include "core/domain/permissions.hpp"
#include "fcgi/handlers/attachment_views.hpp"
#include "fcgi/handlers/issue_views.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

struct NewIssueForm {
    unsigned projectId = 0, trackerId = 0, priorityId = 0;
    std::optional<unsigned> assigneeId, milestoneId;
    std::string subject, description;
    std::string customerEmail, customerName, source = "web"; // staff entering an issue for a customer
};

/// What staff may pick as the source on this form; "api" is set by the REST API only.
const std::vector<std::string>& formSources() {
    static const std::vector<std::string> sources{"web", "phone", "email", "other"};
    return sources;
}

/// Projects where the actor may add issues.
std::vector<const domain::Project*> addableProjects(const RequestContext& ctx) {
    std::vector<const domain::Project*> result;
    for (const auto& p : ctx.catalog.projects) {
        if (ctx.actor().allowedTo(domain::Permission::AddIssues, p.id)) result.push_back(&p);
    }
    return result;
}

void render(RequestContext& ctx, const domain::Project& project, const NewIssueForm& form,
            const std::vector<std::string>& errors, int status) {
    ctemplate::TemplateDictionary dict("issue_new");
    dict.SetValue("PROJECT_NAME", project.name);
    dict.SetValue("PROJECT_IDENTIFIER", project.identifier);
    dict.SetValue("SUBJECT", form.subject);
    dict.SetValue("DESCRIPTION", form.description);
    for (const auto& e : errors) dict.SetValueAndShowSection("MESSAGE", e, "ERROR");
    // Browsers cannot refill a file input: say so, or the user believes the files were kept.
    if (!errors.empty() && !readUploads(ctx.req).empty()) {
        dict.SetValueAndShowSection("MESSAGE", "Nothing was saved: choose the files again.", "ERROR");
    }
    addAttachmentLimits(dict, ctx);
    ctemplate::TemplateDictionary* others = nullptr;
    for (const auto* p : addableProjects(ctx)) {
        if (p->id == project.id) continue;
        if (!others) others = dict.AddSectionDictionary("OTHER_PROJECTS");
        auto* row = others->AddSectionDictionary("PROJECT_OPTION");
        row->SetValue("IDENTIFIER", p->identifier);
        row->SetValue("NAME", p->name);
    }
    addOptions(dict, "TRACKER_OPTION", trackerOptions(ctx.catalog, project.trackerIds), {form.trackerId});
    addOptions(dict, "PRIORITY_OPTION", priorityOptions(ctx.catalog),
               {form.priorityId ? form.priorityId : ctx.catalog.defaultPriorityId().value_or(0)});
    // Every staff member of the project is offered; the tracker's assignable role is checked on save.
    std::vector<Option> assignees;
    for (const auto& u : ctx.catalog.staff) {
        if (u.active && ctx.catalog.rolesOf(u.id).count(project.id)) assignees.push_back({u.id, u.name});
    }
    addOptions(dict, "ASSIGNEE_OPTION", assignees,
               form.assigneeId ? std::vector<unsigned>{*form.assigneeId} : std::vector<unsigned>{});
    // Customers choose priority and contact as wishes (stored as hints); milestones are staff business.
    const bool staff = ctx.actor().staff;
    dict.SetValue("PRIORITY_LABEL", staff ? "Priority" : "Priority you would like");
    dict.SetValue("ASSIGNEE_LABEL", staff ? "Assignee" : "Preferred support contact");
    if (!staff) dict.ShowSection("CUSTOMER_WISHES");
    if (staff) {
        auto* fields = dict.AddSectionDictionary("STAFF_FIELDS");
        addOptions(*fields, "MILESTONE_OPTION", milestoneOptions(ctx.catalog, project.id),
                   form.milestoneId ? std::vector<unsigned>{*form.milestoneId} : std::vector<unsigned>{});
        fields->SetValue("CUSTOMER_EMAIL", form.customerEmail);
        fields->SetValue("CUSTOMER_NAME", form.customerName);
        for (const auto& source : formSources()) {
            auto* row = fields->AddSectionDictionary("SOURCE_OPTION");
            row->SetValue("VALUE", source);
            row->SetValue("SELECTED", source == form.source ? "selected" : "");
        }
    }
    ctx.renderPage("issue_new.tpl", dict, "New issue", status);
}

/// The project from the URL, or from the form's project_id (an identifier), or the first
/// one the actor may add to.
const domain::Project* chosenProject(RequestContext& ctx) {
    if (ctx.req.params.count("identifier")) return ctx.catalog.projectByIdentifier(ctx.req.params.at("identifier"));
    const std::string* chosen = ctx.req.formValue("project_id");
    if (!chosen) chosen = ctx.req.queryValue("project_id");
    if (chosen) return ctx.catalog.projectByIdentifier(*chosen);
    const auto projects = addableProjects(ctx);
    return projects.empty() ? nullptr : projects.front();
}

} // namespace

void issueNewForm(RequestContext& ctx) {
    const domain::Project* project = chosenProject(ctx);
    const bool named = ctx.req.params.count("identifier") || ctx.req.queryValue("project_id");
    if (!project && !named) return ctx.renderError(403, "You may not add issues to any project.");
    if (!project) return ctx.renderError(404, "No such project.");
    if (!ctx.actor().allowedTo(domain::Permission::AddIssues, project->id)) return ctx.denyAccess();
    NewIssueForm form;
    form.trackerId = project->trackerIds.empty() ? 0 : project->trackerIds.front();
    render(ctx, *project, form, {}, 200);
}

void issueCreate(RequestContext& ctx) {
    const domain::Project* project = chosenProject(ctx);
    if (!project) return ctx.renderError(404, "No such project.");
    if (!ctx.actor().allowedTo(domain::Permission::AddIssues, project->id)) return ctx.denyAccess();
    std::vector<std::string> errors;
    NewIssueForm form;
    form.projectId = project->id;
    form.trackerId = formId(ctx.req, "tracker_id", "Tracker", errors).value_or(0);
    form.priorityId = formId(ctx.req, "priority_id", "Priority", errors).value_or(0);
    form.assigneeId = formId(ctx.req, "assigned_to_id", "Assignee", errors);
    form.milestoneId = formId(ctx.req, "fixed_version_id", "Milestone", errors);
    if (const auto* s = ctx.req.formValue("subject")) form.subject = *s;
    if (const auto* d = ctx.req.formValue("description")) form.description = *d;
    if (form.trackerId == 0 && errors.empty()) errors.push_back("Tracker cannot be blank.");
    // On behalf of a customer: staff only (a customer's issue is always their own, from the web).
    app::CustomerChoice customer;
    if (ctx.actor().staff) {
        if (const auto* e = ctx.req.formValue("customer_email")) form.customerEmail = *e;
        if (const auto* n = ctx.req.formValue("customer_name")) form.customerName = *n;
        if (const auto* s = ctx.req.formValue("source")) form.source = *s;
        const auto& allowed = formSources();
        const bool listed = std::find(allowed.begin(), allowed.end(), form.source) != allowed.end();
        if (!listed || !domain::isValidSource(form.source)) errors.push_back("Source is not included in the list.");
        customer = app::CustomerService(ctx.db).choose(form.customerEmail, form.customerName);
        for (auto& e : customer.errors) errors.push_back(std::move(e));
    }
    if (!errors.empty()) return render(ctx, *project, form, errors, 422);

    domain::IssueDraft draft;
    draft.projectId = project->id;
    draft.trackerId = form.trackerId;
    draft.priorityId = form.priorityId;
    draft.subject = form.subject;
    draft.description = form.description;
    draft.assigneeId = form.assigneeId;
    draft.milestoneId = form.milestoneId;
    draft.source = ctx.actor().staff ? form.source : "web";
    draft.customerId = customer.existingId;
    const auto store = attachmentStore(ctx);
    app::IssueService service(ctx.db, ctx.catalog, &store, ctx.notifier);
    if (customer.create) service.createCustomerWith(app::CustomerService::creator(*customer.create));
    const auto result = service.create(ctx.actor(), draft, readUploads(ctx.req));
    switch (result.outcome) {
        case app::Outcome::Ok:
            return ctx.redirectWithFlash("/issues/" + std::to_string(result.issueId), "created");
        case app::Outcome::Forbidden:
            return ctx.denyAccess();
        default:
            return render(ctx, *project, form, result.errors, 422);
    }
}

} // namespace ticketflow::web::handlers
