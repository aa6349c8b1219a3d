// Customer (CRM record): its fields, the rules for editing and merging them, search-term escaping.
#include "core/domain/customer.hpp"

#include "core/domain/text.hpp"

namespace ticketflow::domain {
namespace {

constexpr std::size_t kMaxOrganisationCharacters = 255; // customers.organisation
constexpr std::size_t kMaxPhoneCharacters = 64;         // customers.phone
constexpr std::size_t kMaxNotesBytes = 65'535;          // customers.notes TEXT

/// One-line text field: valid UTF-8, no control characters, at most `max` characters.
void checkLine(std::string_view value, const char* label, std::size_t max, std::vector<std::string>& errors) {
    if (!isValidUtf8(value)) {
        errors.push_back(std::string(label) + " is not valid UTF-8 text.");
        return;
    }
    if (hasControlCharacters(value)) errors.push_back(std::string(label) + " cannot contain line breaks.");
    if (utf8Length(value) > max)
        errors.push_back(std::string(label) + " is too long (maximum is " + std::to_string(max) + " characters).");
}

bool isLabelCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

bool isValidDomain(std::string_view domain, std::size_t minLabels = 2) {
    if (domain.empty() || domain.size() > 253) return false;
    const auto labels = split(domain, '.');
    if (labels.size() < minLabels) return false; // "localhost" is a typo in a customer's address
    for (const std::string_view label : labels) {
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (const char c : label)
            if (!isLabelCharacter(c)) return false;
    }
    return true;
}

bool isValidLocalPart(std::string_view local) {
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
    if (local.find("..") != std::string_view::npos) return false;
    for (const char c : local) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F) return false; // spaces, controls and non-ASCII
        if (std::string_view("\"(),:;<>@[\\]").find(c) != std::string_view::npos) return false;
    }
    return true;
}

} // namespace

CustomerFields normalizeCustomer(CustomerFields fields) {
    fields.name = std::string(trim(fields.name));
    fields.email = std::string(trim(fields.email));
    fields.organisation = std::string(trim(fields.organisation));
    fields.phone = std::string(trim(fields.phone));
    if (isBlank(fields.notes)) fields.notes.clear();
    return fields;
}

std::vector<std::string> validateCustomer(const CustomerFields& raw) {
    const CustomerFields fields = normalizeCustomer(raw);
    std::vector<std::string> errors;
    if (fields.name.empty())
        errors.emplace_back("Name cannot be blank.");
    else
        checkLine(fields.name, "Name", kMaxCustomerNameCharacters, errors);
    if (!fields.email.empty() && !isValidEmail(fields.email)) errors.emplace_back("Email is not a valid address.");
    checkLine(fields.organisation, "Organisation", kMaxOrganisationCharacters, errors);
    checkLine(fields.phone, "Phone", kMaxPhoneCharacters, errors);
    if (fields.notes.size() > kMaxNotesBytes) errors.emplace_back("Notes are too long (maximum is 65,535 bytes).");
    if (!isValidUtf8(fields.notes))
        errors.emplace_back("Notes are not valid UTF-8 text.");
    else if (hasControlCharacters(fields.notes, /*allowLineBreaks=*/true))
        errors.emplace_back("Notes cannot contain control characters.");
    return errors;
}

bool isValidSenderAddress(std::string_view address) {
    const auto at = address.rfind('@');
    if (address.size() > kMaxEmailLength || at == std::string_view::npos) return false;
    return isValidLocalPart(address.substr(0, at)) && isValidDomain(address.substr(at + 1), 1);
}

bool isValidEmail(std::string_view email) {
    if (email.size() > kMaxEmailLength) return false;
    const auto at = email.rfind('@');
    if (at == std::string_view::npos) return false;
    return isValidLocalPart(email.substr(0, at)) && isValidDomain(email.substr(at + 1));
}

std::string likeContainsPattern(std::string_view term) {
    std::string pattern = "%";
    for (const char c : term) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    pattern += '%';
    return pattern;
}

std::string mergeRefusal(unsigned duplicateId, bool duplicateExists, unsigned keepId, bool keepExists) {
    if (duplicateId == keepId) return "A customer cannot be merged into itself.";
    if (!duplicateExists) return "No such customer to merge.";
    if (!keepExists) return "No customer #" + std::to_string(keepId) + " to merge into.";
    return {};
}

Customer mergedCustomer(const Customer& keep, const Customer& duplicate) {
    Customer merged = keep;
    if (!merged.email || merged.email->empty()) merged.email = duplicate.email;
    if (merged.organisation.empty()) merged.organisation = duplicate.organisation;
    if (merged.phone.empty()) merged.phone = duplicate.phone;
    if (merged.notes.empty())
        merged.notes = duplicate.notes;
    else if (!duplicate.notes.empty() && duplicate.notes != merged.notes &&
             merged.notes.size() + 2 + duplicate.notes.size() <= kMaxNotesBytes)
        merged.notes += "\n\n" + duplicate.notes; // too long for the column: the kept notes win
    return merged;
}

} // namespace ticketflow::domain
