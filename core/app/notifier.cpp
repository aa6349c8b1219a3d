// Notification mails of a change, written into the outbox in the change's transaction.
#include "core/app/notifier.hpp"

#include "core/app/mail_ids.hpp"
#include "core/app/notification_mail.hpp"
#include "core/app/secret_links.hpp"
#include "core/domain/journal_names.hpp"
#include "core/domain/notification_recipients.hpp"
#include "core/domain/notification_subject.hpp"
#include "core/domain/text.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/notification_repository.hpp"
#include "core/storage/outbox_repository.hpp"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <stdexcept>

namespace ticketflow::app {

namespace {

constexpr const char* kTemplates[] = {"customer.txt.tpl", "customer.html.tpl", "staff.txt.tpl", "staff.html.tpl"};

std::string domainOf(const std::string& address) { return address.substr(address.rfind('@') + 1); }

/// A Message-ID from someone else's mail, fit to be quoted in References: printable ASCII
/// without spaces or angle brackets, of a sane length. Anything else is left out.
bool quotableMessageId(const std::string& id) {
    if (id.empty() || id.size() > 250 || id.find('@') == std::string::npos) return false;
    for (const char c : id) {
        if (c <= ' ' || c >= 127 || c == '<' || c == '>') return false;
    }
    return true;
}

/// Text templates leave blank lines where sections end; mails read better with at most one.
std::string tidyText(const std::string& text) {
    static const std::regex blankRuns("\n[ \t]*\n([ \t]*\n)+");
    std::string out = std::regex_replace(text, blankRuns, "\n\n");
    const auto first = out.find_first_not_of("\n ");
    const auto last = out.find_last_not_of("\n ");
    return first == std::string::npos ? std::string() : out.substr(first, last - first + 1) + "\n";
}

std::optional<domain::StaffContact> contact(const domain::Catalog& catalog, std::optional<unsigned> userId) {
    if (!userId) return std::nullopt;
    const domain::StaffUser* u = catalog.staffUser(*userId);
    if (!u) return std::nullopt;
    return domain::StaffContact{u->id, u->name, u->mail, u->active};
}

std::string actorName(const domain::Actor& actor, const std::string& customerName) {
    if (!actor.displayName.empty()) return actor.displayName;
    if (!actor.staff && !customerName.empty()) return customerName;
    return actor.login.empty() ? std::string("ticketflow") : actor.login;
}

} // namespace

Notifier::Notifier(NotifySettings settings)
    : _settings(std::move(settings)), _templates(std::make_unique<ctemplate::TemplateCache>()) {
    if (_settings.secret.size() < 32) throw std::invalid_argument("notifications need security.secret (32+ characters)");
    const std::string dir = _settings.templatesDir + "/mail";
    if (!std::filesystem::is_directory(dir)) throw std::runtime_error("mail templates folder not found: " + dir);
    _templates->SetTemplateRootDirectory(dir);
    for (const char* name : kTemplates) {
        if (!_templates->LoadTemplate(name, ctemplate::DO_NOT_STRIP))
            throw std::runtime_error("mail template missing or broken: " + dir + "/" + name);
    }
    _templates->Freeze();
}

Notifier::~Notifier() = default;

std::string Notifier::render(const std::string& name, const void* dict) const {
    std::string out;
    if (!_templates->ExpandWithData(name, ctemplate::DO_NOT_STRIP,
                                    static_cast<const ctemplate::TemplateDictionary*>(dict), nullptr, &out)) {
        throw std::runtime_error("mail template failed: " + name);
    }
    return out;
}

std::size_t Notifier::issueChanged(storage::Connection& db, const domain::Catalog& catalog,
                                   const domain::Actor& actor, const IssueChange& change) const {
    if (!_settings.enabled) return 0;
    std::size_t sent = write(db, catalog, actor, change, Mode::Change, nullptr);
    // An internal bug copied from support issues closed: support hears of it (DESIGN §2, §4).
    const domain::Project* project = catalog.project(change.issue.projectId);
    const domain::Status* status = catalog.status(change.issue.statusId);
    const bool closedNow =
        change.journalId && status && status->closed &&
        std::any_of(change.details.begin(), change.details.end(), [&](const domain::JournalDetail& d) {
            if (d.property != "attr" || d.key != "status_id" || !d.oldValue) return false;
            const auto before = domain::parseId(*d.oldValue);
            const domain::Status* old = before ? catalog.status(*before) : nullptr;
            return !old || !old->closed;
        });
    if (!closedNow || !project || project->customerFacing) return sent;
    storage::IssueRepository issues(db);
    for (const unsigned supportId : storage::NotificationRepository(db).copiedFrom(change.issue.id)) {
        const auto support = issues.find(supportId);
        if (!support) continue;
        IssueChange about;
        about.issue = *support;
        about.journalId = change.journalId;
        sent += write(db, catalog, actor, about, Mode::InternalFixed, &change.issue);
    }
    return sent;
}

std::size_t Notifier::write(storage::Connection& db, const domain::Catalog& catalog, const domain::Actor& actor,
                            const IssueChange& change, Mode mode, const domain::Issue* internal) const {
    const bool fixedInternally = mode == Mode::InternalFixed;
    const domain::Issue& issue = change.issue;
    const domain::Project* project = catalog.project(issue.projectId);
    if (!project) return 0;
    const auto audience =
        change.audience ? *change.audience : storage::NotificationRepository(db).audience(issue.id, issue.customerId);

    using domain::NotificationEvent;
    domain::NotificationContext context;
    if (fixedInternally) {
        context.event = NotificationEvent::InternalFixed;
    } else if (!change.journalId) {
        context.event = NotificationEvent::IssueCreated;
    } else {
        context.event = domain::changeEvent(!change.privateNote && !change.note.empty(),
                                            !change.privateNote && !change.files.empty(), change.details);
    }
    context.customerFacing = project->customerFacing;
    context.customerMail = audience.customerMail;
    context.customerName = audience.customerName;
    context.actorIsCustomer = !actor.staff;
    if (actor.userId) context.actorUserId = actor.userId;
    context.author = contact(catalog, issue.authorId);
    context.assignee = contact(catalog, issue.assigneeId);
    if (!fixedInternally) {
        for (const unsigned id : audience.watcherIds) {
            if (auto c = contact(catalog, id)) context.watchers.push_back(*c);
        }
    }
    context.catchallAddress = project->catchallAddress;
    auto recipients = domain::notificationRecipients(context);
    if (mode == Mode::LinkOnly) {
        std::erase_if(recipients, [](const auto& r) { return r.kind != domain::RecipientKind::Customer; });
    }
    if (recipients.empty()) return 0;

    const std::string from = project->supportAddress.empty() ? _settings.fromAddress : project->supportAddress;
    const std::string subject = domain::notificationSubject(project->name, catalog.trackerName(issue.trackerId),
                                                            issue.id, catalog.statusName(issue.statusId),
                                                            issue.subject);
    std::vector<std::string> references;
    if (quotableMessageId(change.inReplyTo)) references.push_back(change.inReplyTo);
    references.push_back(issueThreadId(_settings.secret, domainOf(from), issue.id));

    // The two versions of the mail, each filled once and sent to everyone of its kind.
    std::optional<std::string> customerText, customerHtml, staffText, staffHtml;
    const auto fill = [&](ctemplate::TemplateDictionary& d, bool customer) {
        d.SetIntValue("ISSUE_ID", static_cast<long>(issue.id));
        d.SetValue("TRACKER", catalog.trackerName(issue.trackerId));
        d.SetValue("PROJECT", project->name);
        d.SetValue("SUBJECT", issue.subject);
        d.SetValue("STATUS", catalog.statusName(issue.statusId));
        d.SetValue("CUSTOMER_NAME", audience.customerName.empty() ? std::string("there") : audience.customerName);
        d.SetValue("ACTOR", actorName(actor, audience.customerName));
        if (fixedInternally && internal) {
            auto* f = d.AddSectionDictionary("FIXED");
            f->SetIntValue("INTERNAL_ID", static_cast<long>(internal->id));
            f->SetValue("INTERNAL_TRACKER", catalog.trackerName(internal->trackerId));
            f->SetValue("INTERNAL_SUBJECT", internal->subject);
            f->SetValue("INTERNAL_URL", _settings.baseUrl + "/issues/" + std::to_string(internal->id));
            const std::string milestone = internal->milestoneId ? catalog.milestoneName(*internal->milestoneId) : "";
            if (!milestone.empty()) f->SetValueAndShowSection("MILESTONE", milestone, "HAS_MILESTONE");
            return;
        }
        if (mode == Mode::LinkOnly) {
            d.ShowSection("LINK_AGAIN");
            return;
        }
        if (!change.journalId) {
            auto* c = d.AddSectionDictionary("CREATED");
            c->SetValue("DESCRIPTION", issue.description);
            if (!customer) c->ShowSection("STAFF");
            return;
        }
        auto* c = d.AddSectionDictionary("CHANGED");
        for (const auto& detail : change.details) {
            if (customer && domain::staffOnlyDetail(detail)) continue;
            c->SetValueAndShowSection("TEXT", domain::describeDetail(domain::namedDetail(catalog, detail)), "DETAIL");
        }
        const bool showNote = !change.note.empty() && (!customer || !change.privateNote);
        if (showNote) {
            auto* n = c->AddSectionDictionary("NOTE");
            n->SetValue("TEXT", change.note);
            if (change.privateNote) n->ShowSection("PRIVATE");
        }
        if (!customer || !change.privateNote) {
            for (const auto& file : change.files) c->SetValueAndShowSection("NAME", file, "FILE");
        }
    };
    const auto versions = [&](bool customer, const std::string& link, std::optional<std::string>& text,
                              std::optional<std::string>& html) {
        if (text) return;
        ctemplate::TemplateDictionary d("mail");
        fill(d, customer);
        d.SetValue("URL", link);
        text = tidyText(render(customer ? "customer.txt.tpl" : "staff.txt.tpl", &d));
        html = render(customer ? "customer.html.tpl" : "staff.html.tpl", &d);
    };

    std::vector<storage::OutgoingMail> rows;
    for (const auto& r : recipients) {
        const bool customer = r.kind == domain::RecipientKind::Customer;
        if (customer) {
            // A new issue has no link yet: make one without asking for it first.
            SecretLinks links(db, _settings.secret);
            const bool fresh = mode == Mode::Change && !change.journalId;
            const std::string token = fresh ? links.renew(issue.id) : links.tokenFor(issue.id);
            versions(true, _settings.baseUrl + "/t/" + token, customerText, customerHtml);
        } else {
            versions(false, _settings.baseUrl + "/issues/" + std::to_string(issue.id), staffText, staffHtml);
        }
        NotificationMail mail;
        mail.fromName = _settings.fromName;
        mail.fromAddress = from;
        mail.replyTo = from;
        mail.toName = r.name;
        mail.toAddress = r.address;
        mail.subject = subject;
        mail.messageId = issueMessageId(_settings.secret, domainOf(from), issue.id);
        mail.references = references;
        mail.loopHeader = _settings.loopHeader;
        mail.text = customer ? *customerText : *staffText;
        mail.html = customer ? *customerHtml : *staffHtml;
        storage::OutgoingMail row;
        row.issueId = issue.id;
        row.journalId = change.journalId;
        row.messageId = mail.messageId;
        row.recipients = {r.address};
        row.subject = subject;
        try {
            row.message = composeNotification(mail);
        } catch (const std::invalid_argument&) {
            continue; // an address the CRM let through that no MTA would take: nobody to mail there
        }
        rows.push_back(std::move(row));
    }
    storage::OutboxRepository(db).enqueueAll(rows);
    return rows.size();
}

bool Notifier::sendLink(storage::Connection& db, const domain::Catalog& catalog, const domain::Issue& issue,
                        bool renew) const {
    const domain::Project* project = catalog.project(issue.projectId);
    const auto audience = storage::NotificationRepository(db).audience(issue.id, issue.customerId);
    if (!domain::hasCustomerSide(project, issue) || !audience.customerMail || audience.customerMail->empty()) return false;
    if (renew) SecretLinks(db, _settings.secret).renew(issue.id);
    IssueChange change;
    change.issue = issue;
    domain::Actor system;
    system.staff = true;
    return write(db, catalog, system, change, Mode::LinkOnly, nullptr) > 0;
}

} // namespace ticketflow::app
