// Attachments on the issue pages: reading posted files, the file list, download links.
#include "fcgi/handlers/attachment_views.hpp"

#include "core/storage/attachment_repository.hpp"
#include "fcgi/handlers/issue_views.hpp"
#include "fcgi/url_encode.hpp"

namespace ticketflow::web::handlers {

app::AttachmentStore attachmentStore(const RequestContext& ctx) {
    return app::AttachmentStore(ctx.config.attachmentsDir,
                                {ctx.config.attachmentMaxBytes, ctx.config.attachmentMaxFiles});
}

std::vector<app::Upload> readUploads(const http::Request& req) {
    std::vector<app::Upload> uploads;
    for (const auto& f : req.files)
        if (f.field == kAttachmentsField) uploads.push_back({f.filename, f.data});
    return uploads;
}

std::string downloadPath(const domain::Attachment& attachment) {
    return "/attachments/download/" + std::to_string(attachment.id) + "/" + urlEncode(attachment.filename);
}

void addAttachmentLimits(ctemplate::TemplateDictionary& dict, const RequestContext& ctx) {
    const auto files = ctx.config.attachmentMaxFiles;
    dict.SetValue("ATTACHMENT_LIMITS", "Up to " + std::to_string(files) + (files == 1 ? " file, " : " files, ") +
                                           domain::formatSize(ctx.config.attachmentMaxBytes) + " each.");
}

void addAttachments(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue) {
    addAttachmentLimits(dict, ctx);
    if (issue.attachmentCount == 0) return;
    ctemplate::TemplateDictionary* list = nullptr;
    for (const auto& a : storage::AttachmentRepository(ctx.db).listForIssue(issue.id)) {
        if (!domain::canViewAttachment(ctx.actor(), issue.ref(), a.isPublic)) continue;
        if (!list) list = dict.AddSectionDictionary("ATTACHMENTS");
        auto* row = list->AddSectionDictionary("ATTACHMENT");
        row->SetIntValue("ATTACHMENT_ID", a.id);
        row->SetValue("FILENAME", a.filename);
        row->SetValue("DOWNLOAD_URL", downloadPath(a));
        row->SetValue("SIZE", domain::formatSize(a.filesize));
        row->SetValue("AUTHOR", personName(ctx.catalog, a.authorId, a.authorName));
        row->SetValue("CREATED", shortTime(a.createdAt));
        if (!a.isPublic) row->ShowSection("PRIVATE");
    }
}

} // namespace ticketflow::web::handlers
