// The administration pages' shared list and form: each kind of record (projects, trackers,
// statuses, priorities, roles) describes its columns and fields; one template draws them.
#pragma once
#include "core/app/reference_data_service.hpp"
#include "fcgi/request_context.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ticketflow::web::handlers {

struct Choice {
    std::string value, text;
    bool selected = false;
};

struct FormField {
    enum class Kind { Text, Number, TextArea, Check, Select, Checks };
    Kind kind = Kind::Text;
    std::string name, label, value, hint;
    bool checked = false, readOnly = false, required = false;
    std::vector<Choice> choices; ///< Select: the options; Checks: one checkbox each
};

struct AdminForm {
    std::string title, heading, action;
    std::string backHref, backText; ///< breadcrumb to the list
    std::string deleteAction;       ///< empty: no delete button
    std::vector<FormField> fields;
};

struct AdminRow {
    std::string href;               ///< the first cell links here
    std::string elementId;          ///< id of the <tr>, for tests and anchors
    std::vector<std::string> cells; ///< text, escaped by the template
};

struct AdminList {
    std::string title, newHref, newLabel, intro;
    std::vector<std::string> columns;
    std::vector<AdminRow> rows;
};

/// Admins pass; anyone else gets 403 (the sign-in page when anonymous) and false.
bool requireAdmin(RequestContext& ctx);

void renderAdminForm(RequestContext& ctx, const AdminForm& form, const std::vector<std::string>& errors,
                     int status = 200);
void renderAdminList(RequestContext& ctx, const AdminList& list);

/// The :id of the URL as a 64-bit id (inbound and outgoing mail); nullopt when it is none.
std::optional<std::uint64_t> urlMailId(const RequestContext& ctx);
/// A stored mail as an .eml download: never rendered by the browser, never cached.
void sendMailDownload(RequestContext& ctx, const std::string& filename, std::string message);

/// A posted text field, trimmed; empty when absent.
std::string postedText(const http::Request& req, const char* name);
/// A posted checkbox (value "1").
bool postedTick(const http::Request& req, const char* name);
/// A posted whole number; -1 (which every validation refuses) when absent or not a number.
int postedNumber(const http::Request& req, const char* name);
/// A posted id; 0 (never a record) when absent or not an id.
unsigned postedId(const http::Request& req, const char* name);

/// After a save: to `listHref` with a confirmation, or the form again with the errors.
void finishSave(RequestContext& ctx, const app::AdminResult& result, const std::string& listHref,
                const AdminForm& form);
/// After a delete: to `listHref` with a confirmation, or an error page saying why not.
void finishRemove(RequestContext& ctx, const app::AdminResult& result, const std::string& listHref);

/// The record the URL's :id names, read with `find(id)`; a 404 page and nullopt when none.
template <class Find>
auto recordOfUrl(RequestContext& ctx, Find find, const char* what) -> decltype(find(0u)) {
    const auto id = parseId(ctx.req.params["id"]);
    auto record = id ? find(*id) : decltype(find(0u)){};
    if (!record) ctx.renderError(404, std::string("No such ") + what + ".");
    return record;
}

/// The URL's :id for an update or delete (0 when not an id: the use case answers 404).
inline unsigned idOfUrl(const RequestContext& ctx) {
    return parseId(ctx.req.params.count("id") ? ctx.req.params.at("id") : std::string()).value_or(0);
}

/// "Yes" / "" for list cells.
inline std::string yesNo(bool value) {
    return value ? "Yes" : "";
}

} // namespace ticketflow::web::handlers
