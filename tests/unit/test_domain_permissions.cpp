// Unit tests of permissions, the Actor's role checks and the per-issue access rules.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/domain/issue_access.hpp"

using namespace ticketflow::domain;

namespace {

constexpr unsigned kSupportProject = 1, kInternalProject = 2, kOtherProject = 3;

// roles.permissions of sql/002_seed.sql, copied as data.
const char* const kSupportPermissions =
    "view_issues add_issues edit_issues add_notes view_private_notes set_notes_private copy_issues "
    "view_customers manage_customers";
const char* const kGatekeeperPermissions =
    "view_issues add_issues edit_issues add_notes view_private_notes set_notes_private "
    "triage_issues manage_milestones";
const char* const kDeveloperPermissions =
    "view_issues add_issues edit_issues add_notes view_private_notes set_notes_private";
const char* const kManagerPermissions = "view_issues view_private_notes view_reports view_customers";
const char* const kCustomerPermissions = "view_own_issues add_issues add_notes";

Role role(unsigned id, const char* name, const char* permissions) {
    return Role{id, name, PermissionSet::parse(permissions)};
}
const Role kSupport = role(1, "Support", kSupportPermissions);
const Role kGatekeeper = role(2, "Gatekeeper", kGatekeeperPermissions);
const Role kDeveloper = role(3, "Developer", kDeveloperPermissions);
const Role kManager = role(4, "Manager", kManagerPermissions);
const Role kCustomer = role(5, "Customer", kCustomerPermissions);

Actor staff(unsigned userId, std::map<unsigned, std::vector<Role>> roles) {
    Actor actor;
    actor.userId = userId;
    actor.staff = true;
    actor.roles = std::move(roles);
    return actor;
}

Actor customerLogin(unsigned userId, unsigned customerId, std::vector<Role> roles) {
    Actor actor;
    actor.userId = userId;
    actor.customerId = customerId;
    actor.roles[kSupportProject] = std::move(roles);
    return actor;
}

Actor admin() {
    Actor actor;
    actor.userId = 1;
    actor.admin = true;
    actor.staff = true;
    return actor;
}

IssueRef issue(unsigned project, std::optional<unsigned> customer = {}, std::optional<unsigned> author = {},
               std::optional<unsigned> assignee = {}) {
    IssueRef ref;
    ref.id = 500;
    ref.projectId = project;
    ref.trackerId = project == kSupportProject ? 1 : 3;
    ref.statusId = 1;
    ref.customerId = customer;
    ref.authorId = author;
    ref.assigneeId = assignee;
    return ref;
}

} // namespace

BOOST_AUTO_TEST_SUITE(domain_permissions)

BOOST_AUTO_TEST_CASE(every_permission_name_round_trips_and_matches_the_seed_spelling) {
    const std::vector<std::pair<Permission, std::string_view>> rows{
        {Permission::ViewIssues, "view_issues"},
        {Permission::ViewOwnIssues, "view_own_issues"},
        {Permission::AddIssues, "add_issues"},
        {Permission::EditIssues, "edit_issues"},
        {Permission::AddNotes, "add_notes"},
        {Permission::ViewPrivateNotes, "view_private_notes"},
        {Permission::SetNotesPrivate, "set_notes_private"},
        {Permission::CopyIssues, "copy_issues"},
        {Permission::TriageIssues, "triage_issues"},
        {Permission::ManageMilestones, "manage_milestones"},
        {Permission::ViewReports, "view_reports"},
        {Permission::ViewCustomers, "view_customers"},
        {Permission::ManageCustomers, "manage_customers"},
        {Permission::DeleteIssues, "delete_issues"},
    };
    BOOST_TEST(allPermissions().size() == rows.size());
    for (const auto& [permission, name] : rows) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(permissionName(permission) == name);
            BOOST_TEST((permissionFromName(name) == permission));
        }
    }
}

