// Which issue a reply belongs to, by the tag in its subject (DESIGN §3.3 b). Message-IDs of
// our own mails are the stronger link: see core/app/mail_ids.hpp.
#pragma once
#include <optional>
#include <string_view>

namespace ticketflow::domain {

/// The issue number of a subject tag as Redmine writes and reads it: "[#123]" or
/// "[PSProSupport - Support #123]" anywhere in the subject (the first tag wins). nullopt when
/// there is none or the number is not an id. Never throws.
std::optional<unsigned> subjectIssueTag(std::string_view subject);

} // namespace ticketflow::domain
