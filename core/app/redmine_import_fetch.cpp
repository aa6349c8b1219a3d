// Reading issues (with journals, files, relations, watchers) from Redmine on several
// connections at once: one request per issue is what an import of thousands waits on.
#include "core/app/redmine_import_state.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace ticketflow::app::redmine {

namespace {

/// Refusals that no other issue will fare better with: stop the import, say why.
bool endsTheImport(const RedmineError& e) { return e.status() == 0 || e.status() == 401; }

void fetchOne(ImportRun& run, RedmineClient& client, unsigned id, FetchedIssue& out) {
    const auto page =
        client.getJson("/issues/" + std::to_string(id) + ".json?include=journals,attachments,relations,watchers");
    const auto issue = page.find("issue");
    if (issue == page.end() || !issue->is_object()) throw RedmineError("issue #" + std::to_string(id) + ": no issue in the answer", 200);
    out.issue = parseIssue(*issue);
    // Only files not imported yet: a changed issue keeps what it already has.
    for (const auto& a : out.issue.attachments)
        if (!run.maps.find("attachment", a.id)) out.files[a.id] = client.download(a.id);
}

} // namespace

std::vector<FetchedIssue> fetchIssues(ImportRun& run, const std::vector<unsigned>& ids,
                                      std::vector<std::unique_ptr<RedmineClient>>& clients) {
    std::vector<FetchedIssue> out(ids.size());
    if (ids.empty()) return out;
    const std::size_t threads = std::min<std::size_t>(std::max(1u, run.options.fetchThreads), ids.size());
    while (clients.size() < threads) clients.push_back(std::make_unique<RedmineClient>(run.options.client));

    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr fatal;
    std::mutex fatalMutex;
    auto work = [&](RedmineClient& client) {
        for (std::size_t i = next++; i < ids.size() && !stop; i = next++) {
            try {
                fetchOne(run, client, ids[i], out[i]);
            } catch (const RedmineError& e) {
                if (e.status() == 404) {
                    out[i].gone = true;
                } else if (endsTheImport(e)) {
                    std::lock_guard lock(fatalMutex);
                    if (!fatal) fatal = std::current_exception();
                    stop = true;
                } else {
                    out[i].error = e.what();
                }
            } catch (const std::exception& e) {
                out[i].error = e.what();
            }
        }
    };
    // The mappings read by fetchOne are not written while the workers run: the caller
    // writes only after they are joined.
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, std::ref(*clients[t]));
    work(*clients[0]);
    for (auto& t : pool) t.join();
    if (fatal) std::rethrow_exception(fatal);
    return out;
}

} // namespace ticketflow::app::redmine
