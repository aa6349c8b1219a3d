// Who is mailed about a change of an issue (DESIGN §4): the customer, the staff concerned and
// the project's catch-all address. Pure: the caller gathers the people, this decides.
#pragma once
#include "core/domain/catalog.hpp"
#include "core/domain/issue.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ticketflow::domain {

enum class NotificationEvent {
    IssueCreated,  ///< customer: confirmation with the secret link
    PublicChange,  ///< a public note, a status change, any change a customer may see
    PrivateChange, ///< only a private note or fields customers never see
    InternalFixed, ///< an internal issue copied from a support issue closed: mail about the support issue
};

struct StaffContact {
    unsigned userId = 0;
    std::string name;
    std::string mail; ///< empty: none
    bool active = true;
};

struct NotificationContext {
    NotificationEvent event = NotificationEvent::PublicChange;
    bool customerFacing = false;           ///< the project (internal projects never mail customers)
    std::optional<std::string> customerMail; ///< the issue's customer, when there is one with an address
    std::string customerName;
    bool actorIsCustomer = false;          ///< the change was the customer's own (web, mail, secret page)
    std::optional<unsigned> actorUserId;   ///< the staff member who made the change
    std::optional<StaffContact> author, assignee;
    std::vector<StaffContact> watchers;
    std::string catchallAddress;           ///< the project's; empty: none
};

/// Whether the issue has a customer side: a customer, in a project that faces customers. Only
/// then is its customer mailed and does a secret link open it (DESIGN §4, §5).
bool hasCustomerSide(const Project* project, const Issue& issue);

/// What an edit of an issue is to its customer: PublicChange when it carries a public note or
/// public files, or changes what the customer sees of the issue (status, subject, description);
/// PrivateChange otherwise (assignee, priority, milestone, tracker, checklist, private notes).
NotificationEvent changeEvent(bool publicNote, bool publicFiles, const std::vector<JournalDetail>& details);

enum class RecipientKind {
    Customer, ///< the customer's mail: public content only, the secret link
    Staff,    ///< a staff member: everything, with the link to the issue page
    Catchall, ///< the project's catch-all address: the staff mail
};

struct NotificationRecipient {
    RecipientKind kind = RecipientKind::Staff;
    std::string address;
    std::string name;
    bool operator==(const NotificationRecipient&) const = default;
};

/// The recipients of one change, each address once (compared without case; the customer's
/// mail wins over a staff one at the same address, so private text never reaches it): the
/// customer for a created issue and for public changes made by others, never in an internal
/// project; assignee, author and watchers who are active and have an address, not the actor
/// (for InternalFixed the context holds the support issue's author and assignee); the catch-all
/// address always. Customers come first, then staff in the order author, assignee, watchers.
std::vector<NotificationRecipient> notificationRecipients(const NotificationContext& context);

} // namespace ticketflow::domain
