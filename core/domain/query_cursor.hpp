// Cursor: the opaque keyset position of an issue list page, and its URL-safe encoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ticketflow::domain {

/// Keyset position: the sort column's value and the id of the last (or first) row shown.
struct Cursor {
    std::string sortValue; // as storage wrote it (text); empty for SortKey::Id
    unsigned id = 0;
    bool nullValue = false; // the sort column was NULL (e.g. no assignee); sortValue is then empty

    bool operator==(const Cursor&) const = default;
};

/// Unpadded base64url of a small versioned payload: safe in a URL and a form without escaping.
/// Opaque to clients; only decodeCursor reads it. Never throws except std::bad_alloc.
std::string encodeCursor(const Cursor& cursor);

/// The cursor behind `text`, or nullopt for anything encodeCursor could not have produced:
/// bad alphabet, wrong length, unknown version, id 0, sort value not UTF-8, over 1024 chars.
/// Never throws except std::bad_alloc.
std::optional<Cursor> decodeCursor(std::string_view text);

} // namespace ticketflow::domain
