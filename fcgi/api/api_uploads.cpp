// POST /uploads.json: Redmine's first step of attaching a file through the REST API.
#include "fcgi/api/api_handlers.hpp"

#include "core/app/api_uploads.hpp"
#include "core/domain/attachment.hpp"
#include "core/domain/issue_access.hpp"
#include "core/storage/attachment_repository.hpp"
#include "fcgi/api/json_views.hpp"
#include "fcgi/handlers/attachment_views.hpp"

namespace ticketflow::web::api {

void uploadCreate(RequestContext& ctx) {
    // As in Redmine: the raw bytes, not a form, so a browser form cannot post here.
    if (ctx.req.contentType() != "application/octet-stream") {
        return respondError(ctx, 406, "Send the file as the request body with Content-Type: application/octet-stream.");
    }
    const std::string* name = ctx.req.queryValue("filename");
    const app::Upload upload{name && !name->empty() ? *name : "upload", ctx.req.body};
    const auto store = handlers::attachmentStore(ctx);
    std::vector<std::string> errors;
    const auto ticket = app::storeUpload(ctx.db, &store, ctx.actor(), upload, errors);
    if (!ticket) return respondErrors(ctx, 422, errors);
    Json body;
    body["upload"]["id"] = ticket->id;
    body["upload"]["token"] = ticket->token;
    respondJson(ctx, 201, body);
}

Json attachmentsJson(RequestContext& ctx, const domain::Issue& issue) {
    Json out = Json::array();
    if (issue.attachmentCount == 0) return out;
    for (const auto& a : storage::AttachmentRepository(ctx.db).listForIssue(issue.id)) {
        if (!domain::canViewAttachment(ctx.actor(), issue.ref(), a.isPublic)) continue;
        Json j;
        j["id"] = a.id;
        j["filename"] = a.filename;
        j["filesize"] = a.filesize;
        j["content_type"] = a.contentType;
        j["description"] = "";
        j["content_url"] = ctx.config.baseUrl + handlers::downloadPath(a);
        j["author"] = named(a.authorId.value_or(0), a.authorName.empty() ? ctx.catalog.userName(a.authorId.value_or(0))
                                                                       : a.authorName);
        j["created_on"] = isoTime(a.createdAt);
        j["digest"] = a.digest;
        out.push_back(std::move(j));
    }
    return out;
}

} // namespace ticketflow::web::api
