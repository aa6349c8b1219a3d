// Reads what the nightly reports aggregate: issues with their status journal (streamed),
// statuses, milestones, copy links and the names used as labels.
#pragma once
#include "core/domain/report_milestones.hpp"
#include "core/domain/report_turnaround.hpp"
#include "core/storage/connection.hpp"

#include <functional>
#include <map>

namespace ticketflow::storage {

/// Report reads. A replica is fine: everything is read without locks, as of the moment
/// each query starts.
class ReportHistoryReader {
public:
    explicit ReportHistoryReader(Connection& db) : _db(db) {}

    /// New (is_new) and closed (is_closed) status ids. Throws StorageError.
    report::StatusKinds statusKinds();
    /// Every milestone, by project then name. Throws StorageError.
    std::vector<report::MilestoneInfo> milestones();
    /// copied_to relations from a customer-facing project into an internal one. Throws StorageError.
    std::vector<report::CopyLink> copyLinks();
    /// id → name of projects, trackers, statuses, staff users ("First Last" or login).
    std::map<unsigned, std::string> projectNames(), trackerNames(), statusNames(), userNames();

    /// The highest issue id (sizes the progress bar). Throws StorageError.
    std::size_t highestIssueId();

    /// Calls `visit` once per issue created at or before `asOf`, in id order, with its status
    /// changes from the journal. Reads in id ranges, so memory holds one range's rows however
    /// many millions of issues there are. Returns the
    /// number of issues; `changes` gets the number of status changes. Throws StorageError.
    std::size_t forEachIssue(report::Instant asOf, const std::function<void(const report::IssueHistory&)>& visit,
                             std::size_t& changes);

private:
    std::map<unsigned, std::string> names(const std::string& sql);
    Connection& _db;
};

} // namespace ticketflow::storage
