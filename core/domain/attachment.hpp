// Attachments: the stored record, file-name sanitising, safe content types, who may download.
#pragma once
#include "core/domain/actor.hpp"
#include "core/domain/issue_access.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// One row of `attachments`. The file's bytes live on disk under `diskFilename`, a name we
/// generated (never the user's), relative to the configured attachments folder.
struct Attachment {
    unsigned id = 0;
    std::optional<unsigned> issueId, journalId, authorId;
    std::string filename;     ///< sanitised, what the user sees and downloads as
    std::string diskFilename; ///< e.g. "2025/01/3f9c...e1"
    std::string contentType = "application/octet-stream";
    std::uint64_t filesize = 0;
    std::string digest; ///< sha256, lower-case hex
    bool isPublic = true;
    std::string createdAt;  ///< "YYYY-MM-DD HH:MM:SS", UTC
    std::string authorName; ///< filled by storage for display (a customer login's name)
};

/// Longest file name kept, in bytes (the column is VARCHAR(255) and file systems of people
/// who download it allow 255 bytes).
inline constexpr std::size_t kMaxFilenameBytes = 255;

/// Turns a client's file name into one safe to store, show and offer for download: only the
/// part after the last '/' or '\'; control characters (C0, DEL, C1), Unicode bidi controls
/// (they make "exe.pdf" read as "fdp.exe") and the characters Windows forbids (<>:"|?*) become
/// '_'; invalid UTF-8 bytes become '_'; leading dots and spaces and trailing dots and spaces
/// are removed (no hidden files, no "..", no names Windows silently changes); a name longer
/// than kMaxFilenameBytes is cut at a character boundary, keeping a short extension. An
/// empty result becomes "unnamed". The result is valid UTF-8. Never throws except bad_alloc.
std::string sanitizeFilename(std::string_view clientName);

/// The Content-Type to serve a file with, from its (sanitised) name: a short allow-list of
/// types browsers cannot run as a page (png, jpeg, gif, webp, pdf, plain text, csv, zip, …);
/// everything else, HTML and SVG included, is application/octet-stream. What the client
/// claimed at upload is never used. Never throws.
std::string_view safeContentType(std::string_view filename);

/// May `actor` download an attachment of `issue`? Only if they may see the issue, and for a
/// private attachment (added with a private note) only if they may see private notes.
/// Never throws.
bool canViewAttachment(const Actor& actor, const IssueRef& issue, bool attachmentIsPublic);

/// Limits on the files of one change (from the configuration).
struct UploadLimits {
    std::uint64_t maxFileBytes = 10u << 20;
    std::size_t maxFiles = 10;
};

/// A file offered with a change: its name as sent and its size.
struct UploadInfo {
    std::string_view filename;
    std::uint64_t size = 0;
};

/// One message per problem: too many files, an empty file, a file over the size limit
/// ("big.iso is too large (12 MB); the limit is 10 MB per file."; exact bytes when both
/// sizes would read the same). Empty when all is well.
/// Never throws except bad_alloc.
std::vector<std::string> checkUploads(const std::vector<UploadInfo>& files, const UploadLimits& limits);

/// A size for people: "0 B", "512 B", "1.5 KB", "10 MB", "2.3 GB" (1 KB = 1024 B; one
/// decimal below 10, none above). Never throws except bad_alloc.
std::string formatSize(std::uint64_t bytes);

} // namespace ticketflow::domain
