// The subject of a notification mail (DESIGN §4).
#include "core/domain/notification_subject.hpp"

#include "core/domain/mail_text.hpp"

namespace ticketflow::domain {

std::string notificationSubject(std::string_view project, std::string_view tracker, unsigned issueId,
                                std::string_view status, std::string_view subject) {
    return "[" + cleanHeaderText(project) + " - " + cleanHeaderText(tracker) + " #" + std::to_string(issueId) + "] (" +
           cleanHeaderText(status) + ") " + cleanHeaderText(subject);
}

} // namespace ticketflow::domain
