-- issue_counts (the dashboard's and the lists' totals) kept by triggers in the writer's
-- transaction, as search_documents is (007): every writer — the web, mail intake, the admin
-- CLI, an import, plain SQL — keeps the counts right, and an issue write costs no extra round
-- trip. Bulk loaders (bench/generate.sh, the demo) still rebuild the table at the end; their
-- absolute counts overwrite what the triggers added meanwhile.

CREATE TRIGGER issues_count_insert AFTER INSERT ON issues FOR EACH ROW
  INSERT INTO issue_counts (project_id, tracker_id, status_id, n)
  VALUES (NEW.project_id, NEW.tracker_id, NEW.status_id, 1)
  ON DUPLICATE KEY UPDATE n = n + 1;

CREATE TRIGGER issues_count_update AFTER UPDATE ON issues FOR EACH ROW
  INSERT INTO issue_counts (project_id, tracker_id, status_id, n)
  SELECT OLD.project_id, OLD.tracker_id, OLD.status_id, -1 FROM DUAL
  WHERE NOT (OLD.project_id <=> NEW.project_id AND OLD.tracker_id <=> NEW.tracker_id
             AND OLD.status_id <=> NEW.status_id)
  UNION ALL
  SELECT NEW.project_id, NEW.tracker_id, NEW.status_id, 1 FROM DUAL
  WHERE NOT (OLD.project_id <=> NEW.project_id AND OLD.tracker_id <=> NEW.tracker_id
             AND OLD.status_id <=> NEW.status_id)
  ON DUPLICATE KEY UPDATE n = n + VALUES(n);

CREATE TRIGGER issues_count_delete AFTER DELETE ON issues FOR EACH ROW
  UPDATE issue_counts SET n = n - 1
  WHERE project_id = OLD.project_id AND tracker_id = OLD.tracker_id AND status_id = OLD.status_id;
