// ticketflow-admin scm-commit: a commit reported by a version-control hook on this server.
// No secret is asked for: whoever may run this with the configuration may read the secrets.
#include "admin/scm_commit_command.hpp"

#include "admin/admin_commands.hpp"
#include "admin/arguments.hpp"
#include "core/app/scm_commit_service.hpp"
#include "core/storage/catalog_repository.hpp"
#include "core/storage/connection.hpp"

#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>

namespace ticketflow::admin {

namespace {

constexpr int kDataError = 65;   // EX_DATAERR
constexpr int kTryAgain = 75;    // EX_TEMPFAIL
constexpr int kConfigError = 78; // EX_CONFIG

/// At most one byte more than a message may have, so an endless stream is not read to its end.
std::string readBounded(std::istream& in) {
    std::string text;
    std::istreambuf_iterator<char> it(in), end;
    for (; it != end && text.size() <= domain::kMaxCommitMessageBytes; ++it) text += *it;
    return text;
}

std::string messageFrom(const Parsed& p, std::istream& in) {
    const bool inlineText = p.options.count("--message") > 0, file = p.options.count("--message-file") > 0;
    if (inlineText == file)
        throw UsageError("scm-commit takes one of --message TEXT, --message - and --message-file FILE");
    if (file) {
        std::ifstream f(p.option("--message-file"), std::ios::binary);
        if (!f) throw UsageError("cannot read --message-file " + p.option("--message-file"));
        return readBounded(f);
    }
    return p.option("--message") == "-" ? readBounded(in) : p.option("--message");
}

} // namespace

int scmCommit(const app::AppConfig& config, const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err) {
    const auto p = parse(args, {"--repo", "--rev", "--author", "--message", "--message-file"}, {});
    if (!p.positional.empty()) throw UsageError("scm-commit takes options only, not '" + p.positional[0] + "'");
    for (const char* required : {"--repo", "--rev", "--author"}) {
        if (!p.options.count(required)) throw UsageError(std::string("scm-commit needs ") + required);
    }
    domain::Changeset commit{p.option("--repo"), p.option("--rev"), p.option("--author"), messageFrom(p, in)};
    // An unknown name is a mistake in the hook's setup: say so before touching the database.
    if (!config.scm.repository(commit.repository)) {
        err << "ticketflow-admin: no [repository." << commit.repository << "] section in the configuration\n";
        return kDataError;
    }
    storage::Connection db(config.db);
    const auto catalog = storage::CatalogRepository(db).load();
    const app::Notifier notifier(config.notify);
    const auto result = app::ScmCommitService(db, catalog, config.scm, &notifier).apply(commit);
    using Status = app::CommitResult::Status;
    if (result.status != Status::Applied) {
        for (const auto& e : result.errors) err << "ticketflow-admin: " << e << "\n";
        return result.status == Status::Misconfigured ? kConfigError : kDataError;
    }
    const std::string& label = result.label;
    if (result.seenBefore) out << label << ": recorded before; only what was left undone is applied\n";
    if (result.issues.empty()) out << label << ": the message names no issue\n";
    for (const auto& issue : result.issues)
        out << label << ": #" << issue.issueId << " " << app::describe(issue) << "\n";
    if (result.tooManyIssues) {
        out << label << ": only the first " << domain::kMaxIssuesPerCommit << " issues named are taken\n";
    }
    if (result.messageCut) {
        out << label << ": only the first " << domain::kMaxScannedMessageBytes << " bytes were read for keywords\n";
    }
    return result.anyFailed() ? kTryAgain : 0;
}

} // namespace ticketflow::admin
