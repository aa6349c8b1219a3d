// GET /queries.json: the saved issue queries the caller may see, in Redmine's format
// ({"queries":[{"id","name","is_public","project_id"}],"total_count","offset","limit"}).
#include "fcgi/api/api_handlers.hpp"

#include "core/app/query_service.hpp"
#include "fcgi/api/json_io.hpp"

#include <algorithm>

namespace ticketflow::web::api {

namespace {

constexpr unsigned kDefaultLimit = 25, kMaxLimit = 100;

/// A paging parameter: a whole number; anything else counts as absent (Redmine ignores junk).
std::optional<unsigned> wholeNumber(const std::string* text) {
    if (!text) return std::nullopt;
    if (*text == "0") return 0u;
    return parseId(*text);
}

} // namespace

void queriesIndex(RequestContext& ctx) {
    const auto queries = app::QueryService(ctx.db).allVisible(ctx.actor());
    const unsigned limit = std::clamp(wholeNumber(ctx.req.queryValue("limit")).value_or(kDefaultLimit), 1u, kMaxLimit);
    const unsigned offset =
        std::min(wholeNumber(ctx.req.queryValue("offset")).value_or(0), static_cast<unsigned>(queries.size()));
    Json list = Json::array();
    for (std::size_t i = offset; i < queries.size() && i < std::size_t{offset} + limit; ++i) {
        const auto& q = queries[i];
        Json j;
        j["id"] = q.id;
        j["name"] = q.name;
        j["is_public"] = q.isPublic;
        j["project_id"] = q.projectId ? Json(*q.projectId) : Json(nullptr);
        list.push_back(std::move(j));
    }
    respondJson(
        ctx, 200,
        Json{{"queries", std::move(list)}, {"total_count", queries.size()}, {"offset", offset}, {"limit", limit}});
}

} // namespace ticketflow::web::api
