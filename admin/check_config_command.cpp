// ticketflow-admin check-config: is this installation ready to run?
#include "admin/check_config_command.hpp"

#include "core/app/mail_config.hpp"
#include "core/app/notifier.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/migrator.hpp"
#include "intake/mailbox_config.hpp"
#include "intake/smtp_config.hpp"

#include <Poco/Exception.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>

namespace ticketflow::admin {

namespace {

namespace fs = std::filesystem;

/// Writes and removes a file in `folder` (made if missing): the one proof that the running
/// user may write there.
void requireWritable(const fs::path& folder) {
    fs::create_directories(folder);
    const fs::path probe = folder / ".ticketflow-check-config";
    {
        std::ofstream out(probe);
        if (!(out << "x")) throw std::runtime_error("cannot write in " + folder.string());
    }
    fs::remove(probe);
}

} // namespace

int checkConfig(const std::string& path, const app::AppConfig& config, std::ostream& out) {
    int failed = 0;
    const auto check = [&](const std::string& what, const std::function<std::string()>& run) {
        try {
            const std::string detail = run();
            out << "ok      " << what << (detail.empty() ? "" : ": " + detail) << "\n";
        } catch (const Poco::Exception& e) {
            ++failed;
            out << "FAILED  " << what << ": " << e.displayText() << "\n";
        } catch (const std::exception& e) {
            ++failed;
            out << "FAILED  " << what << ": " << e.what() << "\n";
        }
    };
    out << "configuration " << path << "\n";
    check("[db] [web] [paths] [attachments] [security] [scm]", [] { return std::string(); }); // loadConfig read them
    check("[mail]", [&] {
        app::loadMailSettings(path);
        return std::string();
    });
    intake::SmtpConfig smtp;
    check("[smtp]", [&] {
        smtp = intake::loadSmtpConfig(path);
        return smtp.smtp() ? "SMTP " + smtp.host + ":" + std::to_string(smtp.port)
                           : "no SMTP host: mails become .eml files in " + smtp.dropFolder;
    });
    check("[intake] and [mailbox.*]", [&] {
        const auto intake = intake::loadIntakeConfig(path);
        return std::to_string(intake.mailboxes.size()) + " mailbox(es)";
    });
    check("page templates", [&] {
        if (!fs::is_directory(config.templatesDir)) throw std::runtime_error("no folder " + config.templatesDir);
        return config.templatesDir;
    });
    check("mail templates", [&] {
        const app::Notifier loaded(config.notify);
        return config.notify.templatesDir + "/mail";
    });
    check("static files", [&] {
        if (!fs::is_directory(config.staticDir)) throw std::runtime_error("no folder " + config.staticDir);
        return config.staticDir;
    });
    check("attachments folder writable", [&] {
        requireWritable(config.attachmentsDir);
        return config.attachmentsDir;
    });
    if (!smtp.smtp() && !smtp.dropFolder.empty()) {
        check(".eml folder writable", [&] {
            requireWritable(smtp.dropFolder);
            return smtp.dropFolder;
        });
    }
    std::unique_ptr<storage::Connection> db;
    check("database reachable", [&] {
        db = std::make_unique<storage::Connection>(config.db);
        return config.db.name;
    });
    if (db) {
        check("migrations current", [&] {
            const auto pending = storage::Migrator(*db, config.sqlDir).pending();
            if (!pending.empty()) {
                throw std::runtime_error(std::to_string(pending.size()) + " pending, first " + pending.front().name +
                                         ": run ticketflow-admin migrate");
            }
            return std::string();
        });
    }
    out << (failed == 0 ? "all checks passed\n" : std::to_string(failed) + " check(s) failed\n");
    return failed == 0 ? 0 : 1;
}

} // namespace ticketflow::admin
