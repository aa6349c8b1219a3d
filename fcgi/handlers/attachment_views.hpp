// Attachments on the issue pages: reading posted files, the file list, download links.
#pragma once
#include "core/app/attachment_store.hpp"
#include "core/domain/attachment.hpp"
#include "core/domain/issue.hpp"
#include "fcgi/request_context.hpp"

#include <ctemplate/template.h>
#include <string>
#include <vector>

namespace ticketflow::web::handlers {

/// The file input of the issue forms: <input type="file" name="attachments" multiple>.
inline constexpr const char* kAttachmentsField = "attachments";

/// This installation's attachments folder and limits (from the configuration).
app::AttachmentStore attachmentStore(const RequestContext& ctx);

/// The files posted in the attachments field, in order. The uploads point into `req`,
/// which must outlive them. Never throws except bad_alloc.
std::vector<app::Upload> readUploads(const http::Request& req);

/// Redmine's download address: "/attachments/download/12/report%20v2.pdf".
std::string downloadPath(const domain::Attachment& attachment);

/// The file as the response: nginx sends it (X-Accel-Redirect) as a download, never rendered.
/// The caller checked that the reader may have it and that its disk name is valid.
void sendAttachment(RequestContext& ctx, const domain::Attachment& attachment);

/// Adds the ATTACHMENTS section (the files of `issue` the actor may download: name, link,
/// size, author, date) and ATTACHMENT_LIMITS (the hint under the file inputs).
void addAttachments(ctemplate::TemplateDictionary& dict, RequestContext& ctx, const domain::Issue& issue);

/// Sets ATTACHMENT_LIMITS: "Up to 10 files, 10 MB each."
void addAttachmentLimits(ctemplate::TemplateDictionary& dict, const RequestContext& ctx);

} // namespace ticketflow::web::handlers
