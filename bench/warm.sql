-- Loads the benchmark's working set into the InnoDB buffer pool before measuring: scans put
-- pages into the "old" part of the LRU, so old_blocks_time is lowered for the duration.
SET GLOBAL innodb_old_blocks_time = 0;
SELECT SUM(LENGTH(description)) AS issues_bytes FROM issues;
SELECT SUM(LENGTH(notes)) AS journal_bytes FROM journals;
SELECT SUM(LENGTH(value)) AS detail_bytes FROM journal_details;
SELECT COUNT(*) AS journal_index FROM journals FORCE INDEX (ix_journals_issue) WHERE issue_id > 0;
SELECT COUNT(*) AS detail_index FROM journal_details FORCE INDEX (ix_journal_details_journal) WHERE journal_id > 0;
SELECT COUNT(*) AS list_index FROM issues FORCE INDEX (ix_issues_project_status_id) WHERE project_id > 0;
SET GLOBAL innodb_old_blocks_time = 1000;
