// The state of one Redmine import run, shared by its stages (catalog, issues): the client,
// the mappings read from import_map, the summary being filled. Internal to core/app.
#pragma once
#include "core/app/redmine_import.hpp"
#include "core/app/redmine_records.hpp"
#include "core/domain/redmine_mapping.hpp"
#include "core/storage/import_map_repository.hpp"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace ticketflow::app::redmine {

/// The mappings of one source in memory, read once per run. Rows written in a transaction
/// are staged and merged only after it commits, so a rolled-back issue leaves no trace here.
class IdMaps {
public:
    void load(const std::vector<storage::ImportMapRow>& rows);
    const storage::ImportMapRow* find(const std::string& kind, unsigned remoteId, unsigned scope = 0) const;
    std::optional<unsigned> local(const std::string& kind, unsigned remoteId, unsigned scope = 0) const;
    void stage(storage::ImportMapRow row) { _staged.push_back(std::move(row)); }
    void commitStaged();
    void dropStaged() { _staged.clear(); }
    const std::vector<storage::ImportMapRow>& staged() const { return _staged; }

private:
    static unsigned long long key(unsigned remoteId, unsigned scope) {
        return (static_cast<unsigned long long>(remoteId) << 32) | scope;
    }
    std::unordered_map<std::string, std::unordered_map<unsigned long long, storage::ImportMapRow>> _rows;
    std::vector<storage::ImportMapRow> _staged;
};

struct ImportRun {
    storage::Connection& db;
    const AttachmentStore& store;
    const RedmineImportOptions& options;
    Progress& progress;
    RedmineClient client;
    unsigned sourceId = 0;
    IdMaps maps;
    ImportSummary summary;
    /// Redmine ids of the projects taken (all, or those named with --project), with their
    /// ticketflow ids.
    std::vector<std::pair<Project, unsigned>> projects;
    /// The highest issue number in Redmine: an issue whose number is taken in ticketflow gets
    /// one above it.
    unsigned highestRemoteIssue = 0;

    ImportRun(storage::Connection& d, const AttachmentStore& s, const RedmineImportOptions& o, Progress& p)
        : db(d), store(s), options(o), progress(p), client(o.client) {}

    void unmapped(const std::string& what, std::size_t n = 1) {
        if (n) summary.unmapped[what] += n;
    }
    /// Writes the mapping (in the caller's transaction) and stages it for IdMaps.
    void map(const std::string& kind, unsigned remoteId, unsigned localId, bool created, const std::string& digest,
             unsigned scope = 0);
    /// The local id for a journal detail's reference (versions within `projectId`).
    std::optional<unsigned> lookup(domain::redmine::RefKind kind, unsigned remoteId, unsigned projectId) const;
};

/// An issue read with its journals, files, relations and watchers, and the bytes of its
/// files not imported yet; or why it could not be read.
struct FetchedIssue {
    Issue issue;
    std::map<unsigned, std::string> files; ///< by Redmine attachment id
    bool gone = false;                     ///< 404: deleted in Redmine since it was listed
    std::string error;                     ///< another refusal for this issue alone
};

/// Reads the pages of `ids` with up to options.fetchThreads connections at once (`clients`
/// grows to that many and is kept for the next call). Throws the first RedmineError that
/// ends the import (no answer after the retries, 401, 403 on every issue).
std::vector<FetchedIssue> fetchIssues(ImportRun& run, const std::vector<unsigned>& ids,
                                      std::vector<std::unique_ptr<RedmineClient>>& clients);

/// Stages: reference data, users, projects, memberships and versions; then the issues.
void importCatalog(ImportRun& run);
void importIssues(ImportRun& run);

} // namespace ticketflow::app::redmine
