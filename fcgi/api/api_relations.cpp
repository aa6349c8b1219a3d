// /issues/:id/relations.json and /relations/:id.json: Redmine's relation API.
#include "fcgi/api/api_handlers.hpp"

#include "core/app/relation_service.hpp"
#include "core/domain/issue_access.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/relation_repository.hpp"
#include "fcgi/api/json_views.hpp"

namespace ticketflow::web::api {

namespace {

const char* const kNoIssue = "The issue does not exist or you may not see it.";

std::optional<domain::Issue> visibleIssue(RequestContext& ctx, std::optional<unsigned> id) {
    auto issue = id ? storage::IssueRepository(ctx.db).find(*id) : std::nullopt;
    if (!issue || !domain::canViewIssue(ctx.actor(), issue->ref())) return std::nullopt;
    return issue;
}

} // namespace

Json relationJson(const domain::Relation& r) {
    Json j;
    j["id"] = r.id;
    j["issue_id"] = r.fromId;
    j["issue_to_id"] = r.toId;
    j["relation_type"] = r.type;
    j["delay"] = nullptr;
    return j;
}

Json visibleRelationsJson(RequestContext& ctx, unsigned issueId) {
    Json out = Json::array();
    storage::IssueRepository issues(ctx.db);
    for (const auto& r : storage::RelationRepository(ctx.db).forIssue(issueId)) {
        const auto other = issues.find(domain::otherIssue(r, issueId));
        if (other && domain::canViewIssue(ctx.actor(), other->ref())) out.push_back(relationJson(r));
    }
    return out;
}

void relationsIndex(RequestContext& ctx) {
    const auto issue = visibleIssue(ctx, parseId(ctx.req.params["id"]));
    if (!issue) return respondError(ctx, 404, kNoIssue);
    respondJson(ctx, 200, Json{{"relations", visibleRelationsJson(ctx, issue->id)}});
}

void relationCreate(RequestContext& ctx) {
    const auto issueId = parseId(ctx.req.params["id"]);
    if (!visibleIssue(ctx, issueId)) return respondError(ctx, 404, kNoIssue);
    const auto body = readBody(ctx, "relation");
    if (!body) return;
    std::vector<std::string> errors;
    const auto other = idField(*body, "issue_to_id", errors);
    const std::string type = textField(*body, "relation_type", errors).value_or("relates");
    if (!errors.empty()) return respondErrors(ctx, 422, errors);
    const auto result =
        app::RelationService(ctx.db, ctx.catalog).add(ctx.actor(), *issueId, other.value.value_or(0), type);
    switch (result.outcome) {
        case app::Outcome::Ok:
            return respondJson(ctx, 201, Json{{"relation", relationJson(result.relation)}});
        case app::Outcome::NotFound:
            return respondError(ctx, 404, kNoIssue);
        case app::Outcome::Forbidden:
            return respondErrors(ctx, 403, result.errors);
        default:
            return respondErrors(ctx, 422, result.errors);
    }
}

void relationShow(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    const auto r = id ? app::RelationService(ctx.db, ctx.catalog).find(ctx.actor(), *id) : std::nullopt;
    if (!r) return respondError(ctx, 404, "No such relation.");
    respondJson(ctx, 200, Json{{"relation", relationJson(*r)}});
}

void relationDestroy(RequestContext& ctx) {
    const auto id = parseId(ctx.req.params["id"]);
    switch (id ? app::RelationService(ctx.db, ctx.catalog).remove(ctx.actor(), *id) : app::Outcome::NotFound) {
        case app::Outcome::Ok:
            return respondNoContent(ctx);
        case app::Outcome::Forbidden:
            return respondError(ctx, 403, "You may not change relations of these issues.");
        default:
            return respondError(ctx, 404, "No such relation.");
    }
}

} // namespace ticketflow::web::api
