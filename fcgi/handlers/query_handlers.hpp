// Page handlers around the issue lists: saved queries, full-text search and CSV exports.
#pragma once
#include "fcgi/request_context.hpp"

namespace ticketflow::web::handlers {

// issue_list_csv.cpp
void issueListCsv(RequestContext& ctx);

// query_pages.cpp
void queryNewForm(RequestContext& ctx);
void queryCreate(RequestContext& ctx);
void queryDestroy(RequestContext& ctx);

// search_page.cpp
void searchPage(RequestContext& ctx);
void searchCsv(RequestContext& ctx);

} // namespace ticketflow::web::handlers
