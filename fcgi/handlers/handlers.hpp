// Page handlers: one file per page; each validates its parameters, checks permission,
// calls a use case and fills a template.
#pragma once
#include "fcgi/request_context.hpp"

namespace ticketflow::web::handlers {

void loginForm(RequestContext& ctx);
void loginSubmit(RequestContext& ctx);
void logout(RequestContext& ctx);
void dashboard(RequestContext& ctx);
void issueList(RequestContext& ctx);
void issueShow(RequestContext& ctx);
void issueNewForm(RequestContext& ctx);
void issueCreate(RequestContext& ctx);
void issueUpdate(RequestContext& ctx);
void issueCopy(RequestContext& ctx);
void relationAdd(RequestContext& ctx);
void relationRemove(RequestContext& ctx);
void watcherAdd(RequestContext& ctx);
void watcherRemove(RequestContext& ctx);
void usersIndex(RequestContext& ctx);
void userNew(RequestContext& ctx);
void userCreate(RequestContext& ctx);
void userEdit(RequestContext& ctx);
void userUpdate(RequestContext& ctx);
void membershipAdd(RequestContext& ctx);
void membershipRemove(RequestContext& ctx);
void myAccount(RequestContext& ctx);
void myApiKey(RequestContext& ctx);
void myApiKeyReset(RequestContext& ctx);
void attachmentShow(RequestContext& ctx);
void issueSecretLink(RequestContext& ctx);
void healthCheck(RequestContext& ctx);
// The customer's secret page (secret_page.cpp).
void secretLinkOpen(RequestContext& ctx);
void secretIssueShow(RequestContext& ctx);
void secretIssueReply(RequestContext& ctx);
void secretAttachment(RequestContext& ctx);
void attachmentDownload(RequestContext& ctx);
/// POST /scm/commit: a commit reported by a version-control hook (scm_commit.cpp).
void scmCommit(RequestContext& ctx);

} // namespace ticketflow::web::handlers
