// The Redmine import's issue stage: every issue of the projects taken, listed 100 at a time,
// read again only when it changed since the last run, and written with its journals, files,
// relations and watchers in one transaction, so a killed run leaves each issue whole or absent.
#include "core/app/crypto.hpp"
#include "core/app/redmine_import_state.hpp"
#include "core/domain/attachment.hpp"
#include "core/domain/text.hpp"
#include "core/storage/attachment_repository.hpp"
#include "core/storage/import_repository.hpp"
#include "core/storage/relation_repository.hpp"

#include <algorithm>
#include <set>

namespace ticketflow::app::redmine {

namespace {

using domain::redmine::fit;
using nlohmann::json;

/// Redmine ids of relations seen whose other issue was not there yet; those still unmapped at
/// the end name issues that were never imported.
using Deferred = std::set<unsigned>;

std::string journalDigest(const Journal& j) { return toHex(sha256(j.notes + (j.privateNotes ? "\n1" : "\n0"))); }

std::optional<unsigned> user(ImportRun& run, const std::optional<unsigned>& remote) {
    if (!remote) return std::nullopt;
    const auto local = run.maps.local("user", *remote);
    if (!local) run.unmapped("authors, assignees and watchers that are not imported users (anonymous, groups)");
    return local;
}

/// What ticketflow has no column for, counted once per import of the issue.
void noteIssueGaps(ImportRun& run, const Issue& r) {
    if (r.categoryId) run.unmapped("issue categories");
    if (!r.startDate.empty()) run.unmapped("start dates of issues");
    if (!r.dueDate.empty()) run.unmapped("due dates of issues");
    if (r.doneRatio) run.unmapped("done ratios of issues");
    if (r.estimatedHours) run.unmapped("estimated hours of issues");
    if (r.parentId) run.unmapped("parent tasks (subtasks imported as issues of their own)");
    if (r.isPrivate) run.unmapped("private issues (imported visible to the project's members)");
    run.unmapped("custom field values on issues", r.customValues);
}

std::optional<storage::ImportedIssue> issueRow(ImportRun& run, const Issue& r) {
    const auto project = run.maps.local("project", r.projectId);
    const auto tracker = run.maps.local("tracker", r.trackerId);
    const auto status = run.maps.local("status", r.statusId);
    const auto priority = run.maps.local("priority", r.priorityId);
    if (!project || !tracker || !status || !priority) return std::nullopt;
    bool cut = false;
    storage::ImportedIssue i{*project, *tracker, *status, *priority, user(run, r.authorId), user(run, r.assigneeId),
                             std::nullopt, fit(r.subject, 255, cut), r.description, r.createdOn, r.updatedOn, r.closedOn};
    if (r.versionId) {
        i.milestoneId = run.maps.local("version", *r.versionId, *project);
        if (!i.milestoneId) run.unmapped("target versions not among the project's versions");
    }
    if (cut) run.unmapped("subjects cut to 255 characters");
    return i;
}

class IssueWriter {
public:
    IssueWriter(ImportRun& run, const FetchedIssue& fetched, const std::string& digest, Deferred& deferred)
        : _run(run), _r(fetched.issue), _files(fetched.files), _digest(digest), _deferred(deferred),
          _repo(run.db) {}

    void write(const storage::ImportedIssue& row) {
        // Which journal added each file: its detail "attachment <id>" with a new value.
        for (const auto& j : _r.journals)
            for (const auto& d : j.details)
                if (d.property == "attachment" && d.newValue)
                    if (const auto id = domain::parseId(d.name)) _addedBy[*id] = j.id;
        // Files to disk before the transaction (a slow disk holds no locks); removed again
        // unless it commits.
        std::vector<Upload> uploads;
        for (const auto& a : _r.attachments) {
            const auto bytes = _files.find(a.id);
            if (bytes == _files.end() || _run.maps.find("attachment", a.id)) continue;
            uploads.push_back({a.filename, bytes->second});
            _newFiles.push_back(&a);
        }
        StagedFiles staged(&_run.store);
        staged.save(uploads);
        try {
            storage::Transaction tx(_run.db);
            writeRows(row, staged.files());
            tx.commit();
            _run.maps.commitStaged();
        } catch (...) {
            _run.maps.dropStaged();
            throw;
        }
        staged.keep();
    }

private:
    void writeRows(const storage::ImportedIssue& row, const std::vector<StoredFile>& stored) {
        auto& counts = _run.summary.of("issues");
        const auto* mapped = _run.maps.find("issue", _r.id);
        if (mapped) {
            _localId = mapped->localId;
            _repo.updateIssue(_localId, row);
            ++counts.updated;
        } else {
            // Redmine's number when it is free, so links and "#123" in texts keep working; else a
            // number above every Redmine issue, so later issues do not lose theirs in turn.
            unsigned id = _r.id;
            if (!_repo.issueIdFree(id)) {
                id = std::max(_repo.maxIssueId(), _run.highestRemoteIssue) + 1;
                ++_run.summary.renumbered;
            }
            _localId = _repo.insertIssue(row, id);
            ++counts.created;
        }
        _projectId = row.projectId;
        _run.map("issue", _r.id, _localId, true, _digest);
        storage::ImportMapRepository(_run.db).resolvePending(_run.sourceId, _r.id, _localId);

        for (std::size_t k = 0; k < _newFiles.size(); ++k)
            if (!_addedBy.count(_newFiles[k]->id)) insertFile(*_newFiles[k], stored[k], std::nullopt, true);
        for (const auto& j : _r.journals) writeJournal(j, stored);
        // Files whose journal is gone from Redmine's history still belong to the issue.
        for (std::size_t k = 0; k < _newFiles.size(); ++k)
            if (!_run.maps.find("attachment", _newFiles[k]->id)) insertFile(*_newFiles[k], stored[k], std::nullopt, true);
        for (const auto& rel : _r.relations) writeRelation(rel);
        auto& watchers = _run.summary.of("watchers");
        for (unsigned w : _r.watcherIds) {
            if (const auto local = user(_run, w))
                ++(_repo.addWatcher(_localId, *local) ? watchers.created : watchers.unchanged);
            else
                ++watchers.skipped;
        }
        noteIssueGaps(_run, _r);
    }

