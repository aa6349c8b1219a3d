// The subject of a notification mail (DESIGN §4): "[PSProSupport - Support #123] (Accepted)
// subject". The tag is the one intake reads back (core/domain/mail_threading.hpp); the status
// lets a catch-all mailbox filter New issues.
#pragma once
#include <string>
#include <string_view>

namespace ticketflow::domain {

/// Every part as one line of header text (core/domain/mail_text.hpp cleanHeaderText): no CR,
/// LF or other control character from a project name or a subject reaches the header.
std::string notificationSubject(std::string_view project, std::string_view tracker, unsigned issueId,
                                std::string_view status, std::string_view subject);

} // namespace ticketflow::domain
