// ticketflow-admin import-redmine: the run (its stages live in redmine_import_catalog.cpp and
// redmine_import_issues.cpp) and the mappings it keeps in memory.
#include "core/app/redmine_import.hpp"

#include "core/app/redmine_import_state.hpp"

namespace ticketflow::app {

namespace redmine {

void IdMaps::load(const std::vector<storage::ImportMapRow>& rows) {
    _rows.clear();
    for (const auto& row : rows) _rows[row.kind][key(row.remoteId, row.scope)] = row;
}

const storage::ImportMapRow* IdMaps::find(const std::string& kind, unsigned remoteId, unsigned scope) const {
    // Newest first: a record staged in this transaction wins over what was loaded.
    for (auto it = _staged.rbegin(); it != _staged.rend(); ++it)
        if (it->kind == kind && it->remoteId == remoteId && it->scope == scope) return &*it;
    const auto byKind = _rows.find(kind);
    if (byKind == _rows.end()) return nullptr;
    const auto row = byKind->second.find(key(remoteId, scope));
    return row == byKind->second.end() ? nullptr : &row->second;
}

std::optional<unsigned> IdMaps::local(const std::string& kind, unsigned remoteId, unsigned scope) const {
    const auto* row = find(kind, remoteId, scope);
    if (!row) return std::nullopt;
    return row->localId;
}

void IdMaps::commitStaged() {
    for (auto& row : _staged) _rows[row.kind][key(row.remoteId, row.scope)] = std::move(row);
    _staged.clear();
}

void ImportRun::map(const std::string& kind, unsigned remoteId, unsigned localId, bool created,
                    const std::string& digest, unsigned scope) {
    storage::ImportMapRow row{kind, remoteId, scope, localId, created, digest};
    storage::ImportMapRepository(db).put(sourceId, row);
    maps.stage(std::move(row));
}

std::optional<unsigned> ImportRun::lookup(domain::redmine::RefKind kind, unsigned remoteId, unsigned projectId) const {
    using domain::redmine::RefKind;
    switch (kind) {
        case RefKind::Project:
            return maps.local("project", remoteId);
        case RefKind::Tracker:
            return maps.local("tracker", remoteId);
        case RefKind::Status:
            return maps.local("status", remoteId);
        case RefKind::Priority:
            return maps.local("priority", remoteId);
        case RefKind::User:
            return maps.local("user", remoteId);
        case RefKind::Version:
            return maps.local("version", remoteId, projectId);
        case RefKind::Issue:
            return maps.local("issue", remoteId);
        case RefKind::Attachment:
            return maps.local("attachment", remoteId);
    }
    return std::nullopt;
}

} // namespace redmine

ImportSummary importRedmine(storage::Connection& db, const AttachmentStore& store, const RedmineImportOptions& options,
                            Progress& progress) {
    redmine::ImportRun run(db, store, options, progress);
    run.summary.source = run.client.source();
    // Before anything is written: Redmine answers some lists (statuses, trackers) to anyone,
    // so a wrong key would otherwise get halfway. 401 here names the key.
    const auto me = run.client.getJson("/users/current.json");
    const auto user = me.find("user");
    if (user == me.end() || !user->is_object() || !user->value("admin", false))
        throw RedmineError("the key's user (" + (user != me.end() && user->is_object() ? user->value("login", std::string("?")) : "?") +
                               ") is not a Redmine administrator: the import needs an administrator's key to read"
                               " users, every project and private notes",
                           403);
    progress.stage("key", "an administrator's (" + user->value("login", std::string()) + ")");
    storage::ImportMapRepository repo(db);
    run.sourceId = repo.sourceId(run.client.source());
    run.maps.load(repo.all(run.sourceId));
    redmine::importCatalog(run);
    redmine::importIssues(run);
    if (const unsigned waiting = repo.pendingCount(run.sourceId))
        run.unmapped("history entries naming issues that were not imported (left empty)", waiting);
    run.summary.seconds = progress.totalSeconds();
    return std::move(run.summary);
}

} // namespace ticketflow::app
