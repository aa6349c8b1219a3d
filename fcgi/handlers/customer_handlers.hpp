// Customer (CRM) pages: list and search, a customer's page, edit and merge.
#pragma once
#include "fcgi/request_context.hpp"

namespace ticketflow::web::handlers {

void customerList(RequestContext& ctx);
void customerShow(RequestContext& ctx);
void customerEditForm(RequestContext& ctx);
void customerUpdate(RequestContext& ctx);
void customerMerge(RequestContext& ctx);

} // namespace ticketflow::web::handlers
