// ticketflow-admin import-redmine: a Redmine (or plan.io) read through its REST API.
#pragma once
#include "core/app/app_config.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace ticketflow::admin {

/// import-redmine --url URL --key KEY|- [--project IDENT ...] [--ca-file F]: imports (again)
/// what app::importRedmine reads, printing progress on stderr and the summary on `out`.
/// Exit codes: 0 done, 1 some issues failed (listed; the next run tries them again), 69
/// Redmine could not be reached, 77 Redmine refused the key (bad key, REST API off, not an
/// admin). Throws UsageError for bad arguments, StorageError for the database.
int importRedmine(const app::AppConfig& config, const std::vector<std::string>& args, std::istream& in,
                  std::ostream& out, std::ostream& err);

} // namespace ticketflow::admin
