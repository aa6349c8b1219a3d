-- The default setup (DESIGN §2): roles, statuses, priorities, trackers, the two PSPro projects,
-- their milestones and the default workflow. An admin edits all of it later.

INSERT INTO roles (id, name, position, permissions) VALUES
 (1, 'Support',    1, 'view_issues add_issues edit_issues add_notes view_private_notes set_notes_private copy_issues view_customers manage_customers'),
 (2, 'Gatekeeper', 2, 'view_issues add_issues edit_issues add_notes view_private_notes set_notes_private triage_issues manage_milestones'),
 (3, 'Developer',  3, 'view_issues add_issues edit_issues add_notes view_private_notes set_notes_private'),
 (4, 'Manager',    4, 'view_issues view_private_notes view_reports view_customers'),
 (5, 'Customer',   5, 'view_own_issues add_issues add_notes');

INSERT INTO issue_statuses (id, name, position, is_closed, is_new) VALUES
 (1, 'New',      1, 0, 1),
 (2, 'Seen',     2, 0, 0),
 (3, 'Accepted', 3, 0, 0),
 (4, 'Rejected', 4, 1, 0),
 (5, 'Closed',   5, 1, 0);

INSERT INTO priorities (id, name, position, is_default) VALUES
 (1, 'Low', 1, 0), (2, 'Normal', 2, 1), (3, 'High', 3, 0), (4, 'Urgent', 4, 0), (5, 'Immediate', 5, 0);

INSERT INTO trackers (id, name, position, default_status_id, assignable_role_id) VALUES
 (1, 'Support',         1, 1, 1),
 (2, 'FeatureRequests', 2, 1, NULL),
 (3, 'Bug',             3, 1, NULL),
 (4, 'Task',            4, 1, NULL),
 (5, 'Feature',         5, 1, NULL);

INSERT INTO projects (id, identifier, name, description, customer_facing, position) VALUES
 (1, 'psprosupport',  'PSProSupport',  'Customer-facing support: questions, bug reports and wishes from customers.', 1, 1),
 (2, 'psprointernal', 'PSProInternal', 'Internal tracker for development: bugs, tasks and features.', 0, 2);

INSERT INTO project_trackers (project_id, tracker_id) VALUES (1, 1), (1, 2), (2, 3), (2, 4), (2, 5);

INSERT INTO milestones (project_id, name, description, status) VALUES
 (2, '2.1.1',    'Next patch release', 'open'),
 (2, '2.2.0',    'Next major release', 'open'),
 (2, 'ToDoList', 'Accepted work not yet planned for a release', 'open');

-- Support project, role Support (1), trackers Support (1) and FeatureRequests (2).
INSERT INTO workflow_transitions
 (tracker_id, role_id, old_status_id, new_status_id, note_required, assignee_required, milestone_required, assignee_only)
SELECT t.id, 1, w.old_id, w.new_id, w.note_req, 0, 0, 0
FROM trackers t
JOIN (SELECT 1 AS old_id, 3 AS new_id, 0 AS note_req
      UNION ALL SELECT 1, 4, 1
      UNION ALL SELECT 1, 5, 1
      UNION ALL SELECT 3, 5, 0
      UNION ALL SELECT 3, 4, 1
      UNION ALL SELECT 5, 3, 0
      UNION ALL SELECT 4, 3, 0) w
WHERE t.id IN (1, 2);

-- Internal project: Gatekeeper (2) triages New, Developer (3) works Seen -> Accepted -> Closed.
INSERT INTO workflow_transitions
 (tracker_id, role_id, old_status_id, new_status_id, note_required, assignee_required, milestone_required, assignee_only)
SELECT t.id, w.role_id, w.old_id, w.new_id, w.note_req, w.assignee_req, w.milestone_req, w.assignee_only
FROM trackers t
JOIN (SELECT 2 AS role_id, 1 AS old_id, 2 AS new_id, 0 AS note_req, 1 AS assignee_req, 1 AS milestone_req, 0 AS assignee_only
      UNION ALL SELECT 2, 1, 4, 1, 0, 0, 0
      UNION ALL SELECT 2, 4, 1, 1, 0, 0, 0
      UNION ALL SELECT 3, 2, 3, 0, 0, 0, 1
      UNION ALL SELECT 3, 3, 5, 0, 0, 0, 0
      UNION ALL SELECT 3, 5, 3, 1, 0, 0, 0) w
WHERE t.id IN (3, 4, 5);

INSERT INTO queries (project_id, user_id, name, is_public, builtin, filters) VALUES
 (1, NULL, 'NewIssues', 1, 'new_issues', 'status_id=1'),
 (2, NULL, 'NewIssues', 1, 'new_issues', 'status_id=1');

INSERT INTO issue_counts (project_id, tracker_id, status_id, n)
SELECT pt.project_id, pt.tracker_id, s.id, 0 FROM project_trackers pt CROSS JOIN issue_statuses s;
