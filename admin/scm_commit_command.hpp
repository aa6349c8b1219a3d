// ticketflow-admin scm-commit: a commit reported by a version-control hook on this server.
#pragma once
#include "core/app/app_config.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace ticketflow::admin {

/// scm-commit --repo R --rev REV --author A (--message M | --message-file F | --message -):
/// applies the commit's keywords (app::ScmCommitService) and prints one line per issue it
/// names. Exit codes: 0 applied (or applied before), 65 unknown repository or bad fields,
/// 75 an issue could not be changed (run it again), 78 [scm] names a missing status or
/// project. Throws UsageError for bad arguments, StorageError for the database.
int scmCommit(const app::AppConfig& config, const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err);

} // namespace ticketflow::admin
