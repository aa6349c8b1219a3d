-- Lists sorted by last update across projects (/issues.json?sort=updated_on:desc, the way sync
-- scripts and Redmine clients poll): without it, MariaDB sorts every matching issue; with it,
-- it walks the newest updates until the page is full.
ALTER TABLE issues ADD KEY ix_issues_updated (updated_at, id);