    void insertFile(const Attachment& a, const StoredFile& file, std::optional<unsigned> journalId, bool isPublic) {
        domain::Attachment row;
        row.issueId = _localId;
        row.journalId = journalId;
        row.authorId = user(_run, a.authorId);
        row.filename = domain::sanitizeFilename(a.filename);
        if (row.filename != a.filename) _run.unmapped("file names made safe (characters replaced or cut)");
        bool cut = false;
        row.contentType = a.contentType.empty() ? "application/octet-stream" : fit(a.contentType, 255, cut);
        row.diskFilename = file.diskFilename;
        row.filesize = file.size;
        row.digest = file.digest;
        row.isPublic = isPublic;
        row.createdAt = a.createdOn;
        if (!a.description.empty()) _run.unmapped("descriptions of files");
        _run.map("attachment", a.id, storage::AttachmentRepository(_run.db).insert(row), true, "");
        ++_run.summary.of("attachments").created;
    }

    void writeJournal(const Journal& j, const std::vector<StoredFile>& stored) {
        auto& counts = _run.summary.of("journals");
        const std::string digest = journalDigest(j);
        if (const auto* mapped = _run.maps.find("journal", j.id)) {
            // Redmine lets notes be edited; the changes (details) of a journal never change.
            if (mapped->digest == digest) {
                ++counts.unchanged;
                return;
            }
            _repo.updateJournal(mapped->localId, j.notes, j.privateNotes);
            _run.map("journal", j.id, mapped->localId, true, digest);
            ++counts.updated;
            return;
        }
        const unsigned journalId = _repo.insertJournal(_localId, user(_run, j.userId), j.notes, j.privateNotes, j.createdOn);
        for (std::size_t k = 0; k < _newFiles.size(); ++k) {
            const auto by = _addedBy.find(_newFiles[k]->id);
            // A file added with a private note is private too, as the note is.
            if (by != _addedBy.end() && by->second == j.id) insertFile(*_newFiles[k], stored[k], journalId, !j.privateNotes);
        }
        const auto lookup = [this](domain::redmine::RefKind kind, unsigned remote) {
            return _run.lookup(kind, remote, _projectId);
        };
        auto& mapRepo = _mapRepo;
        for (const auto& d : j.details) {
            const auto result = domain::redmine::mapDetail(d.property, d.name, d.oldValue, d.newValue, lookup);
            if (!result.mapped) {
                _run.unmapped("history of " + result.dropped + " changes");
                continue;
            }
            const auto& m = *result.mapped;
            const unsigned detailId = _repo.insertDetail(journalId, m.detail);
            if (m.pendingOldIssue) mapRepo.addPending(_run.sourceId, detailId, true, *m.pendingOldIssue);
            if (m.pendingNewIssue) mapRepo.addPending(_run.sourceId, detailId, false, *m.pendingNewIssue);
            if (m.lostReference) _run.unmapped("history values naming records not imported (left empty)");
            if (m.cut) _run.unmapped("history values cut to 255 characters");
        }
        _run.map("journal", j.id, journalId, true, digest);
        ++counts.created;
    }

    void writeRelation(const Relation& rel) {
        if (_run.maps.find("relation", rel.id)) return; // listed on both issues: counted once
        auto& counts = _run.summary.of("relations");
        const auto from = _run.maps.local("issue", rel.issueId);
        const auto to = _run.maps.local("issue", rel.issueToId);
        if (!from || !to) {
            _deferred.insert(rel.id); // written when the other issue comes
            return;
        }
        const auto relation = domain::redmine::mapRelation(*from, *to, rel.type);
        if (!relation) {
            ++counts.skipped;
            _run.unmapped("relations of type " + rel.type);
            return;
        }
        storage::RelationRepository relations(_run.db);
        const bool exists = relations.exists(*relation);
        const unsigned id = exists ? 0 : relations.insert(*relation);
        // A relation ticketflow had already (made there, or a duplicate in Redmine) is linked
        // to the first; id 0 marks that no row of ours belongs to this one.
        _run.map("relation", rel.id, id, !exists, "");
        ++(exists ? counts.linked : counts.created);
        if (rel.delay && *rel.delay) _run.unmapped("delays of precedes/follows relations");
        _deferred.erase(rel.id);
    }

