// Processing stored mail into issues and notes.
#include "intake/mail_processor.hpp"

#include "core/app/auth_service.hpp"
#include "core/app/issue_service.hpp"
#include "core/app/mail_ids.hpp"
#include "core/domain/customer.hpp"
#include "core/domain/mail_guards.hpp"
#include "core/domain/mail_threading.hpp"
#include "core/domain/text.hpp"
#include "core/mail/mail_parser.hpp"
#include "core/storage/customer_repository.hpp"
#include "core/storage/issue_repository.hpp"

#include "core/storage/storage_error.hpp"

#include <algorithm>

namespace ticketflow::intake {

namespace {

constexpr const char* kProcessLock = "ticketflow.intake.process";
constexpr std::size_t kMaxDescriptionBytes = 60'000; // below the issue's 65,535 with room for the notice

/// Thrown inside the change's transaction when another processor finished the message first.
struct AlreadyFinished {};

const char* stateOf(domain::MailVerdictState verdict) {
    switch (verdict) {
        case domain::MailVerdictState::ignore:
            return "ignored";
        case domain::MailVerdictState::spam:
            return "spam";
        case domain::MailVerdictState::reject:
            return "rejected";
        case domain::MailVerdictState::accept:
            break;
    }
    return "processed";
}

/// Text cut to `maxBytes` at a character boundary, with a line saying so.
std::string boundedText(const std::string& text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "\n\n[The mail was longer; the rest is in the stored message.]";
}

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += (out.empty() ? "" : " ") + e;
    return out;
}

} // namespace

std::size_t MailProcessor::processWaiting(unsigned limit) {
    storage::InboundMailRepository inbox(_db);
    if (!inbox.tryLock(kProcessLock)) return 0;
    constexpr unsigned kChunk = 50; // messages read at once, bytes included
    std::size_t done = 0;
    try {
        while (done < limit) {
            const auto chunk = inbox.waiting(std::min<unsigned>(kChunk, limit - static_cast<unsigned>(done)));
            for (const auto& mail : chunk) {
                try {
                    process(mail);
                } catch (const storage::StorageError& e) {
                    if (e.connectionLost()) throw;
                    markFailed(mail.id, e.what());
                } catch (const std::exception& e) {
                    markFailed(mail.id, e.what());
                }
                ++done;
            }
            if (chunk.size() < kChunk) break;
        }
    } catch (...) {
        inbox.unlock(kProcessLock);
        throw;
    }
    inbox.unlock(kProcessLock);
    return done;
}

void MailProcessor::markFailed(std::uint64_t id, const std::string& why) {
    // A message that breaks processing must not block the queue: it waits, failed, for an admin.
    storage::MailOutcome out;
    out.state = "failed";
    out.reason = "processing failed: " + why;
    storage::InboundMailRepository(_db).finish(id, out);
}

storage::MailOutcome MailProcessor::processOne(std::uint64_t id) {
    const auto stored = storage::InboundMailRepository(_db).load(id);
    if (!stored || stored->state != "received") {
        storage::MailOutcome out;
        out.state = stored ? stored->state : "missing";
        return out;
    }
    return process(*stored);
}

