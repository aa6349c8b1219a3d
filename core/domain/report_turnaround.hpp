// The "Support → Internal turnaround" report: for every support issue copied to Internal,
// created → copied, copied → internal closed, internal closed → support closed.
#pragma once
#include "core/domain/report_history.hpp"

#include <unordered_map>

namespace ticketflow::report {

/// An issue_relations row copied_to: support issue → internal issue, at `copiedAt`.
struct CopyLink {
    unsigned supportId = 0, internalId = 0;
    Instant copiedAt = 0;
};

/// A support issue still waiting at asOf, with where it waits.
struct SlowCase {
    unsigned supportId = 0;
    std::vector<unsigned> internalIds;
    Instant copiedAt = 0, waited = 0; // waited = asOf − copiedAt
    bool internalClosed = false;      // true: waits for support to close it
};

struct TurnaroundReport {
    /// Per month of `months`, by the month the stage ended.
    std::vector<DurationStats> createdToCopied, copiedToInternalClosed, internalClosedToSupportClosed;
    std::vector<SlowCase> slowestOpen; // longest waiting first
    long cases = 0, openCases = 0;
};

/// One case per support issue. A support issue copied more than once counts once: copied at
/// its first copy, internally closed when the last of its copies closed (all must be closed).
/// Closing times replay the journal up to asOf, so a reopened issue is open again. A support
/// issue closed before its internal copies counts no third stage.
class TurnaroundCollector {
public:
    TurnaroundCollector(StatusKinds kinds, Instant asOf, Periods months, std::vector<CopyLink> links,
                        std::size_t slowestListed = 20);
    /// Keeps what it needs of issues named by a link; ignores the others.
    void add(const IssueHistory& issue);
    TurnaroundReport finish();

private:
    struct Seen {
        Instant createdAt = 0;
        std::optional<Instant> closedAt;
    };
    StatusKinds _kinds;
    Instant _asOf;
    Periods _months;
    std::vector<CopyLink> _links;
    std::size_t _slowestListed;
    std::unordered_map<unsigned, Seen> _seen; // only ids named by _links
};

} // namespace ticketflow::report
