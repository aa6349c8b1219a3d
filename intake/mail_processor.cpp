// Processing stored mail into issues and notes.
#include "intake/mail_processor.hpp"

#include "core/app/auth_service.hpp"
#include "core/app/issue_service.hpp"
#include "core/app/mail_ids.hpp"
#include "core/domain/customer.hpp"
#include "core/domain/mail_guards.hpp"
#include "core/domain/mail_lanes.hpp"
#include "core/domain/mail_threading.hpp"
#include "core/domain/text.hpp"
#include "core/mail/mail_parser.hpp"
#include "core/storage/customer_repository.hpp"
#include "core/storage/issue_repository.hpp"

#include "core/storage/storage_error.hpp"

#include <algorithm>
#include <exception>
#include <iostream>
#include <thread>

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

/// Runs f(lane) for every lane at once, lane 0 on this thread.
template <class F>
void runLanes(std::size_t lanes, F&& f) {
    std::vector<std::thread> threads;
    for (std::size_t lane = 1; lane < lanes; ++lane) threads.emplace_back([&f, lane] { f(lane); });
    f(0);
    for (auto& t : threads) t.join();
}

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += (out.empty() ? "" : " ") + e;
    return out;
}

} // namespace

/// A stored message with what the parser made of it.
struct MailProcessor::Parsed {
    const storage::RawMail* mail = nullptr;
    domain::InboundMessage msg;
};

std::size_t MailProcessor::processWaiting(unsigned limit) {
    storage::InboundMailRepository inbox(_db);
    if (!inbox.tryLock(kProcessLock)) return 0;
    constexpr unsigned kChunk = 100; // messages read at once, bytes included
    std::size_t done = 0;
    try {
        while (done < limit) {
            const auto chunk = inbox.waiting(std::min<unsigned>(kChunk, limit - static_cast<unsigned>(done)));
            processChunk(chunk);
            done += chunk.size();
            if (chunk.size() < kChunk) break;
        }
    } catch (...) {
        try {
            inbox.unlock(kProcessLock);
        } catch (const storage::StorageError&) {
            // the connection is gone, and the lock with it
        }
        throw;
    }
    inbox.unlock(kProcessLock);
    return done;
}

void MailProcessor::processChunk(const std::vector<storage::RawMail>& chunk) {
    const auto dbs = laneConnections(std::max<std::size_t>(1, std::min<std::size_t>(_settings.lanes, chunk.size())));
    const std::size_t lanes = dbs.size();
    std::vector<Parsed> parsed(chunk.size());
    // Each lane parses every lanes-th message; then the lanes take their senders' messages.
    runLanes(lanes, [&](std::size_t lane) {
        for (std::size_t i = lane; i < chunk.size(); i += lanes) {
            parsed[i].mail = &chunk[i];
            parsed[i].msg = mail::parseMessage(chunk[i].raw, _settings.mail);
        }
    });
    std::vector<domain::MailLaneKey> keys;
    keys.reserve(parsed.size());
    for (const auto& p : parsed) keys.push_back({domain::asciiLower(p.msg.from.address), p.msg.messageId});
    const auto laneOf = domain::assignMailLanes(keys, lanes);
    std::vector<std::vector<const Parsed*>> work(lanes);
    for (std::size_t i = 0; i < parsed.size(); ++i) work[laneOf[i]].push_back(&parsed[i]);
    std::vector<std::exception_ptr> errors(lanes);
    runLanes(lanes, [&](std::size_t lane) {
        try {
            processLane(*dbs[lane], work[lane]);
        } catch (...) {
            errors[lane] = std::current_exception();
        }
    });
    for (std::size_t lane = 1; lane < lanes; ++lane) {
        if (errors[lane]) _laneDbs[lane - 1].reset(); // lost: reconnect next time
    }
    for (const auto& e : errors) {
        if (e) std::rethrow_exception(e);
    }
}

void MailProcessor::processLane(storage::Connection& db, const std::vector<const Parsed*>& work) {
    // Runs of messages without files share one transaction: one commit for up to kBatch
    // messages. Files are written before their rows, so a message with files goes alone, as
    // does every message of a batch that could not be committed whole.
    constexpr std::size_t kBatch = 20;
    for (std::size_t i = 0; i < work.size();) {
        std::size_t end = i;
        while (end < work.size() && end - i < kBatch && work[end]->msg.attachments.empty()) ++end;
        if (end - i >= 2 && processBatch(db, work, i, end)) {
            i = end;
            continue;
        }
        for (end = std::max(end, i + 1); i < end; ++i) processAlone(db, *work[i]);
    }
}

