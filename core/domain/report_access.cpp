// Report access: one rule for nginx's auth_request subrequest.
#include "core/domain/report_access.hpp"

namespace ticketflow::domain {

ReportAccess reportAccess(const Actor& actor) {
    if (actor.isAnonymous()) return ReportAccess::SignInFirst;
    if (!actor.isActive()) return ReportAccess::Forbidden;
    if (actor.admin) return ReportAccess::Allowed;
    if (!actor.staff) return ReportAccess::Forbidden;
    return actor.allowedAnywhere(Permission::ViewReports) ? ReportAccess::Allowed : ReportAccess::Forbidden;
}

} // namespace ticketflow::domain