BOOST_AUTO_TEST_CASE(unknown_or_differently_spelled_names_are_not_permissions) {
    for (const std::string_view name : {"", "View_Issues", "view-issues", "view_issues ", "admin", "*"}) {
        BOOST_TEST_CONTEXT("'" << name << "'") {
            BOOST_TEST(!permissionFromName(name).has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(seeded_role_permissions_parse_and_print_back_unchanged) {
    for (const char* seeded : {kSupportPermissions, kGatekeeperPermissions, kDeveloperPermissions, kManagerPermissions,
                               kCustomerPermissions}) {
        BOOST_TEST_CONTEXT(seeded) {
            BOOST_TEST(PermissionSet::parse(seeded).toString() == seeded);
            BOOST_TEST(PermissionSet::unknownNames(seeded).empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(parsing_ignores_unknown_names_duplicates_and_extra_whitespace) {
    const PermissionSet set = PermissionSet::parse("  add_notes\tfly_to_moon  add_notes\nview_reports ");
    BOOST_TEST(set.toString() == "add_notes view_reports");
    BOOST_TEST(set.has(Permission::AddNotes));
    BOOST_TEST(!set.has(Permission::ViewIssues));
    const std::vector<std::string> unknown{"fly_to_moon"};
    BOOST_TEST(PermissionSet::unknownNames("add_notes fly_to_moon") == unknown, boost::test_tools::per_element());
    BOOST_TEST(PermissionSet::parse("").empty());
    BOOST_TEST(PermissionSet::parse("bogus").empty());
}

BOOST_AUTO_TEST_CASE(a_set_adds_and_removes_single_permissions) {
    PermissionSet set;
    set.add(Permission::ManageCustomers);
    set.add(Permission::ViewIssues);
    BOOST_TEST(set.toString() == "view_issues manage_customers");
    set.remove(Permission::ViewIssues);
    BOOST_TEST(!set.has(Permission::ViewIssues));
    BOOST_TEST(set.has(Permission::ManageCustomers));
    BOOST_TEST((set == PermissionSet::parse("manage_customers")));
}

BOOST_AUTO_TEST_CASE(allowed_to_follows_roles_per_project_kind_admin_and_lock) {
    Actor locked = staff(11, {{kSupportProject, {kSupport}}});
    locked.locked = true;
    Actor lockedAdmin = admin();
    lockedAdmin.locked = true;
    const Actor anonymous;
    const Actor support = staff(10, {{kSupportProject, {kSupport}}});
    const Actor gatekeeper = staff(20, {{kInternalProject, {kGatekeeper, kDeveloper}}});
    const Actor manager = staff(40, {{kSupportProject, {kManager}}, {kInternalProject, {kManager}}});
    const Actor customer = customerLogin(50, 7, {kCustomer});
    const Actor misconfiguredCustomer = customerLogin(51, 8, {kCustomer, kSupport});
    const Actor anAdmin = admin();

    struct Row {
        const char* who;
        const Actor& actor;
        Permission permission;
        unsigned project;
        bool expected;
    };
    const std::vector<Row> rows{
        {"support views support issues", support, Permission::ViewIssues, kSupportProject, true},
        {"support copies support issues", support, Permission::CopyIssues, kSupportProject, true},
        {"support may not triage", support, Permission::TriageIssues, kSupportProject, false},
        {"support has no rights in the internal project", support, Permission::ViewIssues, kInternalProject, false},
        {"gatekeeper triages internal issues", gatekeeper, Permission::TriageIssues, kInternalProject, true},
        {"gatekeeper manages milestones", gatekeeper, Permission::ManageMilestones, kInternalProject, true},
        {"gatekeeper may not copy issues", gatekeeper, Permission::CopyIssues, kInternalProject, false},
        {"manager reads reports", manager, Permission::ViewReports, kInternalProject, true},
        {"manager may not add notes", manager, Permission::AddNotes, kSupportProject, false},
        {"customer sees own issues", customer, Permission::ViewOwnIssues, kSupportProject, true},
        {"customer adds issues", customer, Permission::AddIssues, kSupportProject, true},
        {"customer may not see all issues", customer, Permission::ViewIssues, kSupportProject, false},
        {"customer has nothing in the internal project", customer, Permission::AddIssues, kInternalProject, false},
        {"customer given a staff role still may not see all issues", misconfiguredCustomer, Permission::ViewIssues,
         kSupportProject, false},
        {"customer given a staff role still may not see private notes", misconfiguredCustomer,
         Permission::ViewPrivateNotes, kSupportProject, false},
        {"customer given a staff role still adds notes", misconfiguredCustomer, Permission::AddNotes, kSupportProject,
         true},
        {"admin may do anything anywhere", anAdmin, Permission::ManageCustomers, kOtherProject, true},
        {"locked user may do nothing", locked, Permission::ViewIssues, kSupportProject, false},
        {"locked admin may do nothing", lockedAdmin, Permission::ViewIssues, kSupportProject, false},
        {"anonymous may do nothing", anonymous, Permission::ViewOwnIssues, kSupportProject, false},
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(row.who) {
            BOOST_TEST(row.actor.allowedTo(row.permission, row.project) == row.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(allowed_anywhere_roles_in_and_projects_where_summarise_memberships) {
    const Actor gatekeeper =
        staff(20, {{kInternalProject, {kDeveloper, kGatekeeper, kDeveloper}}, {kSupportProject, {kManager}}});
    BOOST_TEST(gatekeeper.allowedAnywhere(Permission::TriageIssues));
    BOOST_TEST(!gatekeeper.allowedAnywhere(Permission::CopyIssues));
    const std::vector<unsigned> roles{2, 3};
    BOOST_TEST(gatekeeper.rolesIn(kInternalProject) == roles, boost::test_tools::per_element());
    BOOST_TEST(gatekeeper.rolesIn(kOtherProject).empty());
    const std::vector<unsigned> both{kSupportProject, kInternalProject};
    const std::vector<unsigned> internalOnly{kInternalProject};
    BOOST_TEST(gatekeeper.projectsWhere(Permission::ViewIssues) == both, boost::test_tools::per_element());
    BOOST_TEST(gatekeeper.projectsWhere(Permission::AddNotes) == internalOnly, boost::test_tools::per_element());

    BOOST_TEST(admin().allowedAnywhere(Permission::ViewReports));
    BOOST_TEST(!Actor{}.allowedAnywhere(Permission::ViewOwnIssues));
    BOOST_TEST(Actor{}.isAnonymous());
    BOOST_TEST(!gatekeeper.isAnonymous());
}

BOOST_AUTO_TEST_CASE(who_may_view_an_issue) {
    const Actor support = staff(10, {{kSupportProject, {kSupport}}});
    const Actor customer = customerLogin(50, 7, {kCustomer});
    const Actor customerWithStaffRole = customerLogin(51, 8, {kSupport});
    Actor customerWithoutRecord = customerLogin(52, 7, {kCustomer});
    customerWithoutRecord.customerId.reset();
    Actor customerInBothProjects = customerLogin(53, 7, {kCustomer});
    customerInBothProjects.roles[kInternalProject] = {kCustomer};
    const Actor ownOnlyStaff = staff(60, {{kSupportProject, {role(9, "Own", "view_own_issues")}}});
    Actor lockedCustomer = customer;
    lockedCustomer.locked = true;
    const Actor anonymous;
    const Actor anAdmin = admin();

    struct Row {
        const char* behaviour;
        const Actor& actor;
        IssueRef issue;
        bool expected;
    };
    const std::vector<Row> rows{
        {"customer sees an issue of their own customer record", customer, issue(kSupportProject, 7), true},
        {"customer does not see another customer's issue", customer, issue(kSupportProject, 8), false},
        {"customer does not see an issue without a customer", customer, issue(kSupportProject), false},
        {"customer does not see their issue in a project without a membership", customer, issue(kInternalProject, 7),
         false},
        {"customer with a membership there sees their own issue", customerInBothProjects, issue(kInternalProject, 7),
         true},
        {"customer given a staff role still sees only their own issues", customerWithStaffRole,
         issue(kSupportProject, 7), false},
        {"customer login without a customer record sees nothing", customerWithoutRecord, issue(kSupportProject, 7),
         false},
        {"locked customer sees nothing", lockedCustomer, issue(kSupportProject, 7), false},
        {"support sees every support issue", support, issue(kSupportProject, 8), true},
        {"support does not see internal issues", support, issue(kInternalProject), false},
        {"staff with view_own_issues sees what they wrote", ownOnlyStaff, issue(kSupportProject, {}, 60u), true},
        {"staff with view_own_issues sees what is assigned to them", ownOnlyStaff, issue(kSupportProject, {}, 10u, 60u),
         true},
        {"staff with view_own_issues does not see others' issues", ownOnlyStaff, issue(kSupportProject, {}, 10u, 11u),
         false},
        {"admin sees every issue", anAdmin, issue(kOtherProject, 3), true},
        {"anonymous sees nothing (secret links are checked by token)", anonymous, issue(kSupportProject, 7), false},
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(row.behaviour) {
            BOOST_TEST(canViewIssue(row.actor, row.issue) == row.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(who_may_read_private_notes_add_notes_edit_and_make_notes_private) {
    const Actor support = staff(10, {{kSupportProject, {kSupport}}});
    const Actor manager = staff(40, {{kSupportProject, {kManager}}});
    const Actor customer = customerLogin(50, 7, {kCustomer});
    const Actor customerWithStaffRole = customerLogin(51, 7, {kCustomer, kSupport});
    const Actor anonymous;
    const Actor anAdmin = admin();
    const IssueRef ownSupportIssue = issue(kSupportProject, 7);
    const IssueRef otherSupportIssue = issue(kSupportProject, 8);

    struct Row {
        const char* who;
        const Actor& actor;
        IssueRef issue;
        bool privateNotes, addNote, edit, setPrivate;
    };
    const std::vector<Row> rows{
        {"support on a support issue", support, otherSupportIssue, true, true, true, true},
        {"support on an internal issue", support, issue(kInternalProject), false, false, false, false},
        {"manager reads private notes but writes nothing", manager, ownSupportIssue, true, false, false, false},
        {"customer on their own issue", customer, ownSupportIssue, false, true, false, false},
        {"customer on another customer's issue", customer, otherSupportIssue, false, false, false, false},
        {"customer given a staff role on their own issue", customerWithStaffRole, ownSupportIssue, false, true, false,
         false},
        {"admin anywhere", anAdmin, issue(kOtherProject), true, true, true, true},
        {"anonymous", anonymous, ownSupportIssue, false, false, false, false},
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(row.who) {
            BOOST_TEST(canViewPrivateNotes(row.actor, row.issue.projectId) == row.privateNotes);
            BOOST_TEST(canAddNote(row.actor, row.issue) == row.addNote);
            BOOST_TEST(canEditIssue(row.actor, row.issue) == row.edit);
            BOOST_TEST(canSetNotesPrivate(row.actor, row.issue) == row.setPrivate);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
