-- Commits reported by version-control hooks (ticketflow-admin scm-commit, POST /scm/commit).
-- changesets: every commit seen, once per repository and revision (a hook that runs twice, or
-- an admin replaying a revision, finds it here). changeset_issues: which issue a commit has
-- acted on, written in the same transaction as that issue's journal, so a commit acts on each
-- issue exactly once even when it is reported again or after a crash halfway through.
-- Repository names and revisions are ASCII compared byte for byte (git ids, "r42").

CREATE TABLE changesets (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  repository     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  revision       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  author         VARCHAR(255) NOT NULL DEFAULT '',
  user_id        INT UNSIGNED NULL,
  message        MEDIUMTEXT   NOT NULL,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_changesets_revision (repository, revision),
  CONSTRAINT fk_changesets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE changeset_issues (
  changeset_id   INT UNSIGNED NOT NULL,
  issue_id       INT UNSIGNED NOT NULL,
  action         ENUM('fix','ref') NOT NULL,
  journal_id     INT UNSIGNED NULL,
  PRIMARY KEY (changeset_id, issue_id),
  KEY ix_changeset_issues_issue (issue_id),
  CONSTRAINT fk_changeset_issues_changeset FOREIGN KEY (changeset_id) REFERENCES changesets (id) ON DELETE CASCADE,
  CONSTRAINT fk_changeset_issues_issue FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE CASCADE,
  CONSTRAINT fk_changeset_issues_journal FOREIGN KEY (journal_id) REFERENCES journals (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
