// Redmine-shaped JSON documents: the keys and their order follow Redmine 5's API views, so
// that Redmine clients find what they expect; ticketflow's own fields come last.
#include "fcgi/api/json_views.hpp"

#include "core/domain/triage.hpp"

namespace ticketflow::web::api {

namespace {

Json optionalNamed(std::optional<unsigned> id, const std::string& name) {
    if (!id) return nullptr;
    return named(*id, name);
}

Json author(const domain::Issue& issue, const domain::Catalog& catalog) {
    // Mail-only customers have no user record; their name stands in (id 0, like an anonymous author).
    if (issue.authorId) {
        std::string name = catalog.userName(*issue.authorId);
        if (name.empty()) name = issue.customerName.empty() ? "Anonymous" : issue.customerName;
        return named(*issue.authorId, name);
    }
    return named(0, issue.customerName.empty() ? "Anonymous" : issue.customerName);
}

} // namespace

Json named(unsigned id, const std::string& name) {
    Json j;
    j["id"] = id;
    j["name"] = name;
    return j;
}

Json issueJson(const domain::Issue& issue, const domain::Catalog& catalog, const domain::Actor& actor) {
    Json j;
    j["id"] = issue.id;
    const domain::Project* project = catalog.project(issue.projectId);
    j["project"] = named(issue.projectId, project ? project->name : "");
    j["tracker"] = named(issue.trackerId, catalog.trackerName(issue.trackerId));
    const domain::Status* status = catalog.status(issue.statusId);
    j["status"] = named(issue.statusId, status ? status->name : "");
    j["status"]["is_closed"] = status && status->closed;
    j["priority"] = named(issue.priorityId, catalog.priorityName(issue.priorityId));
    j["author"] = author(issue, catalog);
    if (issue.assigneeId) j["assigned_to"] = named(*issue.assigneeId, catalog.userName(*issue.assigneeId));
    if (issue.milestoneId) j["fixed_version"] = named(*issue.milestoneId, catalog.milestoneName(*issue.milestoneId));
    j["subject"] = issue.subject;
    j["description"] = issue.description;
    j["start_date"] = nullptr;
    j["due_date"] = nullptr;
    j["done_ratio"] = 0;
    j["is_private"] = false;
    j["estimated_hours"] = nullptr;
    j["total_estimated_hours"] = nullptr;
    j["spent_hours"] = 0.0;
    j["total_spent_hours"] = 0.0;
    j["created_on"] = isoTime(issue.createdAt);
    j["updated_on"] = isoTime(issue.updatedAt);
    j["closed_on"] = issue.closedAt ? Json(isoTime(*issue.closedAt)) : Json(nullptr);
    j["lock_version"] = issue.lockVersion;
    j["source"] = issue.source;
    if (actor.staff) j["triage_checklist"] = domain::parseChecklist(issue.triageChecklist);
    if (actor.staff && issue.customerId) {
        j["customer"] = named(*issue.customerId, issue.customerName);
        j["customer"]["email"] = issue.customerEmail;
        Json hints = Json::object();
        if (issue.hintPriorityId) hints["priority"] = named(*issue.hintPriorityId, catalog.priorityName(*issue.hintPriorityId));
        if (issue.hintAssigneeId) {
            hints["assigned_to"] = optionalNamed(issue.hintAssigneeId, catalog.userName(*issue.hintAssigneeId));
        }
        j["customer_hints"] = hints;
    }
    return j;
}

Json journalJson(const domain::Journal& journal, const domain::Catalog& catalog) {
    Json j;
    j["id"] = journal.id;
    std::string name = journal.userId ? catalog.userName(*journal.userId) : std::string();
    if (name.empty()) name = journal.userName.empty() ? "Anonymous" : journal.userName;
    j["user"] = named(journal.userId.value_or(0), name);
    j["notes"] = journal.notes;
    j["created_on"] = isoTime(journal.createdAt);
    j["private_notes"] = journal.privateNotes;
    Json details = Json::array();
    for (const auto& d : journal.details) {
        Json detail;
        detail["property"] = d.property;
        detail["name"] = d.key;
        detail["old_value"] = d.oldValue ? Json(*d.oldValue) : Json(nullptr);
        detail["new_value"] = d.value ? Json(*d.value) : Json(nullptr);
        details.push_back(std::move(detail));
    }
    j["details"] = std::move(details);
    return j;
}

Json projectJson(const domain::Project& project) {
    Json j;
    j["id"] = project.id;
    j["name"] = project.name;
    j["identifier"] = project.identifier;
    j["description"] = project.description;
    j["homepage"] = "";
    j["status"] = 1;
    j["is_public"] = false;
    j["inherit_members"] = false;
    return j;
}

Json statusJson(const domain::Status& status) {
    Json j;
    j["id"] = status.id;
    j["name"] = status.name;
    j["is_closed"] = status.closed;
    return j;
}

} // namespace ticketflow::web::api
