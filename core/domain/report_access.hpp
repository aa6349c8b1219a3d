// Who may read the nightly reports (nginx asks the app through auth_request).
#pragma once
#include "core/domain/actor.hpp"

namespace ticketflow::domain {

/// The answer to nginx's auth_request for /reports/: 204 allow, 401 sign in first, 403 no.
enum class ReportAccess { Allowed, SignInFirst, Forbidden };

/// Allowed: active admins, and active staff with view_reports in at least one project (the
/// reports span every project, so the permission anywhere is the permission for all of them).
/// Customers never, whatever role an admin gave them; anonymous and locked users never.
ReportAccess reportAccess(const Actor& actor);

} // namespace ticketflow::domain
