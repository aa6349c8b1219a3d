-- Consistency checks for demo data (scripts/demo/demo.sql) and generated bench data
-- (bench/generate.sh): every row of the second result must show bad = 0.
--   mariadb --defaults-file=... DBNAME < bench/check.sql
-- On 1,000,000 generated issues this takes a minute or two.

SELECT p.identifier AS project, t.name AS tracker, s.name AS status, COUNT(*) AS issues
FROM issues i JOIN projects p ON p.id = i.project_id JOIN trackers t ON t.id = i.tracker_id
JOIN issue_statuses s ON s.id = i.status_id
GROUP BY p.identifier, t.name, s.name, p.id, t.id, s.id ORDER BY p.id, t.id, s.id;

-- Last value written by a journal detail, per issue and key.
CREATE TEMPORARY TABLE chk_last (issue_id INT UNSIGNED NOT NULL, prop_key VARCHAR(32) NOT NULL,
                                 value VARCHAR(255) NULL, PRIMARY KEY (issue_id, prop_key))
SELECT j.issue_id, d.prop_key, d.value
FROM journal_details d JOIN journals j ON j.id = d.journal_id
JOIN (SELECT j2.issue_id, d2.prop_key, MAX(d2.id) AS last_id
      FROM journal_details d2 JOIN journals j2 ON j2.id = d2.journal_id
      WHERE d2.property = 'attr' GROUP BY j2.issue_id, d2.prop_key) m ON m.last_id = d.id;

SELECT 'journals without issue' AS chk, COUNT(*) AS bad
  FROM journals j LEFT JOIN issues i ON i.id = j.issue_id WHERE i.id IS NULL
UNION ALL SELECT 'details without journal', COUNT(*)
  FROM journal_details d LEFT JOIN journals j ON j.id = d.journal_id WHERE j.id IS NULL
UNION ALL SELECT 'issue_counts differ from COUNT(*)', COUNT(*) FROM (
  SELECT c.project_id FROM (SELECT project_id, tracker_id, status_id, SUM(n) AS n FROM issue_counts
                            GROUP BY project_id, tracker_id, status_id) c
  LEFT JOIN (SELECT project_id, tracker_id, status_id, COUNT(*) AS n FROM issues
             GROUP BY project_id, tracker_id, status_id) a
    ON a.project_id = c.project_id AND a.tracker_id = c.tracker_id AND a.status_id = c.status_id
  WHERE c.n <> COALESCE(a.n, 0)
  UNION ALL
  SELECT a.project_id FROM (SELECT project_id, tracker_id, status_id FROM issues
                            GROUP BY project_id, tracker_id, status_id) a
  LEFT JOIN issue_counts c
    ON a.project_id = c.project_id AND a.tracker_id = c.tracker_id AND a.status_id = c.status_id
  WHERE c.n IS NULL) x
UNION ALL SELECT 'issue_counts rows missing (project tracker x status)', COUNT(*)
  FROM project_trackers pt CROSS JOIN issue_statuses s
  LEFT JOIN issue_counts c ON c.project_id = pt.project_id AND c.tracker_id = pt.tracker_id AND c.status_id = s.id
  WHERE c.n IS NULL
UNION ALL SELECT 'tracker not in project', COUNT(*)
  FROM issues i LEFT JOIN project_trackers pt ON pt.project_id = i.project_id AND pt.tracker_id = i.tracker_id
  WHERE pt.project_id IS NULL
UNION ALL SELECT 'status Seen outside the internal project', COUNT(*)
  FROM issues i JOIN projects p ON p.id = i.project_id JOIN issue_statuses s ON s.id = i.status_id
  WHERE p.customer_facing = 1 AND s.name = 'Seen'
UNION ALL SELECT 'last status detail <> issue status', COUNT(*)
  FROM issues i LEFT JOIN chk_last l ON l.issue_id = i.id AND l.prop_key = 'status_id'
  WHERE NOT (COALESCE(CAST(l.value AS UNSIGNED), (SELECT id FROM issue_statuses WHERE is_new = 1)) <=> i.status_id)
