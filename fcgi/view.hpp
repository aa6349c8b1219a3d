// Renders ctemplate pages: every page template includes the shared header and footer.
#pragma once
#include "fcgi/http/response.hpp"

#include <ctemplate/template.h>
#include <string>

namespace ticketflow::web {

/// What the shared header needs to know about the request.
struct LayoutInfo {
    std::string title;
    std::string userName;  ///< empty when signed out
    std::string csrfToken; ///< for the sign-out form
    bool staff = false;
    bool admin = false;
    bool customers = false; ///< may open the customer list (ViewCustomers somewhere)
    std::string flash;      ///< one-line confirmation ("Issue #12 created.")
    std::string currentNav; ///< "home", "issues", "new"
};

class View {
public:
    /// Loads every *.tpl of `templatesDir` into the global template cache and freezes it
    /// (thread-safe from then on). Call once, before worker threads start. Throws
    /// std::runtime_error naming a template that fails to parse.
    static void loadAll(const std::string& templatesDir);

    /// A new dictionary for page template `name` with the header/footer includes filled in.
    static void addLayout(ctemplate::TemplateDictionary& dict, const LayoutInfo& layout);

    /// Expands `name` with `dict`. Throws std::runtime_error when the template is missing.
    static std::string render(const std::string& name, const ctemplate::TemplateDictionary& dict);

    /// Fills `response` with page template `name` inside the layout, status and no-store.
    static void respond(http::Response& response, const std::string& name, ctemplate::TemplateDictionary& dict,
                        const LayoutInfo& layout, int status);
    /// The error page: status, reason, message, and a sign-in hint for anonymous 401/403.
    static void respondError(http::Response& response, int status, const std::string& message, LayoutInfo layout);
};

} // namespace ticketflow::web
