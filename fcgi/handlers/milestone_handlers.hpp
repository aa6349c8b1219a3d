// Page handlers for milestones (Redmine's versions): roadmap, form, milestone page.
#pragma once
#include "core/storage/milestone_repository.hpp"
#include "fcgi/request_context.hpp"

#include <optional>

namespace ticketflow::web::handlers {

// milestone_pages.cpp: /projects/:identifier/roadmap (and /versions), new/create, edit/update, delete
void roadmap(RequestContext& ctx);
void milestoneNewForm(RequestContext& ctx);
void milestoneCreate(RequestContext& ctx);
void milestoneEditForm(RequestContext& ctx);
void milestoneUpdate(RequestContext& ctx);
void milestoneDestroy(RequestContext& ctx);

// milestone_page.cpp: /versions/:id, its issues and load
void milestoneShow(RequestContext& ctx);

/// The milestone named by the route's :id if the reader may list its project's issues;
/// otherwise answers (404, or the sign-in page / 403) and returns nullopt.
std::optional<storage::MilestoneRow> routeMilestone(RequestContext& ctx);

/// Today in UTC as YYYY-MM-DD (the domain's overdue rule takes the date as text).
std::string todayUtc();

} // namespace ticketflow::web::handlers
