// Permissions a role grants, their stored names (roles.permissions) and the Role record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// What a role may do in a project. Stored by name (see permissionName), never by number,
/// so the enum may be reordered or extended freely.
enum class Permission {
    ViewIssues,    // every issue of the project
    ViewOwnIssues, // customers: their own issues; staff: issues they wrote or are assigned
    AddIssues,
    EditIssues,
    AddNotes,
    ViewPrivateNotes,
    SetNotesPrivate,
    CopyIssues,   // copy a support issue into the internal project
    TriageIssues, // the gatekeeper panel
    ManageMilestones,
    ViewReports,
    ViewCustomers,
    ManageCustomers,
    DeleteIssues, // not granted by the default roles: admins only, as a safe default
};

/// Every permission, in enum order (for admin forms and tests).
const std::vector<Permission>& allPermissions();

/// "view_issues" -> ViewIssues, ...; exact, case-sensitive; nullopt for unknown names. Never throws.
std::optional<Permission> permissionFromName(std::string_view name);

/// The stored name, e.g. "view_private_notes". Never throws.
std::string_view permissionName(Permission permission);

/// A set of permissions, as held by one role.
class PermissionSet {
public:
    /// Parses roles.permissions: names separated by whitespace (commas tolerated). Unknown
    /// names are ignored so an older binary keeps working against a newer database; see
    /// unknownNames for admin forms. Never throws except std::bad_alloc.
    static PermissionSet parse(std::string_view spaceSeparated);

    /// The names in `spaceSeparated` that are not permissions (for a form error message).
    static std::vector<std::string> unknownNames(std::string_view spaceSeparated);

    bool has(Permission permission) const;
    void add(Permission permission);
    void remove(Permission permission);
    bool empty() const;

    /// Names in enum order separated by single spaces; parse(toString()) == *this.
    std::string toString() const;

    bool operator==(const PermissionSet&) const = default;

private:
    static std::uint32_t bit(Permission permission);
    std::uint32_t _bits = 0;
};

/// A role as stored in `roles`.
struct Role {
    unsigned id = 0;
    std::string name;
    PermissionSet permissions;
};

} // namespace ticketflow::domain
