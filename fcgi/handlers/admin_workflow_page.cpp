// /workflows/edit (admins): the transition matrix of one tracker and role, with the
// conditions of each transition.
#include "fcgi/handlers/admin_form.hpp"
#include "fcgi/handlers/admin_handlers.hpp"

#include "core/domain/workflow_matrix.hpp"
#include "core/storage/workflow_repository.hpp"
#include "fcgi/outcome_status.hpp"

#include <algorithm>

namespace ticketflow::web::handlers {

namespace {

using domain::CellFlag;

constexpr CellFlag kConditions[] = {CellFlag::NoteRequired, CellFlag::AssigneeRequired, CellFlag::MilestoneRequired,
                                    CellFlag::AssigneeOnly};

const char* conditionSection(CellFlag flag) {
    switch (flag) {
        case CellFlag::NoteRequired:
            return "NOTE";
        case CellFlag::AssigneeRequired:
            return "ASSIGNEE";
        case CellFlag::MilestoneRequired:
            return "MILESTONE";
        case CellFlag::AssigneeOnly:
            return "OWN";
        case CellFlag::Allowed:
            break;
    }
    return "ALLOW";
}

std::optional<unsigned> queryId(const RequestContext& ctx, const char* name) {
    const std::string* v = ctx.req.queryValue(name);
    if (!v) v = ctx.req.formValue(name);
    return v ? parseId(*v) : std::nullopt;
}

void render(RequestContext& ctx, std::optional<unsigned> trackerId, std::optional<unsigned> roleId,
            const std::vector<domain::TransitionRule>& rules, const std::vector<std::string>& errors, int status) {
    ctemplate::TemplateDictionary dict("workflow");
    dict.SetValue("CSRF_TOKEN", ctx.csrfToken());
    for (const auto& e : errors) dict.SetValueAndShowSection("MESSAGE", e, "ERROR");
    for (const auto& t : ctx.catalog.trackers) {
        auto* o = dict.AddSectionDictionary("TRACKER_OPTION");
        o->SetIntValue("ID", t.id);
        o->SetValue("NAME", t.name);
        if (trackerId == t.id) o->SetValue("SELECTED", "selected");
    }
    for (const auto& r : ctx.catalog.roles) {
        auto* o = dict.AddSectionDictionary("ROLE_OPTION");
        o->SetIntValue("ID", r.id);
        o->SetValue("NAME", r.name);
        if (roleId == r.id) o->SetValue("SELECTED", "selected");
    }
    const auto* tracker = trackerId ? ctx.catalog.tracker(*trackerId) : nullptr;
    const auto* role = roleId ? ctx.catalog.role(*roleId) : nullptr;
    if (!tracker || !role) {
        dict.ShowSection("CHOOSE");
        return ctx.renderPage("workflow.tpl", dict, "Workflow", status);
    }
    auto* matrix = dict.AddSectionDictionary("MATRIX");
    matrix->SetIntValue("TRACKER_ID", tracker->id);
    matrix->SetIntValue("ROLE_ID", role->id);
    matrix->SetValue("TRACKER", tracker->name);
    matrix->SetValue("ROLE", role->name);
    for (const auto& to : ctx.catalog.statuses) matrix->SetValueAndShowSection("NAME", to.name, "TO_HEAD");
    for (const auto& from : ctx.catalog.statuses) {
        auto* row = matrix->AddSectionDictionary("FROM");
        row->SetValue("NAME", from.name);
        row->SetIntValue("ID", from.id);
        for (const auto& to : ctx.catalog.statuses) {
            auto* cell = row->AddSectionDictionary("CELL");
            if (from.id == to.id) {
                cell->ShowSection("SAME");
                continue;
            }
            const auto rule = std::find_if(rules.begin(), rules.end(), [&](const domain::TransitionRule& r) {
                return r.fromStatusId == from.id && r.toStatusId == to.id;
            });
            auto* open = cell->AddSectionDictionary("OPEN");
            open->SetValue("FROM", from.name);
            open->SetValue("TO", to.name);
            open->SetValue("ALLOW_NAME", domain::matrixFieldName(CellFlag::Allowed, from.id, to.id));
            if (rule != rules.end()) open->SetValue("ALLOW_CHECKED", "checked");
            for (const auto flag : kConditions) {
                auto* c = open->AddSectionDictionary(conditionSection(flag));
                c->SetValue("FIELD", domain::matrixFieldName(flag, from.id, to.id));
                if (rule != rules.end() && domain::hasFlag(*rule, flag)) c->SetValue("CHECKED", "checked");
            }
        }
    }
    ctx.renderPage("workflow.tpl", dict, "Workflow: " + tracker->name + " / " + role->name, status);
}

} // namespace

void workflowEdit(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const auto trackerId = queryId(ctx, "tracker_id"), roleId = queryId(ctx, "role_id");
    if ((trackerId && !ctx.catalog.tracker(*trackerId)) || (roleId && !ctx.catalog.role(*roleId))) {
        return ctx.renderError(404, "No such tracker or role.");
    }
    std::vector<domain::TransitionRule> rules;
    if (trackerId && roleId) rules = storage::WorkflowRepository(ctx.db).rules(*trackerId, *roleId);
    render(ctx, trackerId, roleId, rules, {}, 200);
}

void workflowSave(RequestContext& ctx) {
    if (!requireAdmin(ctx)) return;
    const unsigned trackerId = postedId(ctx.req, "tracker_id"), roleId = postedId(ctx.req, "role_id");
    std::vector<unsigned> statusIds;
    for (const auto& s : ctx.catalog.statuses) statusIds.push_back(s.id);
    const auto rules = domain::rulesFromMatrix(trackerId, roleId, statusIds,
                                               [&](const std::string& name) { return postedTick(ctx.req, name.c_str()); });
    const auto result = app::ReferenceDataService(ctx.db).saveWorkflow(ctx.actor(), trackerId, roleId, rules);
    if (result.outcome == app::Outcome::Ok) {
        return ctx.redirectWithFlash("/workflows/edit?tracker_id=" + std::to_string(trackerId) +
                                         "&role_id=" + std::to_string(roleId),
                                     "setup_saved");
    }
    if (result.outcome == app::Outcome::NotFound) return ctx.renderError(404, result.errors.front());
    render(ctx, trackerId, roleId, rules, result.errors, httpStatus(result.outcome));
}

} // namespace ticketflow::web::handlers
