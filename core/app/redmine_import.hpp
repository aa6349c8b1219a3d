// ticketflow-admin import-redmine: a Redmine (or plan.io) read through its REST API into
// ticketflow — projects, trackers, statuses, priorities, users, memberships, versions, issues
// with journals, files, relations and watchers. Idempotent and resumable (sql/012).
#pragma once
#include "core/app/attachment_store.hpp"
#include "core/app/progress.hpp"
#include "core/app/redmine_client.hpp"
#include "core/storage/connection.hpp"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ticketflow::app {

struct RedmineImportOptions {
    RedmineClientOptions client;
    /// Identifiers of the projects to import (their issues, versions, memberships); empty: all.
    std::vector<std::string> projects;
    /// Issues read from Redmine at once (each on its own connection).
    unsigned fetchThreads = 4;
};

/// What happened to the records of one kind.
struct ImportCounts {
    std::size_t created = 0;   ///< new ticketflow rows
    std::size_t linked = 0;    ///< matched to a row that was there (name, identifier, login, mail)
    std::size_t updated = 0;   ///< changed in Redmine since the last run, and written again
    std::size_t unchanged = 0; ///< imported before and the same in Redmine: not touched
    std::size_t skipped = 0;   ///< could not be imported (see the summary's list)
};

struct ImportSummary {
    std::string source;
    /// In the order of the import: projects, trackers, … issues, journals, attachments, relations.
    std::vector<std::pair<std::string, ImportCounts>> counts;
    /// What ticketflow has no place for, or could not be matched, with how often it occurred:
    /// "custom field values on issues" -> 120.
    std::map<std::string, std::size_t> unmapped;
    /// Issues that failed on their own (the rest went on); each names the Redmine issue.
    std::vector<std::string> failures;
    std::size_t renumbered = 0; ///< issues whose Redmine number was taken in ticketflow
    double seconds = 0;

    ImportCounts& of(const std::string& kind);
};

/// Runs one import. Throws RedmineError when Redmine cannot be read (bad key, no admin
/// rights, unreachable after the retries) and StorageError when the database fails; what
/// was committed before stays, and the next run goes on from there.
ImportSummary importRedmine(storage::Connection& db, const AttachmentStore& store, const RedmineImportOptions& options,
                            Progress& progress);

/// The summary as people read it: a table of counts per kind, then what was not imported.
void printSummary(const ImportSummary& summary, std::ostream& out);

} // namespace ticketflow::app
