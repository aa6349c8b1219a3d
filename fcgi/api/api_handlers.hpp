// REST API handlers (Redmine's URLs with .json): one file per resource.
#pragma once
#include "fcgi/request_context.hpp"

namespace ticketflow::web::api {

// issues (api_issues.cpp)
void issuesIndex(RequestContext& ctx);
void issueShow(RequestContext& ctx);
void issueCreate(RequestContext& ctx);
void issueUpdate(RequestContext& ctx);
void issueDestroy(RequestContext& ctx);
/// POST /issues/:id/copy.json {"copy": {"project_id", "tracker_id"}}: Copy to (ticketflow's own).
void issueCopy(RequestContext& ctx);
/// POST /issues/:id/watchers.json {"user_id": N}, DELETE /issues/:id/watchers/:user_id.json.
void watcherCreate(RequestContext& ctx);
void watcherDestroy(RequestContext& ctx);

// uploads (api_uploads.cpp): POST /uploads.json
void uploadCreate(RequestContext& ctx);

// relations (api_relations.cpp)
void relationsIndex(RequestContext& ctx);
void relationCreate(RequestContext& ctx);
void relationShow(RequestContext& ctx);
void relationDestroy(RequestContext& ctx);

// reference data (api_catalog.cpp)
void projectsIndex(RequestContext& ctx);
void projectShow(RequestContext& ctx);
void trackersIndex(RequestContext& ctx);
void statusesIndex(RequestContext& ctx);
void prioritiesIndex(RequestContext& ctx);

// versions, ticketflow's milestones (api_versions.cpp)
void versionsIndex(RequestContext& ctx);
void versionShow(RequestContext& ctx);
void versionCreate(RequestContext& ctx);
void versionUpdate(RequestContext& ctx);
void versionDestroy(RequestContext& ctx);

// users (api_users.cpp)
void usersIndex(RequestContext& ctx);
void userShow(RequestContext& ctx);
void userCurrent(RequestContext& ctx);

// saved queries (api_queries.cpp)
void queriesIndex(RequestContext& ctx);

} // namespace ticketflow::web::api
