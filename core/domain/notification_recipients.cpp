// Who is mailed about a change of an issue (DESIGN §4).
#include "core/domain/notification_recipients.hpp"

#include "core/domain/text.hpp"

#include <algorithm>

namespace ticketflow::domain {

namespace {

bool customerIsTold(const NotificationContext& c) {
    if (!c.customerFacing || !c.customerMail || c.customerMail->empty()) return false;
    switch (c.event) {
        case NotificationEvent::IssueCreated:
            return true; // the confirmation, also when the customer wrote it
        case NotificationEvent::PublicChange:
            return !c.actorIsCustomer; // their own reply is not mailed back to them
        case NotificationEvent::PrivateChange:
        case NotificationEvent::InternalFixed:
            break;
    }
    return false;
}

} // namespace

bool hasCustomerSide(const Project* project, const Issue& issue) {
    return project && project->customerFacing && issue.customerId.has_value();
}

NotificationEvent changeEvent(bool publicNote, bool publicFiles, const std::vector<JournalDetail>& details) {
    if (publicNote || publicFiles) return NotificationEvent::PublicChange;
    for (const auto& d : details) {
        if (d.property == "attr" && (d.key == "status_id" || d.key == "subject" || d.key == "description"))
            return NotificationEvent::PublicChange;
    }
    return NotificationEvent::PrivateChange;
}

std::vector<NotificationRecipient> notificationRecipients(const NotificationContext& c) {
    std::vector<NotificationRecipient> out;
    const auto add = [&](RecipientKind kind, const std::string& address, const std::string& name) {
        if (address.empty()) return;
        const std::string key = asciiLower(address);
        for (const auto& r : out)
            if (asciiLower(r.address) == key) return;
        out.push_back({kind, address, name});
    };
    if (customerIsTold(c)) add(RecipientKind::Customer, *c.customerMail, c.customerName);
    std::vector<const StaffContact*> staff;
    if (c.author) staff.push_back(&*c.author);
    if (c.assignee) staff.push_back(&*c.assignee);
    for (const auto& w : c.watchers) staff.push_back(&w);
    for (const StaffContact* s : staff) {
        if (!s->active || (c.actorUserId && *c.actorUserId == s->userId)) continue;
        add(RecipientKind::Staff, s->mail, s->name);
    }
    add(RecipientKind::Catchall, c.catchallAddress, "");
    return out;
}

} // namespace ticketflow::domain
