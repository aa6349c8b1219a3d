// What an administrator may enter for a user account.
#include "core/domain/user_rules.hpp"

#include "core/domain/customer.hpp"
#include "core/domain/text.hpp"

namespace ticketflow::domain {

namespace {

bool validLogin(std::string_view login) {
    if (login.empty() || login.size() > 64) return false;
    for (char c : login) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                        c == '.' || c == '@' || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool validName(std::string_view name) {
    return name.size() <= 64 && isValidUtf8(name) && !hasControlCharacters(name);
}

} // namespace

std::vector<std::string> validateUserFields(const UserFields& f, bool checkLogin) {
    std::vector<std::string> errors;
    if (checkLogin && !validLogin(f.login)) {
        errors.emplace_back("Login may hold letters, digits and _.@- (1 to 64 characters).");
    }
    if (!validName(f.firstname)) errors.emplace_back("First name must be one line of at most 64 characters.");
    if (!validName(f.lastname)) errors.emplace_back("Last name must be one line of at most 64 characters.");
    if (!f.mail.empty() && !isValidEmail(f.mail)) errors.emplace_back("Email is not a valid address.");
    if (!f.password.empty() && (f.password.size() < kMinPasswordLength || f.password.size() > 1024)) {
        errors.emplace_back("The password must have at least 8 characters.");
    }
    return errors;
}

} // namespace ticketflow::domain
