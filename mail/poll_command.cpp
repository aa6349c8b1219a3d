// `ticketflow-mail poll`: fetch every configured mailbox and process what arrived, every
// [intake] poll_seconds, as a Poco ServerApplication (foreground, or --daemon with --pidfile;
// SIGTERM and SIGINT end it after the current round). `--once` does one round, for cron;
// with --fetch-only, --process-only or --send-only only that part (for measuring, for repairs,
// and for a host that only sends).
#include "core/app/config_values.hpp"
#include "core/storage/inbound_mail_repository.hpp"
#include "core/storage/storage_error.hpp"
#include "mail/deliver_server.hpp"
#include "mail/intake_runtime.hpp"
#include "mail/mail_commands.hpp"

#include <Poco/Event.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/ServerApplication.h>

#include <atomic>
#include <iostream>
#include <thread>

namespace ticketflow::mail_tool {

namespace {

/// Rounds until stopped; a lost database waits for the next round instead of ending the poller.
/// Between rounds, mail that `deliver` stored is processed, and the outbox sent, within a second.
void pollLoop(const IntakeRuntime& runtime, std::atomic<bool>& stop, Poco::Event& wake, std::ostream& log) {
    std::unique_ptr<storage::Connection> db;
    const auto guarded = [&](Round round) {
        try {
            if (round == Round::ProcessAndSend) {
                // No reconnecting every second while the database is away: the next round does.
                if (!db) return;
                if (storage::InboundMailRepository(*db).countNew() == 0) {
                    sendOutbox(runtime, *db, log); // what changes in the web wrote meanwhile
                    return;
                }
            }
            if (!db) db = std::make_unique<storage::Connection>(runtime.app.db);
            runRound(runtime, *db, log, round);
        } catch (const storage::StorageError& e) {
            log << "ticketflow-mail: database: " << e.what() << "; trying again next round\n";
            db.reset();
        } catch (const std::exception& e) {
            log << "ticketflow-mail: " << e.what() << "\n";
        }
        log.flush();
    };
    while (!stop) {
        guarded(Round::All);
        for (int second = 0; second < runtime.intake.pollSeconds && !stop; ++second) {
            if (wake.tryWait(1000)) break;
            guarded(Round::ProcessAndSend);
        }
    }
}

class PollApp : public Poco::Util::ServerApplication {
public:
    explicit PollApp(std::string configPath) : _configPath(std::move(configPath)) {}

protected:
    int main(const std::vector<std::string>&) override {
        IntakeRuntime runtime;
        try {
            runtime = IntakeRuntime::load(_configPath);
        } catch (const std::exception& e) {
            std::cerr << "ticketflow-mail: " << e.what() << "\n";
            return kExitConfig;
        }
        std::cerr << "ticketflow-mail: polling " << runtime.intake.mailboxes.size() << " mailbox(es) every "
                  << runtime.intake.pollSeconds << " s\n";
        std::unique_ptr<DeliverServer> deliveries;
        if (!runtime.intake.deliverSocket.empty()) {
            try {
                deliveries = std::make_unique<DeliverServer>(runtime, std::cerr);
            } catch (const Poco::Exception& e) {
                std::cerr << "ticketflow-mail: cannot listen on [intake] deliver_socket: " << e.displayText() << "\n";
                return kExitConfig;
            } catch (const std::exception& e) {
                std::cerr << "ticketflow-mail: cannot listen on [intake] deliver_socket: " << e.what() << "\n";
                return kExitConfig;
            }
        }
        std::atomic<bool> stop{false};
        Poco::Event wake;
        std::thread worker([&] { pollLoop(runtime, stop, wake, std::cerr); });
        std::thread deliverer([&] {
            if (deliveries) deliveries->run(stop);
        });
        waitForTerminationRequest();
        stop = true;
        wake.set();
        worker.join();
        deliverer.join();
        std::cerr << "ticketflow-mail: stopped\n";
        return kExitOk;
    }

private:
    std::string _configPath;
};

} // namespace

int runPoll(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string configPath;
    bool once = false;
    Round round = Round::All;
    std::vector<std::string> serverArgs{"ticketflow-mail"};
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--config" && i + 1 < args.size()) {
            configPath = args[++i];
        } else if (args[i] == "--once") {
            once = true;
        } else if (args[i] == "--fetch-only") {
            round = Round::FetchOnly;
        } else if (args[i] == "--process-only") {
            round = Round::ProcessOnly;
        } else if (args[i] == "--send-only") {
            round = Round::SendOnly;
        } else if (args[i] == "--daemon" || args[i].rfind("--pidfile=", 0) == 0 || args[i].rfind("--umask=", 0) == 0) {
            serverArgs.push_back(args[i]); // ServerApplication's own options
        } else {
            throw UsageError("poll takes [--config FILE] [--once [--fetch-only | --process-only | --send-only]] "
                             "[--daemon --pidfile=FILE]");
        }
    }
    configPath = app::configPathFrom(configPath);
    if (round != Round::All && !once)
        throw UsageError("--fetch-only, --process-only and --send-only go with --once");
    if (!once) {
        PollApp app(configPath);
        std::vector<char*> argv;
        for (auto& a : serverArgs) argv.push_back(a.data());
        return app.run(static_cast<int>(argv.size()), argv.data());
    }
    IntakeRuntime runtime;
    try {
        runtime = IntakeRuntime::load(configPath);
    } catch (const std::exception& e) {
        err << "ticketflow-mail: " << e.what() << "\n";
        return kExitConfig;
    }
    try {
        storage::Connection db(runtime.app.db);
        const bool ok = runRound(runtime, db, err, round);
        out.flush();
        return ok ? kExitOk : kExitSoftware;
    } catch (const storage::StorageError& e) {
        err << "ticketflow-mail: database: " << e.what() << "\n";
        return kExitTempFail;
    }
}

} // namespace ticketflow::mail_tool
