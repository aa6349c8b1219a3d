// Customer (CRM record): its fields, the rules for editing and merging them, search-term escaping.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

constexpr std::size_t kMaxCustomerNameCharacters = 255; // customers.name VARCHAR(255)
constexpr std::size_t kMaxEmailLength = 254;            // customers.email VARCHAR(254), RFC 5321 path limit
constexpr std::size_t kMaxCustomerSearchLength = 100;   // characters of a search term

/// A row of `customers`.
struct Customer {
    unsigned id = 0;
    std::string name;
    std::optional<std::string> email; ///< NULL for customers known only by phone
    std::string organisation, phone, notes;
    std::string createdAt; ///< UTC DATETIME
};

/// What the edit form (or a new-issue form) sets. A blank email means "none" (NULL).
struct CustomerFields {
    std::string name, email, organisation, phone, notes;
};

/// Fields trimmed (notes keep inner line breaks). Never throws except std::bad_alloc.
CustomerFields normalizeCustomer(CustomerFields fields);

/// User-facing sentences for everything wrong with `fields` (normalized first); empty when they
/// may be stored. Name required, at most 255 characters, one line; email blank or valid
/// (isValidEmail); organisation and phone one line; all valid UTF-8. Uniqueness of the email
/// is the caller's to check (it needs the database). Never throws except std::bad_alloc.
std::vector<std::string> validateCustomer(const CustomerFields& fields);

/// A deliberately plain address check, enough to catch typos without rejecting real addresses:
/// local@domain, at most 254 characters, local part 1..64 printable ASCII characters without
/// spaces, quotes, brackets or a leading, trailing or double dot; domain of at least two dot-
/// separated labels of letters, digits and inner hyphens. Quoted local parts and non-ASCII
/// addresses are refused. Never throws.
bool isValidEmail(std::string_view email);

/// An address from the configuration (a sender, a support address): isValidEmail's local
/// part, and a domain that may be a single label ("ticketflow@localhost" on a test host).
/// Never throws.
bool isValidSenderAddress(std::string_view address);

/// `term` with LIKE's wildcards % and _ and the escape character \ escaped by a backslash
/// (MariaDB's default LIKE escape), wrapped in % for a contains-match: "50%_off" ->
/// "%50\%\_off%". Never throws except std::bad_alloc.
std::string likeContainsPattern(std::string_view term);

/// Why `duplicateId` may not be merged into `keepId`, or "" when it may: both must exist and
/// differ. Never throws except std::bad_alloc.
std::string mergeRefusal(unsigned duplicateId, bool duplicateExists, unsigned keepId, bool keepExists);

/// The kept customer after a merge: its own values win; an empty field (no email, no
/// organisation, no phone) takes the duplicate's; notes of both are kept, the duplicate's
/// after the kept one's (only the kept notes when both would not fit the column). Never throws
/// except std::bad_alloc.
Customer mergedCustomer(const Customer& keep, const Customer& duplicate);

} // namespace ticketflow::domain