UNION ALL SELECT 'status change not in the workflow (any role)', COUNT(*)
  FROM journal_details d JOIN journals j ON j.id = d.journal_id JOIN issues i ON i.id = j.issue_id
  WHERE d.property = 'attr' AND d.prop_key = 'status_id'
    AND NOT EXISTS (SELECT 1 FROM workflow_transitions w WHERE w.tracker_id = i.tracker_id
                    AND w.old_status_id = CAST(d.old_value AS UNSIGNED) AND w.new_status_id = CAST(d.value AS UNSIGNED))
UNION ALL SELECT 'last assignee detail <> assigned_to_id', COUNT(*)
  FROM issues i JOIN chk_last l ON l.issue_id = i.id AND l.prop_key = 'assigned_to_id'
  WHERE NOT (CAST(l.value AS UNSIGNED) <=> i.assigned_to_id)
UNION ALL SELECT 'last milestone detail <> milestone_id', COUNT(*)
  FROM issues i JOIN chk_last l ON l.issue_id = i.id AND l.prop_key = 'fixed_version_id'
  WHERE NOT (CAST(l.value AS UNSIGNED) <=> i.milestone_id)
UNION ALL SELECT 'last priority detail <> priority_id', COUNT(*)
  FROM issues i JOIN chk_last l ON l.issue_id = i.id AND l.prop_key = 'priority_id'
  WHERE NOT (CAST(l.value AS UNSIGNED) <=> i.priority_id)
UNION ALL SELECT 'internal Seen/Accepted/Closed without assignee or milestone', COUNT(*)
  FROM issues i JOIN projects p ON p.id = i.project_id JOIN issue_statuses s ON s.id = i.status_id
  WHERE p.customer_facing = 0 AND s.name IN ('Seen', 'Accepted', 'Closed')
    AND (i.assigned_to_id IS NULL OR i.milestone_id IS NULL)
UNION ALL SELECT 'support issue without customer', COUNT(*)
  FROM issues i JOIN projects p ON p.id = i.project_id WHERE p.customer_facing = 1 AND i.customer_id IS NULL
UNION ALL SELECT 'closed_at set iff closed status', COUNT(*)
  FROM issues i JOIN issue_statuses s ON s.id = i.status_id
  WHERE (s.is_closed = 1) <> (i.closed_at IS NOT NULL)
UNION ALL SELECT 'updated_at < created_at or in the future', COUNT(*)
  FROM issues WHERE updated_at < created_at OR updated_at > NOW() OR closed_at > updated_at
UNION ALL SELECT 'updated_at <> last journal time', COUNT(*)
  FROM issues i JOIN (SELECT issue_id, MAX(created_at) AS last_at FROM journals GROUP BY issue_id) j
    ON j.issue_id = i.id WHERE i.updated_at <> j.last_at
UNION ALL SELECT 'journal outside its issue''s lifetime', COUNT(*)
  FROM journals j JOIN issues i ON i.id = j.issue_id
  WHERE j.created_at < i.created_at OR j.created_at > i.updated_at
UNION ALL SELECT 'journal without author', COUNT(*)
  FROM journals WHERE user_id IS NULL AND customer_id IS NULL
UNION ALL SELECT 'copied_to not support -> internal, or before the support issue', COUNT(*)
  FROM issue_relations r JOIN issues f ON f.id = r.issue_from_id JOIN issues t ON t.id = r.issue_to_id
  JOIN projects pf ON pf.id = f.project_id JOIN projects pt ON pt.id = t.project_id
  WHERE r.relation_type = 'copied_to'
    AND (pf.customer_facing = 0 OR pt.customer_facing = 1 OR t.created_at < f.created_at)
UNION ALL SELECT 'assignee/author/customer/milestone dangling', COUNT(*)
  FROM issues i
  LEFT JOIN users a ON a.id = i.assigned_to_id LEFT JOIN users au ON au.id = i.author_id
  LEFT JOIN customers c ON c.id = i.customer_id LEFT JOIN milestones m ON m.id = i.milestone_id
  WHERE (i.assigned_to_id IS NOT NULL AND a.id IS NULL) OR (i.author_id IS NOT NULL AND au.id IS NULL)
     OR (i.customer_id IS NOT NULL AND c.id IS NULL) OR (i.milestone_id IS NOT NULL AND m.id IS NULL);

DROP TEMPORARY TABLE chk_last;
