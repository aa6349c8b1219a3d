// What an administrator may enter for the reference data.
#include "core/domain/reference_data_rules.hpp"

#include "core/domain/customer.hpp"
#include "core/domain/permissions.hpp"
#include "core/domain/text.hpp"

namespace ticketflow::domain {

namespace {

constexpr int kMaxPosition = 100000;

bool oneLine(std::string_view text, std::size_t maxBytes) {
    return !trim(text).empty() && text.size() <= maxBytes && isValidUtf8(text) && !hasControlCharacters(text);
}

void checkName(std::vector<std::string>& errors, std::string_view name, std::size_t maxBytes) {
    if (!oneLine(name, maxBytes)) {
        errors.push_back("Name must be one line of 1 to " + std::to_string(maxBytes) + " characters.");
    }
}

void checkPosition(std::vector<std::string>& errors, int position) {
    if (position < 0 || position > kMaxPosition) errors.emplace_back("Position must be a number from 0 to 100000.");
}

void checkAddress(std::vector<std::string>& errors, const std::string& address, const char* label) {
    if (!address.empty() && !isValidEmail(address)) errors.push_back(std::string(label) + " is not a valid address.");
}

} // namespace

bool isValidProjectIdentifier(std::string_view identifier) {
    if (identifier.empty() || identifier.size() > 64 || identifier == "new") return false;
    if (identifier.front() < 'a' || identifier.front() > 'z') return false;
    for (char c : identifier) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::vector<std::string> validateProjectFields(const ProjectFields& f, bool checkIdentifier) {
    std::vector<std::string> errors;
    if (checkIdentifier && !isValidProjectIdentifier(f.identifier)) {
        errors.emplace_back("Identifier must be 1 to 64 lower-case letters, digits, - or _, starting with a letter "
                            "(and not \"new\").");
    }
    checkName(errors, f.name, 255);
    if (f.description.size() > 65535 || !isValidUtf8(f.description)) {
        errors.emplace_back("Description must be valid text of at most 65,535 bytes.");
    }
    checkAddress(errors, f.supportAddress, "Support address");
    checkAddress(errors, f.catchallAddress, "Catch-all address");
    checkPosition(errors, f.position);
    if (f.trackerIds.empty()) errors.emplace_back("Choose at least one tracker.");
    return errors;
}

std::vector<std::string> validateTrackerFields(const TrackerFields& f) {
    std::vector<std::string> errors;
    checkName(errors, f.name, 64);
    checkPosition(errors, f.position);
    if (f.defaultStatusId == 0) errors.emplace_back("Choose the default status of new issues.");
    return errors;
}

std::vector<std::string> validateStatusFields(const StatusFields& f) {
    std::vector<std::string> errors;
    checkName(errors, f.name, 64);
    checkPosition(errors, f.position);
    if (f.closed && f.isNew) errors.emplace_back("A status cannot be both new and closed.");
    return errors;
}

std::vector<std::string> validatePriorityFields(const PriorityFields& f) {
    std::vector<std::string> errors;
    checkName(errors, f.name, 64);
    checkPosition(errors, f.position);
    return errors;
}

std::vector<std::string> validateRoleFields(const RoleFields& f) {
    std::vector<std::string> errors;
    checkName(errors, f.name, 64);
    checkPosition(errors, f.position);
    for (const auto& name : f.permissions) {
        if (!permissionFromName(name)) errors.push_back("Unknown permission \"" + name + "\".");
    }
    return errors;
}

} // namespace ticketflow::domain
