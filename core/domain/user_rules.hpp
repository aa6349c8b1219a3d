// What an administrator may enter for a user account (no I/O).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

struct UserFields {
    std::string login, firstname, lastname, mail;
    std::string password; ///< empty: no change (edit) / no password yet (new)
};

inline constexpr std::size_t kMinPasswordLength = 8;

/// Sentences for what is wrong: login 1–64 of letters, digits and _.@- (only checked when
/// `checkLogin`, it cannot change later), names one line ≤ 64 characters, mail empty or a
/// valid address (isValidEmail), a password of at least 8 and at most 1024 bytes.
std::vector<std::string> validateUserFields(const UserFields& fields, bool checkLogin);

} // namespace ticketflow::domain
