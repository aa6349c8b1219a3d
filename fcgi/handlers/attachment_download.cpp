// GET /attachments/:id and /attachments/download/:id/:filename: a file, after the permission check.
#include "fcgi/handlers/handlers.hpp"

#include "core/app/attachment_store.hpp"
#include "core/domain/attachment.hpp"
#include "core/domain/content_disposition.hpp"
#include "core/storage/attachment_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "fcgi/handlers/attachment_views.hpp"

namespace ticketflow::web::handlers {

namespace {

constexpr const char* kNotFound = "The file you were looking for doesn't exist or you may not see it.";

/// The attachment behind :id if the actor may download it. A missing one and a forbidden one
/// look the same (404), so ids do not tell which attachments exist.
std::optional<domain::Attachment> downloadable(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    if (!id) return std::nullopt;
    auto attachment = storage::AttachmentRepository(ctx.db).find(*id);
    if (!attachment || !attachment->issueId) return std::nullopt;
    const auto issue = storage::IssueRepository(ctx.db).find(*attachment->issueId);
    if (!issue || !domain::canViewAttachment(ctx.actor(), issue->ref(), attachment->isPublic)) return std::nullopt;
    if (!app::AttachmentStore::isValidDiskName(attachment->diskFilename)) return std::nullopt;
    return attachment;
}

} // namespace

void attachmentShow(RequestContext& ctx) {
    const auto attachment = downloadable(ctx);
    if (!attachment) return ctx.renderError(404, kNotFound);
    // There is no preview page: every file is downloaded, never rendered as part of the site.
    ctx.res.redirect(downloadPath(*attachment), 302);
}

void attachmentDownload(RequestContext& ctx) {
    const auto attachment = downloadable(ctx);
    if (!attachment) return ctx.renderError(404, kNotFound);
    sendAttachment(ctx, *attachment);
}

void sendAttachment(RequestContext& ctx, const domain::Attachment& attachment) {
    // nginx sends the bytes from its internal /_attachments/ location (nginx/*.conf): the
    // worker thread is free at once and the file never passes through FastCGI. The name in
    // the URL is decoration, as in Redmine; the stored name is what the browser saves.
    ctx.res.status = 200;
    ctx.res.setHeader("X-Accel-Redirect", "/_attachments/" + attachment.diskFilename);
    ctx.res.setHeader("Content-Type", std::string(domain::safeContentType(attachment.filename)));
    ctx.res.setHeader("Content-Disposition", domain::contentDisposition(attachment.filename));
    ctx.res.setHeader("X-Content-Type-Options", "nosniff");
    ctx.res.setHeader("Cache-Control", "private, no-store");
    ctx.res.body.clear();
}

} // namespace ticketflow::web::handlers
