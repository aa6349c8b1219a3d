// Issue relations: the stored direction and the reading from either side.
#include "core/domain/relation.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace ticketflow::domain {

namespace {

// Each pair is (stored type, its reading from the other issue).
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kPairs{{
    {"relates", "relates"},
    {"duplicates", "duplicated"},
    {"blocks", "blocked"},
    {"precedes", "follows"},
    {"copied_to", "copied_from"},
}};

} // namespace

std::optional<Relation> normalizeRelation(unsigned issueId, unsigned otherId, std::string_view type) {
    for (const auto& [stored, inverse] : kPairs) {
        if (type == stored) return Relation{0, issueId, otherId, std::string(stored)};
        if (type == inverse) return Relation{0, otherId, issueId, std::string(stored)};
    }
    return std::nullopt;
}

std::string relationTypeFrom(const Relation& relation, unsigned issueId) {
    if (relation.fromId == issueId) return relation.type;
    for (const auto& [stored, inverse] : kPairs) {
        if (relation.type == stored) return std::string(inverse);
    }
    return relation.type;
}

unsigned otherIssue(const Relation& relation, unsigned issueId) {
    return relation.fromId == issueId ? relation.toId : relation.fromId;
}

const std::vector<std::string>& relationTypes() {
    static const std::vector<std::string> types = [] {
        std::vector<std::string> v;
        for (const auto& [stored, inverse] : kPairs) {
            v.emplace_back(stored);
            if (inverse != stored) v.emplace_back(inverse);
        }
        return v;
    }();
    return types;
}

std::vector<std::string> validateRelation(unsigned issueId, unsigned otherId, std::string_view type) {
    std::vector<std::string> errors;
    if (!normalizeRelation(issueId, otherId, type)) {
        std::string list;
        for (const auto& t : relationTypes()) list += (list.empty() ? "" : ", ") + t;
        errors.push_back("Relation type must be one of " + list + ".");
    }
    if (otherId == 0) errors.push_back("Related issue cannot be blank.");
    else if (issueId == otherId) errors.push_back("An issue cannot be related to itself.");
    return errors;
}

} // namespace ticketflow::domain
