-- What `ticketflow-admin import-redmine` brought over from a Redmine (or plan.io), so that a
-- second run changes nothing and a run cut short goes on where it stopped.
--
-- import_sources: one row per Redmine, by its base URL (scheme, host, port and path, without
-- a trailing slash): two Redmines never share a mapping even when their ids overlap.
CREATE TABLE import_sources (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  url         VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_import_sources_url (url)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- import_map: a Redmine record (kind + its id there) and the ticketflow row it became. kind is
-- project, tracker, status, priority, user, version, issue, journal, attachment or relation
-- (watchers and memberships need none: their own unique keys keep them single). scope is 0 but for versions, where it is the ticketflow project the
-- milestone lives in: Redmine shares a version across projects, a milestone belongs to one,
-- so a shared version becomes one milestone per project that uses it. created = 1 when the
-- import made the row, 0 when it linked a row that was there (same name, identifier, login):
-- a linked row is never changed by the import. digest is the SHA-256 of the source fields as
-- last written: a record whose digest is unchanged is skipped without a write. An issue's row
-- is written in the same transaction as the issue, its journals and files, so a run that is
-- killed leaves each issue either whole and mapped or absent.
CREATE TABLE import_map (
  source_id    INT UNSIGNED NOT NULL,
  kind         VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  remote_id    INT UNSIGNED NOT NULL,
  scope        INT UNSIGNED NOT NULL DEFAULT 0,
  local_id     INT UNSIGNED NOT NULL,
  created      TINYINT(1)   NOT NULL DEFAULT 1,
  digest       CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  imported_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (source_id, kind, remote_id, scope),
  KEY ix_import_map_local (kind, local_id),
  CONSTRAINT fk_import_map_source FOREIGN KEY (source_id) REFERENCES import_sources (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- History that names an issue not imported yet ("Related to #812 added" written while #812 is
-- still to come): the detail is written with the value empty and filled in, in the same
-- transaction that imports that issue. Rows left over name issues that were never imported.
CREATE TABLE import_pending_details (
  detail_id        INT UNSIGNED NOT NULL,
  which_value      ENUM('old','new') NOT NULL,
  source_id        INT UNSIGNED NOT NULL,
  remote_issue_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (detail_id, which_value),
  KEY ix_import_pending_issue (source_id, remote_issue_id),
  CONSTRAINT fk_import_pending_detail FOREIGN KEY (detail_id) REFERENCES journal_details (id) ON DELETE CASCADE,
  CONSTRAINT fk_import_pending_source FOREIGN KEY (source_id) REFERENCES import_sources (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
