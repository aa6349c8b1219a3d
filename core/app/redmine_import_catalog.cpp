// The Redmine import's stages before the issues: statuses, priorities, trackers, users, then
// per project its memberships and versions. Reference data (statuses, priorities, trackers)
// is matched by name and never changed once mapped: an admin may have tuned it since.
#include "core/app/redmine_import_state.hpp"

#include "core/domain/milestone.hpp"
#include "core/domain/saved_query.hpp"
#include "core/domain/text.hpp"
#include "core/storage/enumeration_repository.hpp"
#include "core/storage/import_repository.hpp"
#include "core/storage/milestone_repository.hpp"
#include "core/storage/project_admin_repository.hpp"

#include <algorithm>
#include <set>

namespace ticketflow::app::redmine {

namespace {

using domain::redmine::fit;
using nlohmann::json;

constexpr std::size_t kMaxName = 64; // trackers, statuses, priorities, roles, logins, user names

/// Runs `f` in a transaction and keeps the mappings it staged only when it commits.
template <class F>
void inTransaction(ImportRun& run, F&& f) {
    try {
        storage::Transaction tx(run.db);
        f();
        tx.commit();
        run.maps.commitStaged();
    } catch (...) {
        run.maps.dropStaged();
        throw;
    }
}

template <class Records>
std::optional<unsigned> byName(const Records& records, const std::string& name) {
    for (const auto& r : records)
        if (domain::equalsIgnoreCase(domain::trim(r.fields.name), domain::trim(name))) return r.id;
    return std::nullopt;
}

template <class Records>
int nextPosition(const Records& records) {
    int max = 0;
    for (const auto& r : records) max = std::max(max, r.fields.position);
    return max + 1;
}

std::string countText(std::size_t n, const char* what) { return std::to_string(n) + " " + what; }

/// Reference data matched by name: each of Redmine's `records` not mapped yet is linked to the
/// local record (from `local()`) of the same name, else made with `create(record, name,
/// position)`; `kinds` names them in the summary and the stage line.
template <class Remote, class Local, class Create>
void importByName(ImportRun& run, const char* kind, const char* kinds, const std::vector<Remote>& records,
                  Local local, Create create) {
    auto& counts = run.summary.of(kinds);
    for (const auto& r : records) {
        if (run.maps.find(kind, r.id)) {
            ++counts.unchanged;
            continue;
        }
        inTransaction(run, [&] {
            const auto existing = local();
            auto id = byName(existing, r.name);
            const bool created = !id;
            if (created) {
                bool cut = false;
                id = create(r, fit(r.name, kMaxName, cut), nextPosition(existing));
            }
            run.map(kind, r.id, *id, created, "");
            ++(created ? counts.created : counts.linked);
        });
    }
    run.progress.stage(kinds, countText(records.size(), "read"));
}

template <class Remote>
std::vector<Remote> readAll(ImportRun& run, const std::string& path, const std::string& key,
                            Remote (*parse)(const json&)) {
    std::vector<Remote> out;
    run.client.forEach(path, key, [&](const json& j) { out.push_back(parse(j)); });
    return out;
}

void importStatuses(ImportRun& run) {
    storage::EnumerationRepository enums(run.db);
    importByName(
        run, "status", "statuses", readAll(run, "/issue_statuses.json", "issue_statuses", parseStatus),
        [&] { return enums.statuses(); },
        // Not "new": ticketflow's New list and triage follow its own New status.
        [&](const Status& s, const std::string& name, int position) {
            return enums.createStatus({name, position, s.closed, false});
        });
}

void importPriorities(ImportRun& run) {
    storage::EnumerationRepository enums(run.db);
    importByName(
        run, "priority", "priorities",
        readAll(run, "/enumerations/issue_priorities.json", "issue_priorities", parsePriority),
        [&] { return enums.priorities(); },
        [&](const Priority&, const std::string& name, int position) { return enums.createPriority({name, position, false}); });
}

/// The tracker's default status as imported; else ticketflow's New status, else its first.
unsigned defaultStatus(ImportRun& run, const Tracker& t) {
    if (t.defaultStatusId)
        if (const auto local = run.maps.local("status", *t.defaultStatusId)) return *local;
    const auto statuses = storage::EnumerationRepository(run.db).statuses();
    for (const auto& s : statuses)
        if (s.fields.isNew) return s.id;
    if (statuses.empty()) throw std::runtime_error("ticketflow has no issue status for tracker " + t.name);
    return statuses.front().id;
}

void importTrackers(ImportRun& run) {
    storage::EnumerationRepository enums(run.db);
    importByName(
        run, "tracker", "trackers", readAll(run, "/trackers.json", "trackers", parseTracker), [&] { return enums.trackers(); },
        [&](const Tracker& t, const std::string& name, int position) {
            return enums.createTracker({name, position, defaultStatus(run, t), std::nullopt});
        });
    if (const auto created = run.summary.of("trackers").created)
        run.unmapped("workflows of new trackers and statuses (set them up at /workflows/edit)", created);
}

storage::ImportedUser localUser(ImportRun& run, const User& u) {
    bool cut = false;
    storage::ImportedUser out{fit(u.login, kMaxName, cut),
                              fit(u.firstname, kMaxName, cut),
                              fit(u.lastname, kMaxName, cut),
                              fit(u.mail, 254, cut),
                              u.admin,
                              domain::redmine::userStatus(u.status),
                              u.createdOn,
                              u.lastLoginOn};
    if (cut) run.unmapped("user names cut to 64 characters");
    return out;
}

void importUsers(ImportRun& run) {
    auto& counts = run.summary.of("users");
    // status= (empty) lists every user: active, registered and locked. Needs an admin's key.
    const auto remote = readAll(run, "/users.json?status=", "users", parseUser);
    storage::ImportRepository repo(run.db);
    for (const auto& u : remote) {
        if (u.login.empty()) {
            ++counts.skipped;
            run.unmapped("users without a login");
            continue;
        }
        const auto* row = run.maps.find("user", u.id);
        if (row && row->digest == u.digest) {
            ++counts.unchanged;
            continue;
        }
        inTransaction(run, [&] {
            const auto fields = localUser(run, u);
            if (row) {
                // A linked account belongs to ticketflow: only the import's own are kept in step.
                if (row->created) repo.updateUser(row->localId, fields);
                run.map("user", u.id, row->localId, row->created, u.digest);
                ++(row->created ? counts.updated : counts.unchanged);
                return;
            }
            auto id = repo.userByLoginOrMail(fields.login, fields.mail);
            const bool created = !id;
            if (created) id = repo.insertUser(fields);
            run.map("user", u.id, *id, created, u.digest);
            ++(created ? counts.created : counts.linked);
            if (!created) return;
            run.unmapped("passwords (Redmine does not give them out: new accounts sign in after"
                         " `ticketflow-admin set-password` or an admin sets one)");
            if (u.mail.empty()) run.unmapped("users without a mail address (imported without one)");
            if (u.status == 2) run.unmapped("registered users not yet activated (imported locked)");
        });
    }
    run.progress.stage("users", countText(remote.size(), "read"));
}

std::vector<unsigned> localTrackers(ImportRun& run, const Project& p) {
    std::vector<unsigned> ids;
    for (unsigned remote : p.trackerIds)
        if (const auto local = run.maps.local("tracker", remote)) ids.push_back(*local);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

void noteProjectGaps(ImportRun& run, const Project& p) {
    if (p.parentId) run.unmapped("subprojects (imported as projects of their own)");
    if (p.customValues) run.unmapped("custom field values on projects", p.customValues);
    if (p.status == 5) run.unmapped("closed projects (imported open: ticketflow does not close projects)");
    if (p.isPublic) run.unmapped("public projects (ticketflow shows a project to its members only)");
}

unsigned importProject(ImportRun& run, const Project& p, ImportCounts& counts) {
    storage::ProjectAdminRepository projects(run.db);
    storage::ImportRepository repo(run.db);
    const auto* row = run.maps.find("project", p.id);
    if (row && row->digest == p.digest) {
        ++counts.unchanged;
        return row->localId;
    }
    unsigned localId = 0;
    inTransaction(run, [&] {
        bool cut = false;
        domain::ProjectFields f;
        f.identifier = p.identifier;
        f.name = fit(p.name, 255, cut);
        f.description = p.description;
        f.trackerIds = localTrackers(run, p);
        if (row) {
            localId = row->localId;
            if (row->created) {
                // Trackers that still have issues here stay, whatever Redmine says now.
                for (unsigned used : projects.trackersWithIssues(localId)) f.trackerIds.push_back(used);
                std::sort(f.trackerIds.begin(), f.trackerIds.end());
                f.trackerIds.erase(std::unique(f.trackerIds.begin(), f.trackerIds.end()), f.trackerIds.end());
                projects.update(localId, f);
            }
            run.map("project", p.id, localId, row->created, p.digest);
            ++(row->created ? counts.updated : counts.unchanged);
            return;
        }
        for (const auto& existing : projects.list())
            if (existing.fields.identifier == p.identifier) localId = existing.id;
        const bool created = localId == 0;
        if (created) {
            std::vector<unsigned> newStatuses;
            for (const auto& s : storage::EnumerationRepository(run.db).statuses())
                if (s.fields.isNew) newStatuses.push_back(s.id);
            localId = projects.create(f, domain::newIssuesFilter(newStatuses));
            repo.setCreatedAt(storage::CreatedAtTable::Projects, localId, p.createdOn);
        } else {
            // A project that was there keeps its settings; it only learns the trackers its
            // imported issues come with.
            for (unsigned tracker : f.trackerIds) repo.ensureProjectTracker(localId, tracker);
        }
        run.map("project", p.id, localId, created, p.digest);
        ++(created ? counts.created : counts.linked);
        if (created) noteProjectGaps(run, p);
    });
    return localId;
}

void importProjects(ImportRun& run) {
    auto& counts = run.summary.of("projects");
    // Active (1) and closed (5) projects: without a status Redmine lists active ones only,
    // and "*" matches none. Archived projects hide their issues from the API.
    const auto remote = readAll(run, "/projects.json?status=1%7C5&include=trackers", "projects", parseProject);
    const std::set<std::string> wanted(run.options.projects.begin(), run.options.projects.end());
    for (const auto& name : wanted) {
        if (std::none_of(remote.begin(), remote.end(), [&](const Project& p) { return p.identifier == name; }))
            throw std::runtime_error("Redmine has no project '" + name + "' (or the key's user cannot see it)");
    }
    for (const auto& p : remote) {
        if (!wanted.empty() && !wanted.count(p.identifier)) continue;
        if (!domain::isValidProjectIdentifier(p.identifier)) {
            ++counts.skipped;
            run.unmapped("projects whose identifier ticketflow does not accept (" + p.identifier + "), with their issues");
            continue;
        }
        run.projects.emplace_back(p, importProject(run, p, counts));
    }
    run.progress.stage("projects", countText(run.projects.size(), "taken"));
}

void importMemberships(ImportRun& run) {
    auto& counts = run.summary.of("memberships");
    storage::EnumerationRepository enums(run.db);
    const auto roles = enums.roles();
    storage::ImportRepository repo(run.db);
    for (const auto& [project, localProject] : run.projects) {
        const auto remote =
            readAll(run, "/projects/" + std::to_string(project.id) + "/memberships.json", "memberships", parseMembership);
        inTransaction(run, [&] {
            for (const auto& m : remote) {
                if (!m.userId) {
                    run.unmapped("group memberships (ticketflow has no groups; members of a group are listed too)");
                    continue;
                }
                const auto user = run.maps.local("user", *m.userId);
                if (!user) {
                    ++counts.skipped;
                    run.unmapped("memberships of users not imported");
                    continue;
                }
                for (const auto& roleName : m.roleNames) {
                    const auto role = byName(roles, roleName);
                    if (!role) {
                        ++counts.skipped;
                        run.unmapped("memberships in role '" + roleName + "' (no role of that name in ticketflow)");
                        continue;
                    }
                    ++(repo.addMembership(*user, localProject, *role) ? counts.created : counts.unchanged);
                }
            }
        });
    }
    run.progress.stage("memberships", countText(counts.created + counts.unchanged, "kept"));
}

domain::MilestoneFields milestoneFields(ImportRun& run, const Version& v) {
    bool cut = false;
    domain::MilestoneFields f{fit(v.name, domain::kMaxMilestoneName, cut),
                              fit(v.description, domain::kMaxMilestoneDescription, cut), v.dueDate,
                              domain::redmine::milestoneStatus(v.status)};
    if (cut) run.unmapped("version names or descriptions cut to ticketflow's lengths");
    return f;
}

void importVersions(ImportRun& run) {
    auto& counts = run.summary.of("versions");
    storage::MilestoneRepository milestones(run.db);
    storage::ImportRepository repo(run.db);
    for (const auto& [project, localProject] : run.projects) {
        // A project's list includes the versions other projects share with it: each becomes a
        // milestone of this project (scope), since a milestone belongs to one project.
        const auto remote =
            readAll(run, "/projects/" + std::to_string(project.id) + "/versions.json", "versions", parseVersion);
        for (const auto& v : remote) {
            const auto* row = run.maps.find("version", v.id, localProject);
            if (row && row->digest == v.digest) {
                ++counts.unchanged;
                continue;
            }
            inTransaction(run, [&] {
                const auto fields = milestoneFields(run, v);
                if (row) {
                    if (row->created) milestones.update(row->localId, fields);
                    run.map("version", v.id, row->localId, row->created, v.digest, localProject);
                    ++(row->created ? counts.updated : counts.unchanged);
                    return;
                }
                auto id = repo.milestoneByName(localProject, fields.name);
                const bool created = !id;
                if (created) {
                    id = milestones.insert(localProject, fields);
                    repo.setCreatedAt(storage::CreatedAtTable::Milestones, *id, v.createdOn);
                    if (v.sharing != "none" && !v.sharing.empty())
                        run.unmapped("shared versions (a milestone in each project that uses them)");
                }
                run.map("version", v.id, *id, created, v.digest, localProject);
                ++(created ? counts.created : counts.linked);
            });
        }
    }
    run.progress.stage("versions", countText(counts.created + counts.linked + counts.updated + counts.unchanged, "kept"));
}

} // namespace

void importCatalog(ImportRun& run) {
    importStatuses(run);
    importPriorities(run);
    importTrackers(run);
    importUsers(run);
    importProjects(run);
    importMemberships(run);
    importVersions(run);
}

} // namespace ticketflow::app::redmine
