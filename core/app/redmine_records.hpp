// Records read from Redmine's REST API (JSON), as plain structs: what the importer maps.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ticketflow::app::redmine {

/// Timestamps are UTC "YYYY-MM-DD HH:MM:SS" (ready for a DATETIME column), dates
/// "YYYY-MM-DD"; both "" when Redmine sent none.

struct Named {
    unsigned id = 0;
    std::string name;
};

struct Status {
    unsigned id = 0;
    std::string name;
    bool closed = false;
};

struct Tracker {
    unsigned id = 0;
    std::string name;
    std::optional<unsigned> defaultStatusId;
};

struct Priority {
    unsigned id = 0;
    std::string name;
    bool isDefault = false;
};

struct Project {
    unsigned id = 0;
    std::string identifier, name, description;
    std::optional<unsigned> parentId;
    int status = 1; ///< 1 active, 5 closed, 9 archived
    bool isPublic = true;
    std::vector<unsigned> trackerIds; ///< with include=trackers
    std::size_t customValues = 0;     ///< custom fields with a value (not imported)
    std::string createdOn, digest;
};

struct User {
    unsigned id = 0;
    std::string login, firstname, lastname, mail;
    bool admin = false;
    int status = 1; ///< 1 active, 2 registered (not activated), 3 locked
    std::string createdOn, lastLoginOn, digest;
};

struct Version {
    unsigned id = 0, projectId = 0;
    std::string name, description, status, dueDate, sharing, createdOn, digest;
};

struct Membership {
    unsigned projectId = 0;
    std::optional<unsigned> userId; ///< none: a group's membership
    std::vector<std::string> roleNames;
};

struct Detail {
    std::string property, name; ///< property: attr, cf, attachment, relation
    std::optional<std::string> oldValue, newValue;
};

struct Journal {
    unsigned id = 0;
    std::optional<unsigned> userId;
    std::string notes;
    bool privateNotes = false;
    std::string createdOn;
    std::vector<Detail> details;
};

struct Attachment {
    unsigned id = 0;
    std::string filename, contentType, description, contentUrl, createdOn;
    std::uint64_t filesize = 0;
    std::optional<unsigned> authorId;
};

/// As Redmine stores it: relates, duplicates, blocks, precedes or copied_to, from issueId.
struct Relation {
    unsigned id = 0, issueId = 0, issueToId = 0;
    std::string type;
    std::optional<int> delay;
};

struct Issue {
    unsigned id = 0, projectId = 0, trackerId = 0, statusId = 0, priorityId = 0;
    std::optional<unsigned> authorId, assigneeId, versionId, categoryId, parentId;
    std::string subject, description;
    std::string startDate, dueDate;
    int doneRatio = 0;
    std::optional<double> estimatedHours;
    bool isPrivate = false;
    std::size_t customValues = 0;
    std::string createdOn, updatedOn, closedOn;
    /// With include=journals,attachments,relations,watchers (the issue's own page).
    std::vector<Journal> journals;
    std::vector<Attachment> attachments;
    std::vector<Relation> relations;
    std::vector<unsigned> watcherIds;
    /// Of the list entry (every field, no includes): any change in Redmine moves updated_on
    /// and with it this digest.
    std::string digest;
};

/// "2024-03-01T10:20:30Z" (or with an offset, "+01:00") -> "2024-03-01 09:20:30" in UTC;
/// "" for null, "" or a value that is not such a timestamp. Never throws.
std::string utcTimestamp(const std::string& iso);

/// Parsers of one JSON object each. They take what the importer uses and ignore the rest;
/// a missing or null field reads as empty. Throw std::runtime_error naming the field when
/// an id the record cannot do without (its own, an issue's project) is missing.
Status parseStatus(const nlohmann::json& j);
Tracker parseTracker(const nlohmann::json& j);
Priority parsePriority(const nlohmann::json& j);
Project parseProject(const nlohmann::json& j);
User parseUser(const nlohmann::json& j);
Version parseVersion(const nlohmann::json& j);
Membership parseMembership(const nlohmann::json& j);
Journal parseJournal(const nlohmann::json& j);
Attachment parseAttachment(const nlohmann::json& j);
Relation parseRelation(const nlohmann::json& j);
/// An issue of a list (no includes) or of its own page (with them).
Issue parseIssue(const nlohmann::json& j);

/// SHA-256 (hex) of the object as JSON with its keys sorted: the same record gives the same
/// digest whatever order Redmine wrote the keys in.
std::string digestOf(const nlohmann::json& j);

} // namespace ticketflow::app::redmine
