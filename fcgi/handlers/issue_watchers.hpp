// The watchers box on the issue page and its posts (watch, unwatch, add, remove).
#pragma once
#include "core/domain/issue.hpp"
#include "fcgi/request_context.hpp"

#include <ctemplate/template.h>

namespace ticketflow::web::handlers {

/// WATCHERS for staff: names, Watch/Unwatch for the reader, add/remove others with EditIssues.
void addWatchers(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue);

} // namespace ticketflow::web::handlers
