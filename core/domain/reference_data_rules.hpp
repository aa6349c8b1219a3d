// What an administrator may enter for the reference data: projects, trackers, issue statuses,
// priorities and roles (no I/O; whether referenced ids exist is the use case's check).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

struct ProjectFields {
    std::string identifier; ///< fixed once created (it is in every URL)
    std::string name, description, supportAddress, catchallAddress;
    bool customerFacing = false;
    int position = 0;
    std::vector<unsigned> trackerIds;
};

struct TrackerFields {
    std::string name;
    int position = 0;
    unsigned defaultStatusId = 0;
    std::optional<unsigned> assignableRoleId; ///< none: every staff member of the project
};

struct StatusFields {
    std::string name;
    int position = 0;
    bool closed = false, isNew = false;
};

struct PriorityFields {
    std::string name;
    int position = 0;
    bool isDefault = false;
};

struct RoleFields {
    std::string name;
    int position = 0;
    std::vector<std::string> permissions; ///< stored names, e.g. "view_issues"
};

/// Redmine's rule: 1–64 of a-z 0-9 - _, starting with a letter, and not a word the URLs
/// use ("new"). Never throws.
bool isValidProjectIdentifier(std::string_view identifier);

/// Sentences for what is wrong with each kind of record; empty when it may be saved.
/// Names are one line of valid UTF-8 (projects: ≤255 characters, the rest ≤64); addresses
/// empty or valid; positions 0–100000. Never throw except std::bad_alloc.
std::vector<std::string> validateProjectFields(const ProjectFields& fields, bool checkIdentifier);
std::vector<std::string> validateTrackerFields(const TrackerFields& fields);
std::vector<std::string> validateStatusFields(const StatusFields& fields);
std::vector<std::string> validatePriorityFields(const PriorityFields& fields);
/// Also refuses unknown permission names (a tampered form).
std::vector<std::string> validateRoleFields(const RoleFields& fields);

} // namespace ticketflow::domain
