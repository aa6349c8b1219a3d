-- issue_counts in slots: every new issue of a project and tracker added 1 to the same row, so
-- writers working side by side (mail intake's lanes, web workers) queued behind that row's
-- lock until the writer ahead committed. Each connection now adds to its own slot of eight
-- (CONNECTION_ID() % 8); readers already SUM(n). An update moves -1/+1 within the writer's
-- slot, so a slot's n may be negative while the sum over slots stays the true count.

ALTER TABLE issue_counts
  ADD COLUMN slot TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER status_id,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (project_id, tracker_id, status_id, slot);

DROP TRIGGER issues_count_insert;
DROP TRIGGER issues_count_update;
DROP TRIGGER issues_count_delete;

CREATE TRIGGER issues_count_insert AFTER INSERT ON issues FOR EACH ROW
  INSERT INTO issue_counts (project_id, tracker_id, status_id, slot, n)
  VALUES (NEW.project_id, NEW.tracker_id, NEW.status_id, CONNECTION_ID() % 8, 1)
  ON DUPLICATE KEY UPDATE n = n + 1;

CREATE TRIGGER issues_count_update AFTER UPDATE ON issues FOR EACH ROW
  INSERT INTO issue_counts (project_id, tracker_id, status_id, slot, n)
  SELECT OLD.project_id, OLD.tracker_id, OLD.status_id, CONNECTION_ID() % 8, -1 FROM DUAL
  WHERE NOT (OLD.project_id <=> NEW.project_id AND OLD.tracker_id <=> NEW.tracker_id
             AND OLD.status_id <=> NEW.status_id)
  UNION ALL
  SELECT NEW.project_id, NEW.tracker_id, NEW.status_id, CONNECTION_ID() % 8, 1 FROM DUAL
  WHERE NOT (OLD.project_id <=> NEW.project_id AND OLD.tracker_id <=> NEW.tracker_id
             AND OLD.status_id <=> NEW.status_id)
  ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER issues_count_delete AFTER DELETE ON issues FOR EACH ROW
  INSERT INTO issue_counts (project_id, tracker_id, status_id, slot, n)
  VALUES (OLD.project_id, OLD.tracker_id, OLD.status_id, CONNECTION_ID() % 8, -1)
  ON DUPLICATE KEY UPDATE n = n - 1;
