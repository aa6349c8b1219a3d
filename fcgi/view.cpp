// Renders ctemplate pages: every page template includes the shared header and footer.
#include "fcgi/view.hpp"

#include <filesystem>
#include <stdexcept>

namespace ticketflow::web {

void View::loadAll(const std::string& templatesDir) {
    auto* cache = ctemplate::mutable_default_template_cache();
    if (!std::filesystem::is_directory(templatesDir)) {
        throw std::runtime_error("templates folder not found: " + templatesDir);
    }
    cache->SetTemplateRootDirectory(templatesDir);
    for (const auto& entry : std::filesystem::directory_iterator(templatesDir)) {
        if (entry.path().extension() != ".tpl") continue;
        const std::string name = entry.path().filename().string();
        if (!cache->LoadTemplate(name, ctemplate::DO_NOT_STRIP)) {
            throw std::runtime_error("template does not parse: " + name);
        }
    }
    cache->Freeze();
}

void View::addLayout(ctemplate::TemplateDictionary& dict, const LayoutInfo& layout) {
    for (const char* part : {"PAGE_HEADER", "PAGE_FOOTER"}) {
        ctemplate::TemplateDictionary* inc = dict.AddIncludeDictionary(part);
        inc->SetFilename(std::string(part) == "PAGE_HEADER" ? "_header.tpl" : "_footer.tpl");
        inc->SetValue("TITLE", layout.title);
        if (!layout.userName.empty()) {
            ctemplate::TemplateDictionary* user = inc->AddSectionDictionary("SIGNED_IN");
            user->SetValue("USER_NAME", layout.userName);
            user->SetValue("CSRF_TOKEN", layout.csrfToken);
            user->ShowSection(layout.staff ? "STAFF" : "CUSTOMER_NAV");
            if (layout.admin) user->ShowSection("ADMIN");
            if (layout.customers) user->ShowSection("CUSTOMERS_NAV");
        } else {
            inc->ShowSection("SIGNED_OUT");
        }
        if (!layout.flash.empty()) inc->SetValueAndShowSection("FLASH", layout.flash, "HAS_FLASH");
    }
    dict.SetValue("TITLE", layout.title);
}

std::string View::render(const std::string& name, const ctemplate::TemplateDictionary& dict) {
    std::string out;
    if (!ctemplate::ExpandTemplate(name, ctemplate::DO_NOT_STRIP, &dict, &out)) {
        throw std::runtime_error("template missing or broken: " + name);
    }
    return out;
}

void View::respond(http::Response& response, const std::string& name, ctemplate::TemplateDictionary& dict,
                   const LayoutInfo& layout, int status) {
    addLayout(dict, layout);
    if (!layout.csrfToken.empty()) dict.SetValue("CSRF_TOKEN", layout.csrfToken);
    response.status = status;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.body = render(name, dict);
}

void View::respondError(http::Response& response, int status, const std::string& message, LayoutInfo layout) {
    ctemplate::TemplateDictionary dict("error");
    const std::string reason(http::reasonPhrase(status));
    dict.SetIntValue("STATUS", status);
    dict.SetValue("REASON", reason);
    dict.SetValue("MESSAGE", message);
    if (layout.userName.empty() && (status == 401 || status == 403)) dict.ShowSection("SIGN_IN_HINT");
    layout.title = reason;
    respond(response, "error.tpl", dict, layout, status);
}

} // namespace ticketflow::web
