// Everything a page handler gets for one request: request, response, database, the actor.
#pragma once
#include "core/app/app_config.hpp"
#include "core/app/auth_service.hpp"
#include "core/app/notifier.hpp"
#include "core/domain/catalog.hpp"
#include "core/domain/text.hpp"
#include "core/storage/connection.hpp"
#include "fcgi/http/request.hpp"
#include "fcgi/http/response.hpp"
#include "fcgi/view.hpp"

#include <optional>
#include <string>

namespace ticketflow::web {

inline constexpr const char* kSessionCookie = "tf_session";
inline constexpr const char* kLoginCsrfCookie = "tf_login_csrf";
inline constexpr const char* kFlashCookie = "tf_flash";

/// Request state is passed explicitly to every handler (no globals): one object per request.
class RequestContext {
public:
    RequestContext(http::Request& request, http::Response& response, storage::Connection& database,
                   const app::AppConfig& appConfig, const domain::Catalog& cat)
        : req(request), res(response), db(database), config(appConfig), catalog(cat) {}

    http::Request& req;
    http::Response& res;
    storage::Connection& db;
    const app::AppConfig& config;
    const domain::Catalog& catalog;
    std::optional<app::CurrentSession> session;
    const app::Notifier* notifier = nullptr; ///< writes the notification mails of changes

    const domain::Actor& actor() const { return session ? session->actor : _anonymous; }
    bool signedIn() const { return session.has_value(); }
    std::string csrfToken() const { return session ? session->csrfToken : std::string(); }

    /// Renders a page template inside the layout with the given status.
    void renderPage(const std::string& templateName, ctemplate::TemplateDictionary& dict, const std::string& title,
                    int status = 200);
    /// A full error page with the real HTTP status.
    void renderError(int status, const std::string& message);
    /// 303 to `location` with a one-shot confirmation shown on the next page.
    void redirectWithFlash(const std::string& location, const std::string& flashCode);
    /// Sign-in page for anonymous visitors, 403 for signed-in users lacking access.
    void denyAccess();
    /// Cookie options for this deployment (Secure under https).
    http::CookieOptions cookieOptions(long maxAgeSeconds = -1) const;

private:
    LayoutInfo layout(const std::string& title);
    std::string takeFlash();
    domain::Actor _anonymous;
};

using domain::parseId;

} // namespace ticketflow::web