    ImportRun& _run;
    const Issue& _r;
    const std::map<unsigned, std::string>& _files;
    const std::string& _digest;
    Deferred& _deferred;
    storage::ImportRepository _repo;
    storage::ImportMapRepository _mapRepo{_run.db};
    std::map<unsigned, unsigned> _addedBy; ///< Redmine attachment id -> journal id
    std::vector<const Attachment*> _newFiles;
    unsigned _localId = 0, _projectId = 0;
};

/// Writes one page of listed issues: those unchanged since the last run are skipped unread.
void importPage(ImportRun& run, const std::vector<Issue>& listed, std::vector<std::unique_ptr<RedmineClient>>& clients,
                Deferred& deferred, std::size_t& done, std::size_t total) {
    auto& counts = run.summary.of("issues");
    std::vector<unsigned> ids;
    std::vector<const Issue*> changed;
    for (const auto& issue : listed) {
        const auto* row = run.maps.find("issue", issue.id);
        if (row && row->digest == issue.digest) {
            ++counts.unchanged;
            ++done;
            continue;
        }
        ids.push_back(issue.id);
        changed.push_back(&issue);
    }
    const auto fetched = fetchIssues(run, ids, clients);
    for (std::size_t i = 0; i < fetched.size(); ++i, ++done) {
        const auto& f = fetched[i];
        const std::string name = "Redmine issue #" + std::to_string(ids[i]);
        if (f.gone) {
            ++counts.skipped;
            run.unmapped("issues deleted in Redmine while the import ran");
            continue;
        }
        if (!f.error.empty()) {
            ++counts.skipped;
            run.summary.failures.push_back(name + ": " + f.error);
            continue;
        }
        const auto row = issueRow(run, f.issue);
        if (!row) {
            ++counts.skipped;
            run.unmapped("issues whose project, tracker, status or priority was not imported");
            continue;
        }
        try {
            IssueWriter(run, f, changed[i]->digest, deferred).write(*row);
        } catch (const storage::StorageError& e) {
            if (e.connectionLost()) throw;
            ++counts.skipped;
            run.summary.failures.push_back(name + ": " + e.what());
        } catch (const std::runtime_error& e) {
            ++counts.skipped;
            run.summary.failures.push_back(name + ": " + e.what());
        }
        run.progress.tick("issues", done, total);
    }
    run.progress.tick("issues", done, total);
}

std::string listPath(unsigned projectId) {
    // Every status, oldest first; a subproject's issues come with the subproject itself.
    return "/issues.json?project_id=" + std::to_string(projectId) + "&subproject_id=!*&status_id=*&sort=id";
}

} // namespace

void importIssues(ImportRun& run) {
    for (const char* kind : {"issues", "journals", "attachments", "relations", "watchers"}) run.summary.of(kind);
    std::size_t total = 0;
    const auto newest = run.client.getJson("/issues.json?status_id=*&sort=id:desc&limit=1");
    if (const auto list = newest.find("issues"); list != newest.end() && list->is_array() && !list->empty())
        run.highestRemoteIssue = parseIssue(list->front()).id;
    for (const auto& [project, local] : run.projects) {
        const auto first = run.client.getJson(listPath(project.id) + "&limit=1");
        if (const auto n = first.find("total_count"); n != first.end() && n->is_number_unsigned()) total += n->get<std::size_t>();
    }
    std::vector<std::unique_ptr<RedmineClient>> clients;
    Deferred deferred;
    std::size_t done = 0;
    for (const auto& [project, local] : run.projects) {
        std::vector<Issue> page;
        run.client.forEach(listPath(project.id), "issues", [&](const json& j) {
            page.push_back(parseIssue(j));
            if (page.size() == 100) {
                importPage(run, page, clients, deferred, done, std::max(total, done + page.size()));
                page.clear();
            }
        });
        importPage(run, page, clients, deferred, done, std::max(total, done + page.size()));
    }
    std::size_t unresolved = 0;
    for (unsigned id : deferred)
        if (!run.maps.find("relation", id)) ++unresolved;
    run.summary.of("relations").skipped += unresolved;
    if (unresolved) run.unmapped("relations to issues that were not imported", unresolved);
    const auto& c = run.summary.of("issues");
    run.progress.stage("issues", std::to_string(c.created) + " created, " + std::to_string(c.updated) + " updated, " +
                                     std::to_string(c.unchanged) + " unchanged, " + std::to_string(c.skipped) +
                                     " skipped");
}

} // namespace ticketflow::app::redmine
