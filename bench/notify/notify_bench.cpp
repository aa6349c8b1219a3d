// ticketflow-notify-bench CONFIG [CHANGES]: what notification mails add to a change. On the
// (migrated, empty) database of CONFIG it makes a support issue whose public note goes to five
// recipients — the customer, the author, the assignee, a watcher and the project's catch-all
// address — then times CHANGES public notes through IssueService, every other one with the
// notifier and the rest without (interleaved, so drift and noise hit both alike), and prints
// the median and 90th percentile of each and their difference.
#include "core/app/app_config.hpp"
#include "core/app/crypto.hpp"
#include "core/app/issue_service.hpp"
#include "core/app/notifier.hpp"
#include "core/domain/actor.hpp"
#include "core/storage/catalog_repository.hpp"
#include "core/storage/customer_repository.hpp"
#include "core/storage/issue_repository.hpp"
#include "core/storage/user_repository.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ticketflow;

namespace {

domain::Actor staff(const domain::Catalog& catalog, unsigned id) {
    domain::Actor a;
    a.userId = id;
    a.staff = true;
    a.roles = catalog.rolesOf(id);
    return a;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

long count(storage::Connection& db, const std::string& sql) {
    auto& ps = db.prepare(sql);
    return db.run([&] {
        std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
        rs->next();
        return static_cast<long>(rs->getInt64(1));
    });
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: ticketflow-notify-bench CONFIG [CHANGES]\n";
        return 64;
    }
    const int changes = argc > 2 ? std::stoi(argv[2]) : 2000;
    app::initCrypto();
    const auto config = app::loadConfig(argv[1]);
    storage::Connection db(config.db);
    storage::UserRepository users(db);
    std::vector<unsigned> ids;
    for (const char* login : {"author", "assignee", "watcher", "actor"}) {
        ids.push_back(users.create({login, login, "Bench", std::string(login) + "@vendor.example", "", false, false}));
        if (!users.addMembership(ids.back(), "psprosupport", "Support")) throw std::runtime_error("membership");
    }
    db.execute("UPDATE projects SET support_address = 'support@vendor.example',"
               " catchall_address = 'all@vendor.example' WHERE identifier = 'psprosupport'");
    const auto catalog = storage::CatalogRepository(db).load();
    const unsigned customer = storage::CustomerRepository(db).insert({"Carla Customer", "carla@customer.example", "", "", ""});

    const app::Notifier notifier(config.notify);
    domain::IssueDraft draft;
    draft.projectId = catalog.projectByIdentifier("psprosupport")->id;
    draft.trackerId = catalog.project(draft.projectId)->trackerIds.front();
    draft.subject = "Printing crashes on invoices";
    draft.description = "Since 2.1.0 the invoice printout is empty.";
    draft.customerId = customer;
    draft.assigneeId = ids[1];
    const auto created = app::IssueService(db, catalog).create(staff(catalog, ids[0]), draft);
    if (created.outcome != app::Outcome::Ok) throw std::runtime_error("the issue was refused");
    db.execute("INSERT INTO watchers (issue_id, user_id) VALUES (" + std::to_string(created.issueId) + ", " +
               std::to_string(ids[2]) + ")");

    const auto actor = staff(catalog, ids[3]);
    std::vector<double> with, without;
    storage::IssueRepository issues(db);
    for (int i = 0; i < changes; ++i) {
        const bool notify = i % 2 == 0;
        app::IssueService service(db, catalog, nullptr, notify ? &notifier : nullptr);
        app::IssueEdit edit;
        edit.lockVersion = issues.find(created.issueId)->lockVersion;
        edit.note = "We are looking into it (" + std::to_string(i) + "). The invoice template loads its fonts late.";
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = service.update(actor, created.issueId, edit);
        const auto t1 = std::chrono::steady_clock::now();
        if (r.outcome != app::Outcome::Ok) throw std::runtime_error("a change was refused");
        (notify ? with : without).push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    const long mails = count(db, "SELECT COUNT(*) FROM outbox");
    std::printf("changes: %d (%zu with notifications, %zu without); mails written: %ld (%.1f per change)\n", changes,
                with.size(), without.size(), mails, static_cast<double>(mails) / static_cast<double>(with.size()));
    std::printf("without notifications: median %.3f ms, p90 %.3f ms\n", percentile(without, 0.5),
                percentile(without, 0.9));
    std::printf("with notifications:    median %.3f ms, p90 %.3f ms\n", percentile(with, 0.5), percentile(with, 0.9));
    std::printf("added by notifications: median %.3f ms, p90 %.3f ms (target: <= 2 ms for 5 recipients)\n",
                percentile(with, 0.5) - percentile(without, 0.5), percentile(with, 0.9) - percentile(without, 0.9));
    return 0;
}