storage::MailOutcome MailProcessor::process(const storage::RawMail& mail) {
    storage::InboundMailRepository inbox(_db);
    storage::MailOutcome out;
    const std::uint64_t id = mail.id;
    const auto* stored = &mail;
    const domain::InboundMessage msg = mail::parseMessage(stored->raw, _settings.mail);
    out.messageId = msg.messageId;
    out.sender = domain::asciiLower(msg.from.address);
    out.subject = msg.subject;
    const auto finish = [&](const char* state, std::string reason) {
        out.state = state;
        out.reason = std::move(reason);
        inbox.finish(id, out);
        return out;
    };
    // An admin's release overrides the guards (spam, automatic mail), never the parser's limits.
    const bool heldBack = msg.verdict.state == domain::MailVerdictState::ignore ||
                          msg.verdict.state == domain::MailVerdictState::spam;
    if (msg.verdict.state != domain::MailVerdictState::accept && !(stored->released && heldBack)) {
        return finish(stateOf(msg.verdict.state), msg.verdict.reason);
    }

    const IntakeConfig& intake = *_settings.intake;
    const MailboxConfig* box = intake.mailbox(stored->mailbox);
    const domain::Project* project = box ? _catalog.projectByIdentifier(box->project) : nullptr;
    if (!project) {
        return finish("failed", "mailbox \"" + stored->mailbox + "\" is not configured with an existing project");
    }
    if (out.sender.empty() || !domain::isValidEmail(out.sender)) return finish("rejected", "no valid sender address");
    if (domain::isBlockedSender(intake.blocked, out.sender) && !stored->released) return finish("rejected", "the sender is blocked");
    const auto seen = inbox.senderHistory(msg.messageId, out.sender, id, 60);
    if (seen.sameMessageId) {
        return finish("ignored", "the same Message-ID as message " + std::to_string(*seen.sameMessageId));
    }
    if (!stored->released && seen.recentFromSender >= static_cast<long>(intake.maxPerSenderHour)) {
        return finish("rejected", "more than " + std::to_string(intake.maxPerSenderHour) +
                                      " messages from this sender within an hour");
    }

    // Who wrote it: an active staff member, else a customer (created on first contact).
    const auto user = seen.userId ? storage::UserRepository(_db).findById(*seen.userId) : std::nullopt;
    const bool staffSender = user && user->kind == "staff" && user->status == "active";
    storage::CustomerRepository customers(_db);
    std::optional<domain::Customer> customer;
    if (seen.customerId) customer = domain::Customer{*seen.customerId, seen.customerName, out.sender, "", "", "", ""};

    // Which issue it answers: our signed Message-IDs first, then the subject tag; the sender
    // must be that issue's customer or a staff member who may add notes to it.
    storage::IssueRepository issues(_db);
    std::optional<domain::Issue> target;
    std::vector<std::string> ids = msg.references;
    if (!msg.inReplyTo.empty()) ids.push_back(msg.inReplyTo);
    for (auto it = ids.rbegin(); it != ids.rend() && !target; ++it) {
        if (const auto issueId = app::issueOfMessageId(_settings.secret, *it)) target = issues.find(*issueId);
    }
    if (!target) {
        if (const auto tagged = domain::subjectIssueTag(msg.subject)) target = issues.find(*tagged);
    }
    domain::Actor actor;
    if (target) {
        if (staffSender && domain::canAddNote(app::actorOf(*user, _catalog), target->ref())) {
            actor = app::actorOf(*user, _catalog);
        } else if (customer && target->customerId == customer->id) {
            actor = domain::mailCustomerActor(customer->id, target->projectId, customer->name);
        } else {
            target.reset(); // someone else's issue: a new issue, nothing added to that one
        }
    }

    std::vector<app::Upload> uploads;
    std::string skipped;
    const std::size_t maxFiles = _settings.store ? _settings.store->limits().maxFiles : 0;
    for (const auto& a : msg.attachments) {
        if (uploads.size() < maxFiles && a.data.size() <= _settings.store->limits().maxFileBytes && !a.data.empty()) {
            uploads.push_back({a.filename, a.data});
        } else {
            skipped += (skipped.empty() ? "" : ", ") + a.filename;
        }
    }
    const std::string skippedNote = skipped.empty() ? "" : "\n\n[Not attached (over the limits): " + skipped + "]";

    app::IssueService service(_db, _catalog, _settings.store, _settings.notifier);
    service.alsoInTransaction([&](storage::Connection&, unsigned issueId, std::optional<unsigned> journalId) {
        out.state = "processed";
        out.reason.clear();
        out.issueId = issueId;
        out.journalId = journalId;
        if (!inbox.finish(id, out)) throw AlreadyFinished{};
    });
    try {
        if (target) {
            app::IssueEdit edit;
            edit.lockVersion = target->lockVersion;
            edit.note = boundedText(domain::isBlank(msg.replyText) ? msg.text : msg.replyText, kMaxDescriptionBytes) +
                        skippedNote;
            edit.attachments = uploads;
            if (!actor.staff) edit.reopenTo = _catalog.statusIdNamed(intake.reopenStatus);
            if (domain::isBlank(edit.note) && uploads.empty()) return finish("ignored", "an empty reply");
            auto r = service.update(actor, target->id, edit);
            if (r.outcome == app::Outcome::Conflict && r.current) { // changed meanwhile: once more
                edit.lockVersion = r.current->lockVersion;
                r = service.update(actor, target->id, edit);
            }
            if (r.outcome != app::Outcome::Ok) return finish("failed", "the note was refused: " + joined(r.errors));
            return out;
        }
        if (!customer) {
            domain::CustomerFields fields;
            fields.name = domain::truncateUtf8(msg.from.name.empty() ? out.sender : msg.from.name, 255);
            fields.email = out.sender;
            try {
                customer = domain::Customer{customers.insert(fields), fields.name, fields.email, "", "", "", ""};
            } catch (const storage::StorageError& e) {
                if (!e.duplicateKey()) throw;
                customer = customers.findByEmail(out.sender); // created meanwhile by a parallel delivery
            }
            if (!customer) return finish("failed", "the sender's customer record could not be made");
        }
        domain::IssueDraft draft;
        draft.projectId = project->id;
        draft.trackerId = _catalog.mailTrackerId(project->id).value_or(0);
        draft.subject = domain::truncateUtf8(domain::isBlank(msg.subject) ? "(no subject)" : msg.subject, 255);
        draft.description = boundedText(msg.text, kMaxDescriptionBytes) + skippedNote;
        draft.customerId = customer->id;
        draft.source = "email";
        service.replyingTo(msg.messageId);
        service.knownCustomer(customer->name, customer->email);
        const auto r = service.create(domain::mailCustomerActor(customer->id, project->id, customer->name), draft, uploads);
        if (r.outcome != app::Outcome::Ok) return finish("failed", "the issue was refused: " + joined(r.errors));
        return out;
    } catch (const AlreadyFinished&) {
        out.state = "processed";
        out.reason = "finished by another processor";
        return out;
    }
}

} // namespace ticketflow::intake
