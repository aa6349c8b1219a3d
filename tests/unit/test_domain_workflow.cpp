// Unit tests of the workflow rules against the seeded default workflow (sql/002_seed.sql).
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/domain/workflow.hpp"

using namespace ticketflow::domain;

namespace {

constexpr unsigned kNew = 1, kSeen = 2, kAccepted = 3, kRejected = 4, kClosed = 5;
constexpr unsigned kSupportRole = 1, kGatekeeperRole = 2, kDeveloperRole = 3, kManagerRole = 4, kCustomerRole = 5;
constexpr unsigned kSupportProject = 1, kInternalProject = 2;
constexpr unsigned kMilestone = 9, kOtherUser = 99;
const std::vector<unsigned> kSupportTrackers{1, 2}, kInternalTrackers{3, 4, 5};
const std::vector<unsigned> kAllStatuses{kNew, kSeen, kAccepted, kRejected, kClosed};

// The seed's workflow_transitions rows, copied as data: role, from, to, note, assignee,
// milestone, assigneeOnly.
struct SeedRow {
    unsigned role, from, to;
    bool note, assignee, milestone, assigneeOnly;
};
const std::vector<SeedRow> kSupportSeed{
    {kSupportRole, kNew, kAccepted, false, false, false, false},
    {kSupportRole, kNew, kRejected, true, false, false, false},
    {kSupportRole, kNew, kClosed, true, false, false, false},
    {kSupportRole, kAccepted, kClosed, false, false, false, false},
    {kSupportRole, kAccepted, kRejected, true, false, false, false},
    {kSupportRole, kClosed, kAccepted, false, false, false, false},
    {kSupportRole, kRejected, kAccepted, false, false, false, false},
};
const std::vector<SeedRow> kInternalSeed{
    {kGatekeeperRole, kNew, kSeen, false, true, true, false},
    {kGatekeeperRole, kNew, kRejected, true, false, false, false},
    {kGatekeeperRole, kRejected, kNew, true, false, false, false},
    {kDeveloperRole, kSeen, kAccepted, false, false, false, true},
    {kDeveloperRole, kAccepted, kClosed, false, false, false, false},
    {kDeveloperRole, kClosed, kAccepted, true, false, false, false},
};

std::vector<TransitionRule> seededRules() {
    std::vector<TransitionRule> rules;
    const auto expand = [&](const std::vector<SeedRow>& rows, const std::vector<unsigned>& trackers) {
        for (const unsigned tracker : trackers)
            for (const SeedRow& r : rows)
                rules.push_back({tracker, r.role, r.from, r.to, r.note, r.assignee, r.milestone, r.assigneeOnly});
    };
    expand(kSupportSeed, kSupportTrackers);
    expand(kInternalSeed, kInternalTrackers);
    return rules;
}

const Workflow& seededWorkflow() {
    static const Workflow workflow(seededRules());
    return workflow;
}

Role seedRole(unsigned id) {
    static const char* const kPermissions[] = {
        "",
        "view_issues add_issues edit_issues add_notes view_private_notes set_notes_private "
        "copy_issues view_customers manage_customers",
        "view_issues add_issues edit_issues add_notes view_private_notes set_notes_private "
        "triage_issues manage_milestones",
        "view_issues add_issues edit_issues add_notes view_private_notes set_notes_private",
        "view_issues view_private_notes view_reports view_customers",
        "view_own_issues add_issues add_notes"};
    static const char* const kNames[] = {"", "Support", "Gatekeeper", "Developer", "Manager", "Customer"};
    return Role{id, kNames[id], PermissionSet::parse(kPermissions[id])};
}

/// A staff member holding `roleIds` in both projects (rules are per tracker, so the project
/// only decides which roles count).
Actor staffWith(unsigned userId, std::vector<unsigned> roleIds) {
    Actor actor;
    actor.userId = userId;
    actor.login = "user" + std::to_string(userId);
    actor.staff = true;
    for (const unsigned project : {kSupportProject, kInternalProject})
        for (const unsigned roleId : roleIds) actor.roles[project].push_back(seedRole(roleId));
    return actor;
}

Actor adminWithoutMemberships() {
    Actor actor;
    actor.userId = 1;
    actor.staff = true;
    actor.admin = true;
    return actor;
}

unsigned projectOf(unsigned tracker) {
    return tracker <= 2 ? kSupportProject : kInternalProject;
}

IssueRef issueAt(unsigned tracker, unsigned status, std::optional<unsigned> assignee = {}) {
    IssueRef issue;
    issue.id = 100;
    issue.projectId = projectOf(tracker);
    issue.trackerId = tracker;
    issue.statusId = status;
    issue.assigneeId = assignee;
    return issue;
}

/// A change meeting every condition any rule can demand.
StatusChange satisfyingChange(unsigned to, unsigned assignee) {
    return StatusChange{to, "Reason given.", assignee, kMilestone};
}

std::string nameOf(TransitionError e) {
    switch (e) {
        case TransitionError::None:
            return "None";
        case TransitionError::NotAllowed:
            return "NotAllowed";
        case TransitionError::NoteRequired:
            return "NoteRequired";
        case TransitionError::AssigneeRequired:
            return "AssigneeRequired";
        case TransitionError::MilestoneRequired:
            return "MilestoneRequired";
        case TransitionError::NotAssignee:
            return "NotAssignee";
        case TransitionError::SameStatus:
            return "SameStatus";
    }
    return "?";
}

// Where each seeded role may go, from each status, in the trackers its rules name (the issue
// assigned to the actor, so assigneeOnly rules count). Everywhere else: nowhere.
struct ReachRow {
    unsigned role;
    const std::vector<unsigned>& homeTrackers;
    unsigned from;
    std::vector<unsigned> targets;
};
const std::vector<ReachRow> kReach{
    {kSupportRole, kSupportTrackers, kNew, {kAccepted, kRejected, kClosed}},
    {kSupportRole, kSupportTrackers, kSeen, {}},
    {kSupportRole, kSupportTrackers, kAccepted, {kRejected, kClosed}},
    {kSupportRole, kSupportTrackers, kRejected, {kAccepted}},
    {kSupportRole, kSupportTrackers, kClosed, {kAccepted}},
    {kGatekeeperRole, kInternalTrackers, kNew, {kSeen, kRejected}},
    {kGatekeeperRole, kInternalTrackers, kSeen, {}},
    {kGatekeeperRole, kInternalTrackers, kAccepted, {}},
    {kGatekeeperRole, kInternalTrackers, kRejected, {kNew}},
    {kGatekeeperRole, kInternalTrackers, kClosed, {}},
    {kDeveloperRole, kInternalTrackers, kNew, {}},
    {kDeveloperRole, kInternalTrackers, kSeen, {kAccepted}},
    {kDeveloperRole, kInternalTrackers, kAccepted, {kClosed}},
    {kDeveloperRole, kInternalTrackers, kRejected, {}},
    {kDeveloperRole, kInternalTrackers, kClosed, {kAccepted}},
};

std::vector<unsigned> expectedTargets(const ReachRow& row, unsigned tracker) {
    for (const unsigned home : row.homeTrackers)
        if (home == tracker) return row.targets;
    return {};
}

bool contains(const std::vector<unsigned>& ids, unsigned id) {
    for (const unsigned candidate : ids)
        if (candidate == id) return true;
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_workflow)

BOOST_AUTO_TEST_CASE(each_seeded_role_reaches_exactly_its_targets_from_every_status_and_tracker) {
    for (const ReachRow& row : kReach) {
        const Actor actor = staffWith(10, {row.role});
        for (const unsigned tracker : {1u, 2u, 3u, 4u, 5u}) {
            BOOST_TEST_CONTEXT("role " << row.role << ", tracker " << tracker << ", from " << row.from) {
                const auto targets = seededWorkflow().allowedTargets(actor, issueAt(tracker, row.from, 10));
                BOOST_TEST(targets == expectedTargets(row, tracker), boost::test_tools::per_element());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(check_allows_exactly_the_seeded_transitions_and_refuses_every_other_pair) {
    for (const ReachRow& row : kReach) {
        const Actor actor = staffWith(10, {row.role});
        for (const unsigned tracker : {1u, 2u, 3u, 4u, 5u}) {
            const std::vector<unsigned> allowed = expectedTargets(row, tracker);
            for (const unsigned to : kAllStatuses) {
                BOOST_TEST_CONTEXT("role " << row.role << ", tracker " << tracker << ", " << row.from << " -> " << to) {
                    const TransitionError expected = to == row.from          ? TransitionError::SameStatus
                                                     : contains(allowed, to) ? TransitionError::None
                                                                             : TransitionError::NotAllowed;
                    const TransitionError actual =
                        seededWorkflow().check(actor, issueAt(tracker, row.from, 10), satisfyingChange(to, 10));
                    BOOST_TEST(nameOf(actual) == nameOf(expected));
                }
            }
        }
    }
}

// The conditions of the seeded transitions, one row per situation a user can be in.
struct ConditionRow {
    const char* behaviour;
    std::vector<unsigned> roles;
    unsigned tracker, from, to;
    std::string note;
    std::optional<unsigned> assigneeBefore, assigneeAfter, milestoneAfter;
    TransitionError expected;
};

BOOST_AUTO_TEST_CASE(seeded_transitions_demand_their_note_assignee_milestone_and_assignee_only) {
    constexpr unsigned me = 10;
    const std::optional<unsigned> none;
    const std::vector<ConditionRow> rows{
        {"support accepts a new issue without a note",
         {kSupportRole},
         1,
         kNew,
         kAccepted,
         "",
         none,
         none,
         none,
         TransitionError::None},
        {"support rejects without a reason",
         {kSupportRole},
         1,
         kNew,
         kRejected,
         "",
         none,
         none,
         none,
         TransitionError::NoteRequired},
        {"support rejects with a whitespace-only reason",
         {kSupportRole},
         1,
         kNew,
         kRejected,
         " \t\r\n ",
         none,
         none,
         none,
         TransitionError::NoteRequired},
        {"support rejects with only non-breaking and ideographic spaces",
         {kSupportRole},
         2,
         kNew,
         kRejected,
         "\u00A0\u3000\u200B",
         none,
         none,
         none,
         TransitionError::NoteRequired},
        {"support rejects with a reason",
         {kSupportRole},
         1,
         kNew,
         kRejected,
         "Duplicate of #4.",
         none,
         none,
         none,
         TransitionError::None},
        {"support closes a new issue without the answer",
         {kSupportRole},
         1,
         kNew,
         kClosed,
         "",
         none,
         none,
         none,
         TransitionError::NoteRequired},
        {"support closes a new issue with the answer",
         {kSupportRole},
         2,
         kNew,
         kClosed,
         "Use option B.",
         none,
         none,
         none,
         TransitionError::None},
        {"support closes an accepted issue without a note",
         {kSupportRole},
         1,
         kAccepted,
         kClosed,
         "",
         none,
         none,
         none,
         TransitionError::None},
        {"support rejects an accepted issue without a reason",
         {kSupportRole},
         2,
         kAccepted,
         kRejected,
         "  ",
         none,
         none,
         none,
         TransitionError::NoteRequired},
        {"support reopens a closed issue without a note",
         {kSupportRole},
         1,
         kClosed,
         kAccepted,
         "",
         none,
         none,
         none,
         TransitionError::None},
        {"support reopens a rejected issue without a note",
         {kSupportRole},
         1,
         kRejected,
         kAccepted,
         "",
         none,
         none,
         none,
         TransitionError::None},
        {"support may not touch an internal bug",
         {kSupportRole},
         3,
         kNew,
         kRejected,
         "x",
         none,
         none,
         none,
         TransitionError::NotAllowed},
        {"gatekeeper marks seen without assignee and milestone",
         {kGatekeeperRole},
         3,
         kNew,
         kSeen,
         "",
         none,
         none,
         none,
         TransitionError::AssigneeRequired},
        {"gatekeeper marks seen without a milestone",
         {kGatekeeperRole},
         4,
         kNew,
         kSeen,
         "",
         none,
         30u,
         none,
         TransitionError::MilestoneRequired},
        {"gatekeeper marks seen without an assignee",
         {kGatekeeperRole},
         5,
         kNew,
         kSeen,
         "",
         none,
         none,
         kMilestone,
         TransitionError::AssigneeRequired},
        {"gatekeeper marks seen with assignee and milestone",
         {kGatekeeperRole},
         3,
         kNew,
         kSeen,
         "",
         none,
         30u,
         kMilestone,
         TransitionError::None},
        {"gatekeeper rejects without a reason",
         {kGatekeeperRole},
         3,
         kNew,
         kRejected,
         "",
         none,
         none,
         none,
         TransitionError::NoteRequired},
        {"gatekeeper rejects with a reason",
         {kGatekeeperRole},
         3,
         kNew,
         kRejected,
         "Not a bug.",
         none,
         none,
         none,
         TransitionError::None},
        {"gatekeeper returns a rejected issue to new without a note",
         {kGatekeeperRole},
         4,
         kRejected,
         kNew,
         "",
         none,
         none,
         none,
         TransitionError::NoteRequired},
        {"gatekeeper returns a rejected issue to new with a note",
         {kGatekeeperRole},
         4,
         kRejected,
         kNew,
         "Reopened: logs arrived.",
         none,
         none,
         none,
         TransitionError::None},
        {"gatekeeper may not support-close",
         {kGatekeeperRole},
         1,
         kNew,
         kClosed,
         "x",
         none,
         none,
         none,
         TransitionError::NotAllowed},
        {"developer accepts as the assignee",
         {kDeveloperRole},
         3,
         kSeen,
         kAccepted,
         "",
         me,
         me,
         kMilestone,
         TransitionError::None},
        {"developer accepts someone else's issue",
         {kDeveloperRole},
         3,
         kSeen,
         kAccepted,
         "",
         kOtherUser,
         kOtherUser,
         kMilestone,
         TransitionError::NotAssignee},
        {"developer accepts an unassigned issue",
         {kDeveloperRole},
         4,
         kSeen,
         kAccepted,
         "",
         none,
         none,
         none,
         TransitionError::NotAssignee},
        {"developer assigns themselves and accepts in one step",
         {kDeveloperRole},
         3,
         kSeen,
         kAccepted,
         "",
         kOtherUser,
         me,
         kMilestone,
         TransitionError::NotAssignee},
        {"developer closes an accepted issue",
         {kDeveloperRole},
         5,
         kAccepted,
         kClosed,
         "",
         none,
         none,
         none,
         TransitionError::None},
        {"developer reopens a closed issue without a note",
         {kDeveloperRole},
         3,
         kClosed,
         kAccepted,
         "\n",
         none,
         none,
         none,
         TransitionError::NoteRequired},
        {"developer reopens a closed issue with a note",
         {kDeveloperRole},
         3,
         kClosed,
         kAccepted,
         "Regression in 2.1.1.",
         none,
         none,
         none,
         TransitionError::None},
        {"developer may not triage new issues",
         {kDeveloperRole},
         3,
         kNew,
         kSeen,
         "",
         none,
         me,
         kMilestone,
         TransitionError::NotAllowed},
        {"gatekeeper who is also a developer accepts an issue assigned to them",
         {kGatekeeperRole, kDeveloperRole},
         3,
         kSeen,
         kAccepted,
         "",
         me,
         me,
         none,
         TransitionError::None},
        {"gatekeeper who is also a developer triages",
         {kGatekeeperRole, kDeveloperRole},
         3,
         kNew,
         kSeen,
         "",
         none,
         30u,
         kMilestone,
         TransitionError::None},
        {"manager has no transitions",
         {kManagerRole},
         1,
         kNew,
         kAccepted,
         "",
         none,
         none,
         none,
         TransitionError::NotAllowed},
        {"customer role has no transitions",
         {kCustomerRole},
         1,
         kClosed,
         kAccepted,
         "Still broken",
         none,
         none,
         none,
         TransitionError::NotAllowed},
        {"moving to the current status is no change",
         {kSupportRole},
         1,
         kAccepted,
         kAccepted,
         "x",
         none,
         none,
         none,
         TransitionError::SameStatus},
    };
    for (const ConditionRow& row : rows) {
        BOOST_TEST_CONTEXT(row.behaviour) {
            const Actor actor = staffWith(me, row.roles);
            const StatusChange change{row.to, row.note, row.assigneeAfter, row.milestoneAfter};
            const TransitionError actual =
                seededWorkflow().check(actor, issueAt(row.tracker, row.from, row.assigneeBefore), change);
            BOOST_TEST(nameOf(actual) == nameOf(row.expected));
        }
    }
}

BOOST_AUTO_TEST_CASE(developer_does_not_see_accepted_as_a_target_unless_assignee) {
    const Actor developer = staffWith(30, {kDeveloperRole});
    const std::vector<unsigned> none;
    const std::vector<unsigned> accepted{kAccepted};
    BOOST_TEST(seededWorkflow().allowedTargets(developer, issueAt(3, kSeen, 30)) == accepted,
               boost::test_tools::per_element());
    BOOST_TEST(seededWorkflow().allowedTargets(developer, issueAt(3, kSeen, kOtherUser)) == none,
               boost::test_tools::per_element());
    BOOST_TEST(seededWorkflow().allowedTargets(developer, issueAt(3, kSeen)) == none, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(admin_uses_every_roles_transitions_and_is_exempt_from_assignee_only) {
    const Actor admin = adminWithoutMemberships();
    struct Row {
        unsigned tracker, from;
        std::vector<unsigned> targets;
    };
    const std::vector<Row> rows{
        {1, kNew, {kAccepted, kRejected, kClosed}},
        {2, kClosed, {kAccepted}},
        {3, kNew, {kSeen, kRejected}},
        {4, kSeen, {kAccepted}}, // assigned to someone else: admin exempt from assigneeOnly
        {5, kAccepted, {kClosed}},
        {5, kRejected, {kNew}},
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT("tracker " << row.tracker << ", from " << row.from) {
            const auto targets = seededWorkflow().allowedTargets(admin, issueAt(row.tracker, row.from, kOtherUser));
            BOOST_TEST(targets == row.targets, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(admin_still_meets_the_conditions_of_a_transition) {
    const Actor admin = adminWithoutMemberships();
    const Workflow& wf = seededWorkflow();
    BOOST_TEST(nameOf(wf.check(admin, issueAt(1, kNew), {kRejected, " ", {}, {}})) == "NoteRequired");
    BOOST_TEST(nameOf(wf.check(admin, issueAt(3, kNew), {kSeen, "", {}, kMilestone})) == "AssigneeRequired");
    BOOST_TEST(nameOf(wf.check(admin, issueAt(3, kSeen, kOtherUser), {kAccepted, "", kOtherUser, {}})) == "None");
    BOOST_TEST(nameOf(wf.check(admin, issueAt(3, kSeen), {kClosed, "x", {}, {}})) == "NotAllowed");
}

BOOST_AUTO_TEST_CASE(actors_without_roles_in_the_issues_project_get_no_transitions) {
    Actor anonymous;
    Actor lockedSupport = staffWith(11, {kSupportRole});
    lockedSupport.locked = true;
    Actor lockedAdmin = adminWithoutMemberships();
    lockedAdmin.locked = true;
    Actor customer;
    customer.userId = 50;
    customer.customerId = 7;
    customer.roles[kSupportProject].push_back(seedRole(kCustomerRole));
    Actor supportOnlyInSupport;
    supportOnlyInSupport.userId = 12;
    supportOnlyInSupport.staff = true;
    supportOnlyInSupport.roles[kSupportProject].push_back(seedRole(kSupportRole));
    Actor supportRoleOnlyInInternal; // the Support role counts only in the project holding it
    supportRoleOnlyInInternal.userId = 13;
    supportRoleOnlyInInternal.staff = true;
    supportRoleOnlyInInternal.roles[kInternalProject].push_back(seedRole(kSupportRole));

    struct Row {
        const char* who;
        const Actor& actor;
        unsigned tracker, from, to;
    };
    const std::vector<Row> rows{
        {"anonymous", anonymous, 1, kNew, kAccepted},
        {"locked support member", lockedSupport, 1, kNew, kAccepted},
        {"locked admin", lockedAdmin, 1, kNew, kAccepted},
        {"customer login", customer, 1, kClosed, kAccepted},
        {"support member on an internal bug", supportOnlyInSupport, 3, kNew, kRejected},
        {"support role held in another project", supportRoleOnlyInInternal, 1, kNew, kAccepted},
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(row.who) {
            const IssueRef issue = issueAt(row.tracker, row.from, row.actor.userId);
            BOOST_TEST(seededWorkflow().allowedTargets(row.actor, issue).empty());
            BOOST_TEST(nameOf(seededWorkflow().check(row.actor, issue, satisfyingChange(row.to, 1))) == "NotAllowed");
            BOOST_TEST(!seededWorkflow().requirementsFor(row.actor, issue, row.to).has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(requirements_for_the_edit_form_follow_the_seeded_flags) {
    struct Row {
        const char* behaviour;
        unsigned role, tracker, from, to;
        std::optional<unsigned> assignee;
        bool allowed, note, assigneeRequired, milestone, assigneeOnly;
    };
    const std::vector<Row> rows{
        {"gatekeeper triage demands assignee and milestone",
         kGatekeeperRole,
         3,
         kNew,
         kSeen,
         {},
         true,
         false,
         true,
         true,
         false},
        {"gatekeeper rejection demands a note",
         kGatekeeperRole,
         4,
         kNew,
         kRejected,
         {},
         true,
         true,
         false,
         false,
         false},
        {"support rejection demands a note", kSupportRole, 1, kNew, kRejected, {}, true, true, false, false, false},
        {"support acceptance demands nothing", kSupportRole, 2, kNew, kAccepted, {}, true, false, false, false, false},
        {"developer acceptance is assignee-only", kDeveloperRole, 3, kSeen, kAccepted, 10u, true, false, false, false,
         true},
        {"developer acceptance by a non-assignee is not offered", kDeveloperRole, 3, kSeen, kAccepted, kOtherUser,
         false, false, false, false, false},
        {"support cannot triage", kSupportRole, 1, kNew, kSeen, {}, false, false, false, false, false},
        {"the current status is not a target", kSupportRole, 1, kNew, kNew, {}, false, false, false, false, false},
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(row.behaviour) {
            const auto rule = seededWorkflow().requirementsFor(staffWith(10, {row.role}),
                                                               issueAt(row.tracker, row.from, row.assignee), row.to);
            BOOST_TEST(rule.has_value() == row.allowed);
            if (!rule) continue;
            BOOST_TEST(rule->noteRequired == row.note);
            BOOST_TEST(rule->assigneeRequired == row.assigneeRequired);
            BOOST_TEST(rule->milestoneRequired == row.milestone);
            BOOST_TEST(rule->assigneeOnly == row.assigneeOnly);
            BOOST_TEST(rule->roleId == row.role);
            BOOST_TEST(rule->toStatusId == row.to);
        }
    }
}

BOOST_AUTO_TEST_CASE(several_roles_get_the_union_and_the_most_permissive_rule_wins) {
    // Tracker 7, New -> Accepted: role 1 demands a note and a milestone, role 2 only an assignee,
    // role 3 only a note.
    const Workflow wf({{7, 1, kNew, kAccepted, true, false, true, false},
                       {7, 2, kNew, kAccepted, false, true, false, false},
                       {7, 3, kNew, kAccepted, true, false, false, false},
                       {7, 3, kNew, kClosed, false, false, false, false}});
    IssueRef issue = issueAt(7, kNew);
    issue.projectId = kSupportProject;
    const Actor both12 = staffWith(10, {1, 2});
    const Actor both13 = staffWith(10, {1, 3});

    BOOST_TEST(nameOf(wf.check(both12, issue, {kAccepted, "", 5u, {}})) == "None");
    BOOST_TEST(nameOf(wf.check(both12, issue, {kAccepted, "why", {}, kMilestone})) == "None");
    BOOST_TEST(nameOf(wf.check(both12, issue, {kAccepted, "", {}, {}})) == "AssigneeRequired");
    BOOST_TEST(nameOf(wf.check(both13, issue, {kAccepted, "", {}, kMilestone})) == "NoteRequired");

    const auto merged = wf.requirementsFor(both13, issue, kAccepted);
    BOOST_REQUIRE(merged.has_value());
    BOOST_TEST(merged->noteRequired);       // both roles demand a note
    BOOST_TEST(!merged->milestoneRequired); // only role 1 does
    BOOST_TEST(merged->roleId == 0u);       // merged over two roles

    const std::vector<unsigned> targets{kAccepted, kClosed};
    BOOST_TEST(wf.allowedTargets(both13, issue) == targets, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_rule_from_a_status_to_itself_offers_nothing) {
    const Workflow wf({{1, kSupportRole, kNew, kNew, false, false, false, false}});
    const Actor support = staffWith(10, {kSupportRole});
    BOOST_TEST(wf.allowedTargets(support, issueAt(1, kNew)).empty());
    BOOST_TEST(nameOf(wf.check(support, issueAt(1, kNew), {kNew, "", {}, {}})) == "SameStatus");
    BOOST_TEST(wf.rules().size() == 1u);
}

BOOST_AUTO_TEST_CASE(every_refusal_has_a_sentence_and_allowed_has_none) {
    const std::vector<TransitionError> refusals{TransitionError::NotAllowed,       TransitionError::NoteRequired,
                                                TransitionError::AssigneeRequired, TransitionError::MilestoneRequired,
                                                TransitionError::NotAssignee,      TransitionError::SameStatus};
    for (const TransitionError error : refusals) {
        BOOST_TEST_CONTEXT(nameOf(error)) {
            const std::string_view text = describe(error);
            BOOST_TEST(!text.empty());
            BOOST_TEST(text.back() == '.');
        }
    }
    BOOST_TEST(describe(TransitionError::NoteRequired) == "A note is required for this status change.");
    BOOST_TEST(describe(TransitionError::None).empty());
}

BOOST_AUTO_TEST_SUITE_END()
