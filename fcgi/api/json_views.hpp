// Redmine-shaped JSON documents of issues, journals and the reference data.
#pragma once
#include "core/domain/actor.hpp"
#include "core/domain/catalog.hpp"
#include "core/domain/issue.hpp"
#include "core/domain/relation.hpp"
#include "fcgi/api/json_io.hpp"

namespace ticketflow::web::api {

/// {"id": 1, "name": "…"}
Json named(unsigned id, const std::string& name);
/// The issue's own fields (no includes). Staff also see the customer and the customer's
/// priority/assignee hints under ticketflow's own keys.
Json issueJson(const domain::Issue& issue, const domain::Catalog& catalog, const domain::Actor& actor);
Json journalJson(const domain::Journal& journal, const domain::Catalog& catalog);
Json projectJson(const domain::Project& project);
Json statusJson(const domain::Status& status);
/// {"id", "issue_id", "issue_to_id", "relation_type", "delay"} (defined in api_relations.cpp).
Json relationJson(const domain::Relation& relation);
/// The issue's files the caller may download, Redmine's attachment documents (api_uploads.cpp).
Json attachmentsJson(RequestContext& ctx, const domain::Issue& issue);
/// The issue's relations whose other issue the caller may see (api_relations.cpp).
Json visibleRelationsJson(RequestContext& ctx, unsigned issueId);

} // namespace ticketflow::web::api
