// The HTTP status of a use case's outcome on the web pages (the REST API answers a conflict
// with 422, as Redmine: see fcgi/api/api_issues.cpp).
#pragma once
#include "core/app/issue_service.hpp"

namespace ticketflow::web {

constexpr int httpStatus(app::Outcome outcome) {
    switch (outcome) {
        case app::Outcome::Ok:
            return 200;
        case app::Outcome::NotFound:
            return 404;
        case app::Outcome::Forbidden:
            return 403;
        case app::Outcome::Conflict:
            return 409;
        case app::Outcome::Invalid:
            return 422;
    }
    return 500;
}

} // namespace ticketflow::web
