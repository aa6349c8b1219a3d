// JSON in and out for the REST API: Redmine's content type, status codes and error bodies.
#pragma once
#include "fcgi/request_context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::web::api {

/// Output keeps insertion order, so documents read like Redmine's.
using Json = nlohmann::ordered_json;

void respondJson(RequestContext& ctx, int status, const Json& body);
/// {"errors": [...]} with `status` (422 for validation errors, as Redmine).
void respondErrors(RequestContext& ctx, int status, const std::vector<std::string>& errors);
void respondError(RequestContext& ctx, int status, const std::string& error);
/// 204 No Content (Redmine's answer to PUT and DELETE).
void respondNoContent(RequestContext& ctx);

/// The object under `root` in the JSON body ({"issue": {...}}). On a missing or malformed
/// body, a wrong content type or a missing root, answers 400/415/422 and returns nullopt.
std::optional<nlohmann::json> readBody(RequestContext& ctx, const char* root);

/// The whole JSON body as an object (Redmine's watcher call has no root): same answers as
/// readBody on a bad body.
std::optional<nlohmann::json> readJsonObject(RequestContext& ctx);

/// "2026-11-26T19:41:00Z" from a UTC DATETIME string ("2026-11-26 19:41:00").
std::string isoTime(const std::string& datetime);

/// A field that must be an id: a non-negative integer or a string of digits ("12"), like
/// Redmine's params. Absent or null: nullopt with `present` false. Anything else adds
/// "NAME is not valid." to `errors`.
struct IdField {
    bool present = false;
    std::optional<unsigned> value;
};
IdField idField(const nlohmann::json& object, const char* name, std::vector<std::string>& errors);
/// A non-negative whole number (lock_version: 0 is a value); same rules as idField otherwise.
IdField countField(const nlohmann::json& object, const char* name, std::vector<std::string>& errors);
/// A string field (numbers are not strings); absent: nullopt; wrong type adds an error.
std::optional<std::string> textField(const nlohmann::json& object, const char* name, std::vector<std::string>& errors);
/// A boolean field; also accepts "true"/"false"/"1"/"0" and 1/0 as Redmine does.
std::optional<bool> boolField(const nlohmann::json& object, const char* name, std::vector<std::string>& errors);

} // namespace ticketflow::web::api
