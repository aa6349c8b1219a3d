// Permissions a role grants, their stored names (roles.permissions) and the Role record.
#include "core/domain/permissions.hpp"

#include <array>
#include <utility>

namespace ticketflow::domain {
namespace {

// The names are the stored form (sql/002_seed.sql); changing one needs a migration.
constexpr std::array<std::pair<Permission, std::string_view>, 14> kNames{{
    {Permission::ViewIssues, "view_issues"},
    {Permission::ViewOwnIssues, "view_own_issues"},
    {Permission::AddIssues, "add_issues"},
    {Permission::EditIssues, "edit_issues"},
    {Permission::AddNotes, "add_notes"},
    {Permission::ViewPrivateNotes, "view_private_notes"},
    {Permission::SetNotesPrivate, "set_notes_private"},
    {Permission::CopyIssues, "copy_issues"},
    {Permission::TriageIssues, "triage_issues"},
    {Permission::ManageMilestones, "manage_milestones"},
    {Permission::ViewReports, "view_reports"},
    {Permission::ViewCustomers, "view_customers"},
    {Permission::ManageCustomers, "manage_customers"},
    {Permission::DeleteIssues, "delete_issues"},
}};

bool isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

/// Calls visit(name) for every whitespace- (or comma-) separated word.
template <typename Visit>
void forEachWord(std::string_view text, Visit visit) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && isSeparator(text[pos])) ++pos;
        std::size_t end = pos;
        while (end < text.size() && !isSeparator(text[end])) ++end;
        if (end > pos) visit(text.substr(pos, end - pos));
        pos = end;
    }
}

} // namespace

const std::vector<Permission>& allPermissions() {
    static const std::vector<Permission> all = [] {
        std::vector<Permission> v;
        for (const auto& [permission, name] : kNames) v.push_back(permission);
        return v;
    }();
    return all;
}

std::optional<Permission> permissionFromName(std::string_view name) {
    for (const auto& [permission, stored] : kNames)
        if (stored == name) return permission;
    return std::nullopt;
}

std::string_view permissionName(Permission permission) {
    for (const auto& [candidate, name] : kNames)
        if (candidate == permission) return name;
    return {};
}

PermissionSet PermissionSet::parse(std::string_view spaceSeparated) {
    PermissionSet set;
    forEachWord(spaceSeparated, [&](std::string_view word) {
        if (auto permission = permissionFromName(word)) set.add(*permission);
    });
    return set;
}

std::vector<std::string> PermissionSet::unknownNames(std::string_view spaceSeparated) {
    std::vector<std::string> unknown;
    forEachWord(spaceSeparated, [&](std::string_view word) {
        if (!permissionFromName(word)) unknown.emplace_back(word);
    });
    return unknown;
}

std::uint32_t PermissionSet::bit(Permission permission) {
    return std::uint32_t{1} << static_cast<unsigned>(permission);
}

bool PermissionSet::has(Permission permission) const {
    return (_bits & bit(permission)) != 0;
}
void PermissionSet::add(Permission permission) {
    _bits |= bit(permission);
}
void PermissionSet::remove(Permission permission) {
    _bits &= ~bit(permission);
}
bool PermissionSet::empty() const {
    return _bits == 0;
}

std::string PermissionSet::toString() const {
    std::string out;
    for (const auto& [permission, name] : kNames) {
        if (!has(permission)) continue;
        if (!out.empty()) out += ' ';
        out += name;
    }
    return out;
}

} // namespace ticketflow::domain
