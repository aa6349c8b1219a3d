// The administration pages (admins only): the index, projects, trackers, issue statuses,
// priorities, roles and the workflow editor at Redmine's URLs, and the inbound mail queue.
#pragma once
#include "fcgi/request_context.hpp"

namespace ticketflow::web::handlers {

void adminIndex(RequestContext& ctx);

void adminProjects(RequestContext& ctx);
void projectNewForm(RequestContext& ctx);
void projectCreate(RequestContext& ctx);
void projectSettings(RequestContext& ctx);
void projectUpdate(RequestContext& ctx);

void trackersIndex(RequestContext& ctx);
void trackerNewForm(RequestContext& ctx);
void trackerCreate(RequestContext& ctx);
void trackerEditForm(RequestContext& ctx);
void trackerUpdate(RequestContext& ctx);
void trackerDestroy(RequestContext& ctx);

void statusesIndex(RequestContext& ctx);
void statusNewForm(RequestContext& ctx);
void statusCreate(RequestContext& ctx);
void statusEditForm(RequestContext& ctx);
void statusUpdate(RequestContext& ctx);
void statusDestroy(RequestContext& ctx);

void prioritiesIndex(RequestContext& ctx);
void priorityNewForm(RequestContext& ctx);
void priorityCreate(RequestContext& ctx);
void priorityEditForm(RequestContext& ctx);
void priorityUpdate(RequestContext& ctx);
void priorityDestroy(RequestContext& ctx);

void rolesIndex(RequestContext& ctx);
void roleNewForm(RequestContext& ctx);
void roleCreate(RequestContext& ctx);
void roleEditForm(RequestContext& ctx);
void roleUpdate(RequestContext& ctx);
void roleDestroy(RequestContext& ctx);

void adminMailQueue(RequestContext& ctx);
void adminMailShow(RequestContext& ctx);
void adminMailRaw(RequestContext& ctx);
void adminMailRelease(RequestContext& ctx);
void adminMailRetry(RequestContext& ctx);

void adminOutbox(RequestContext& ctx);
void adminOutboxRaw(RequestContext& ctx);
void adminOutboxRetry(RequestContext& ctx);

void workflowEdit(RequestContext& ctx);
void workflowSave(RequestContext& ctx);

} // namespace ticketflow::web::handlers
