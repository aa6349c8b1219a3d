// A journal detail as people read it: ids turned into names through the catalog.
#pragma once
#include "core/domain/catalog.hpp"
#include "core/domain/issue.hpp"
#include "core/domain/journal_text.hpp"

namespace ticketflow::domain {

/// The detail with its values named ("3" -> "Accepted", a user id -> the user's name, a
/// checklist -> its items), ready for describeDetail.
DetailText namedDetail(const Catalog& catalog, const JournalDetail& detail);

/// Relations point at internal issues and the checklist is internal triage: customers see
/// neither (staff-only history lines, on the page and in mails).
bool staffOnlyDetail(const JournalDetail& detail);

} // namespace ticketflow::domain
