// Issue relations as Redmine has them: types, their inverse reading, and validation (no I/O).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// A stored relation: always in its canonical direction (see normalizeRelation).
struct Relation {
    unsigned id = 0, fromId = 0, toId = 0;
    std::string type; // relates, duplicates, blocks, precedes, copied_to
};

/// A relation as asked for, e.g. "#5 duplicated #9", turned into the stored direction:
/// duplicated -> duplicates, blocked -> blocks, follows -> precedes, copied_from ->
/// copied_to, each with the two issues swapped. nullopt for an unknown type.
std::optional<Relation> normalizeRelation(unsigned issueId, unsigned otherId, std::string_view type);

/// The type as read from `issueId`'s side: a stored "#5 blocks #9" reads "blocks" on #5 and
/// "blocked" on #9. Relates reads the same from both sides.
std::string relationTypeFrom(const Relation& relation, unsigned issueId);
/// The other issue of the relation, seen from `issueId`.
unsigned otherIssue(const Relation& relation, unsigned issueId);

/// Every type a client may send (both directions).
const std::vector<std::string>& relationTypes();

/// User-facing sentences for what is wrong: unknown type, an issue related to itself.
std::vector<std::string> validateRelation(unsigned issueId, unsigned otherId, std::string_view type);

} // namespace ticketflow::domain
