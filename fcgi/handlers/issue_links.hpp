// The issue page's links to other issues: related issues, adding and removing relations,
// and Copy to Internal.
#pragma once
#include "core/domain/issue.hpp"
#include "fcgi/request_context.hpp"

#include <ctemplate/template.h>

namespace ticketflow::web::handlers {

/// RELATIONS (the visible related issues with status and milestone; "Internal #N fixed in
/// 2.1.1" for a closed copy), ADD_RELATION and COPY_FORM when the actor may use them.
void addIssueLinks(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue);

/// SECRET_LINK: "send the customer's link again" / "send a new link" for support staff
/// (issue_secret_link.cpp).
void addSecretLinkForm(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue);

} // namespace ticketflow::web::handlers
