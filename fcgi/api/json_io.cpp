// JSON in and out for the REST API.
#include "fcgi/api/json_io.hpp"

#include "core/domain/text.hpp"

namespace ticketflow::web::api {

namespace {

// Deeper documents are refused before nlohmann builds them (no API document nests beyond 4).
constexpr int kMaxDepth = 32;

bool tooDeep(const std::string& body) {
    int depth = 0;
    bool inString = false, escaped = false;
    for (char c : body) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxDepth) return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

} // namespace

void respondJson(RequestContext& ctx, int status, const Json& body) {
    ctx.res.status = status;
    ctx.res.setHeader("Content-Type", "application/json; charset=utf-8");
    ctx.res.setHeader("Cache-Control", "no-store");
    // Text from the database is valid UTF-8; replace rather than fail should that ever break.
    ctx.res.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void respondErrors(RequestContext& ctx, int status, const std::vector<std::string>& errors) {
    respondJson(ctx, status, Json{{"errors", errors}});
}

void respondError(RequestContext& ctx, int status, const std::string& error) {
    respondErrors(ctx, status, {error});
}

void respondNoContent(RequestContext& ctx) {
    ctx.res.status = 204;
    ctx.res.body.clear();
}

std::optional<nlohmann::json> readJsonObject(RequestContext& ctx) {
    const std::string type = ctx.req.contentType();
    // Browsers cannot send application/json across sites without asking first (CORS), so a
    // JSON content type is part of what keeps cookie-authenticated calls safe.
    if (type != "application/json") {
        respondError(ctx, 415, "Send the request body as JSON with Content-Type: application/json.");
        return std::nullopt;
    }
    if (tooDeep(ctx.req.body)) {
        respondError(ctx, 400, "The JSON body is nested too deeply.");
        return std::nullopt;
    }
    nlohmann::json doc = nlohmann::json::parse(ctx.req.body, nullptr, false);
    if (doc.is_discarded()) {
        respondError(ctx, 400, "The request body is not valid JSON.");
        return std::nullopt;
    }
    if (!doc.is_object()) {
        respondError(ctx, 422, "The JSON body must be an object.");
        return std::nullopt;
    }
    return doc;
}

std::optional<nlohmann::json> readBody(RequestContext& ctx, const char* root) {
    auto doc = readJsonObject(ctx);
    if (!doc) return std::nullopt;
    if (!doc->contains(root) || !(*doc)[root].is_object()) {
        respondError(ctx, 422, std::string("The JSON body must be an object with a \"") + root + "\" object.");
        return std::nullopt;
    }
    return std::move((*doc)[root]);
}

std::string isoTime(const std::string& datetime) {
    if (datetime.size() < 19) return datetime;
    return datetime.substr(0, 10) + "T" + datetime.substr(11, 8) + "Z";
}

IdField idField(const nlohmann::json& object, const char* name, std::vector<std::string>& errors) {
    IdField field;
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return field;
    field.present = true;
    if (it->is_number_unsigned() && it->get<std::uint64_t>() > 0 && it->get<std::uint64_t>() <= 0xFFFFFFFFu) {
        field.value = static_cast<unsigned>(it->get<std::uint64_t>());
    } else if (it->is_string() && it->get_ref<const std::string&>().empty()) {
        // "" clears the field, as in Redmine's forms and API.
    } else if (it->is_string() && domain::parseId(it->get_ref<const std::string&>())) {
        field.value = domain::parseId(it->get_ref<const std::string&>());
    } else {
        errors.push_back(std::string(name) + " is not valid.");
    }
    return field;
}

IdField countField(const nlohmann::json& object, const char* name, std::vector<std::string>& errors) {
    const auto it = object.find(name);
    const bool zero = it != object.end() && ((it->is_number_unsigned() && it->get<std::uint64_t>() == 0) ||
                                             (it->is_number_integer() && it->get<std::int64_t>() == 0) ||
                                             (it->is_string() && it->get_ref<const std::string&>() == "0"));
    if (zero) return {true, 0u};
    return idField(object, name, errors);
}

std::optional<std::string> textField(const nlohmann::json& object, const char* name, std::vector<std::string>& errors) {
    const auto it = object.find(name);
    if (it == object.end()) return std::nullopt;
    if (it->is_null()) return std::string();
    if (it->is_string()) return it->get<std::string>();
    errors.push_back(std::string(name) + " must be a string.");
    return std::nullopt;
}

std::optional<bool> boolField(const nlohmann::json& object, const char* name, std::vector<std::string>& errors) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (it->is_boolean()) return it->get<bool>();
    if (it->is_number_integer() && (it->get<long>() == 0 || it->get<long>() == 1)) return it->get<long>() == 1;
    if (it->is_string()) {
        const auto& v = it->get_ref<const std::string&>();
        if (v == "true" || v == "1") return true;
        if (v == "false" || v == "0" || v.empty()) return false;
    }
    errors.push_back(std::string(name) + " must be true or false.");
    return std::nullopt;
}

} // namespace ticketflow::web::api