bool MailProcessor::processBatch(storage::Connection& db, const std::vector<const Parsed*>& work, std::size_t begin,
                                 std::size_t end) {
    try {
        storage::BatchTransaction batch(db);
        for (std::size_t i = begin; i < end; ++i) process(db, *work[i]->mail, work[i]->msg);
        return batch.commit();
    } catch (const storage::StorageError& e) {
        if (e.connectionLost()) throw;
        return false; // rolled back; each message again on its own
    } catch (const std::exception&) {
        return false;
    }
}

void MailProcessor::processAlone(storage::Connection& db, const Parsed& p) {
    // Side by side, two changes can deadlock in InnoDB; the loser's transaction was rolled
    // back whole, so the message is simply processed again.
    for (int attempt = 1;; ++attempt) {
        try {
            process(db, *p.mail, p.msg);
            return;
        } catch (const storage::StorageError& e) {
            if (e.connectionLost()) throw;
            if (e.deadlock() && attempt < 3) continue;
            markFailed(db, p.mail->id, e.what());
            return;
        } catch (const std::exception& e) {
            markFailed(db, p.mail->id, e.what());
            return;
        }
    }
}

std::vector<storage::Connection*> MailProcessor::laneConnections(std::size_t wanted) {
    std::vector<storage::Connection*> dbs{&_db};
    if (_laneDbs.size() < wanted - 1) _laneDbs.resize(wanted - 1);
    for (std::size_t lane = 1; lane < wanted; ++lane) {
        auto& db = _laneDbs[lane - 1];
        try {
            if (!db) db = std::make_unique<storage::Connection>(_settings.laneDb);
        } catch (const storage::StorageError& e) {
            // No connection for another lane (max_connections, say): fewer lanes, not no mail.
            std::cerr << "ticketflow-mail: processing in " << lane << " lane(s): " << e.what() << "\n";
            break;
        }
        dbs.push_back(db.get());
    }
    return dbs;
}

void MailProcessor::markFailed(storage::Connection& db, std::uint64_t id, const std::string& why) {
    // A message that breaks processing must not block the queue: it waits, failed, for an admin.
    storage::MailOutcome out;
    out.state = "failed";
    out.reason = "processing failed: " + why;
    storage::InboundMailRepository(db).finish(id, out);
}

storage::MailOutcome MailProcessor::processOne(std::uint64_t id) {
    const auto stored = storage::InboundMailRepository(_db).load(id);
    if (!stored || stored->state != "received") {
        storage::MailOutcome out;
        out.state = stored ? stored->state : "missing";
        return out;
    }
    return process(_db, *stored, mail::parseMessage(stored->raw, _settings.mail));
}

storage::MailOutcome MailProcessor::process(storage::Connection& db, const storage::RawMail& mail,
                                            const domain::InboundMessage& msg) {
    storage::InboundMailRepository inbox(db);
    storage::MailOutcome out;
    const std::uint64_t id = mail.id;
    const auto* stored = &mail;
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
    const auto user = seen.userId ? storage::UserRepository(db).findById(*seen.userId) : std::nullopt;
    const bool staffSender = user && user->kind == "staff" && user->status == "active";
    storage::CustomerRepository customers(db);
    std::optional<domain::Customer> customer;
    if (seen.customerId) customer = domain::Customer{*seen.customerId, seen.customerName, out.sender, "", "", "", ""};

    // Which issue it answers: our signed Message-IDs first, then the subject tag; the sender
    // must be that issue's customer or a staff member who may add notes to it.
    storage::IssueRepository issues(db);
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

    app::IssueService service(db, _catalog, _settings.store, _settings.notifier);
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
            edit.note = boundedText(domain::isBlank(msg.replyText) ? msg.text : msg.replyText, kMaxDescriptionBytes) +
                        skippedNote;
            edit.attachments = uploads;
            if (!actor.staff) edit.reopenTo = _catalog.statusIdNamed(intake.reopenStatus);
            if (domain::isBlank(edit.note) && uploads.empty()) return finish("ignored", "an empty reply");
            const auto r = service.update(actor, target->id, edit); // to the issue as it is now
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
