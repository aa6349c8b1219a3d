-- The whole data model of ticketflow: people, projects, workflow, issues, mail queues.
-- Forward-only: never edit a migration that has shipped; add a new numbered file instead.

CREATE TABLE settings (
  name        VARCHAR(64)  NOT NULL PRIMARY KEY,
  value       TEXT         NOT NULL,
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Customers (CRM): everyone who reports issues, with or without a login.
CREATE TABLE customers (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(255) NOT NULL DEFAULT '',
  email         VARCHAR(254) NULL,
  organisation  VARCHAR(255) NOT NULL DEFAULT '',
  phone         VARCHAR(64)  NOT NULL DEFAULT '',
  notes         TEXT         NULL,
  merged_into_id INT UNSIGNED NULL,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_customers_email (email),
  KEY ix_customers_name (name),
  CONSTRAINT fk_customers_merged FOREIGN KEY (merged_into_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staff and customers with a login. kind decides which UI they get; admin bypasses roles.
CREATE TABLE users (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login          VARCHAR(64)  NOT NULL,
  firstname      VARCHAR(64)  NOT NULL DEFAULT '',
  lastname       VARCHAR(64)  NOT NULL DEFAULT '',
  mail           VARCHAR(254) NULL,
  password_hash  VARCHAR(255) NULL,
  kind           ENUM('staff','customer') NOT NULL DEFAULT 'staff',
  admin          TINYINT(1)   NOT NULL DEFAULT 0,
  status         ENUM('active','locked') NOT NULL DEFAULT 'active',
  customer_id    INT UNSIGNED NULL,
  api_key        CHAR(64)     NULL,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_login_at  DATETIME     NULL,
  UNIQUE KEY uq_users_login (login),
  UNIQUE KEY uq_users_mail (mail),
  UNIQUE KEY uq_users_api_key (api_key),
  CONSTRAINT fk_users_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A role is a named set of permissions (space-separated names, parsed by core/domain).
CREATE TABLE roles (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(64)  NOT NULL,
  position     INT          NOT NULL DEFAULT 0,
  permissions  VARCHAR(1024) NOT NULL DEFAULT '',
  UNIQUE KEY uq_roles_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE projects (
  id                 INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  identifier         VARCHAR(64)  NOT NULL,
  name               VARCHAR(255) NOT NULL,
  description        TEXT         NULL,
  customer_facing    TINYINT(1)   NOT NULL DEFAULT 0,
  support_address    VARCHAR(254) NULL,
  catchall_address   VARCHAR(254) NULL,
  position           INT          NOT NULL DEFAULT 0,
  created_at         DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_projects_identifier (identifier)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE memberships (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     INT UNSIGNED NOT NULL,
  project_id  INT UNSIGNED NOT NULL,
  role_id     INT UNSIGNED NOT NULL,
  UNIQUE KEY uq_memberships (user_id, project_id, role_id),
  KEY ix_memberships_project_role (project_id, role_id),
  CONSTRAINT fk_memberships_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_memberships_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
  CONSTRAINT fk_memberships_role FOREIGN KEY (role_id) REFERENCES roles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- is_new marks the reserved "not yet seen by its triage team" status.
CREATE TABLE issue_statuses (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name       VARCHAR(64)  NOT NULL,
  position   INT          NOT NULL DEFAULT 0,
  is_closed  TINYINT(1)   NOT NULL DEFAULT 0,
  is_new     TINYINT(1)   NOT NULL DEFAULT 0,
  UNIQUE KEY uq_issue_statuses_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- assignable_role_id: only holders of that role in the project may be assignees.
CREATE TABLE trackers (
  id                  INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name                VARCHAR(64)  NOT NULL,
  position            INT          NOT NULL DEFAULT 0,
  default_status_id   INT UNSIGNED NOT NULL,
  assignable_role_id  INT UNSIGNED NULL,
  UNIQUE KEY uq_trackers_name (name),
  CONSTRAINT fk_trackers_status FOREIGN KEY (default_status_id) REFERENCES issue_statuses (id),
  CONSTRAINT fk_trackers_role FOREIGN KEY (assignable_role_id) REFERENCES roles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_trackers (
  project_id  INT UNSIGNED NOT NULL,
  tracker_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (project_id, tracker_id),
  CONSTRAINT fk_project_trackers_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
  CONSTRAINT fk_project_trackers_tracker FOREIGN KEY (tracker_id) REFERENCES trackers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE priorities (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(64)  NOT NULL,
  position    INT          NOT NULL DEFAULT 0,
  is_default  TINYINT(1)   NOT NULL DEFAULT 0,
  UNIQUE KEY uq_priorities_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The workflow: tracker x role x from -> to, with the conditions the transition demands.
CREATE TABLE workflow_transitions (
  id                     INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tracker_id             INT UNSIGNED NOT NULL,
  role_id                INT UNSIGNED NOT NULL,
  old_status_id          INT UNSIGNED NOT NULL,
  new_status_id          INT UNSIGNED NOT NULL,
  note_required          TINYINT(1)   NOT NULL DEFAULT 0,
  assignee_required      TINYINT(1)   NOT NULL DEFAULT 0,
  milestone_required     TINYINT(1)   NOT NULL DEFAULT 0,
  assignee_only          TINYINT(1)   NOT NULL DEFAULT 0,
  UNIQUE KEY uq_workflow (tracker_id, role_id, old_status_id, new_status_id),
  CONSTRAINT fk_workflow_tracker FOREIGN KEY (tracker_id) REFERENCES trackers (id) ON DELETE CASCADE,
  CONSTRAINT fk_workflow_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE,
  CONSTRAINT fk_workflow_old FOREIGN KEY (old_status_id) REFERENCES issue_statuses (id),
  CONSTRAINT fk_workflow_new FOREIGN KEY (new_status_id) REFERENCES issue_statuses (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE milestones (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id   INT UNSIGNED NOT NULL,
  name         VARCHAR(64)  NOT NULL,
  description  VARCHAR(255) NOT NULL DEFAULT '',
  due_date     DATE         NULL,
  status       ENUM('open','locked','closed') NOT NULL DEFAULT 'open',
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_milestones (project_id, name),
  CONSTRAINT fk_milestones_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Issues. lock_version drives optimistic locking; hint_* hold what a customer asked for and
-- are never applied; secret_token_hash backs the customer's secret link.
CREATE TABLE issues (
  id                    INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id            INT UNSIGNED NOT NULL,
  tracker_id            INT UNSIGNED NOT NULL,
  status_id             INT UNSIGNED NOT NULL,
  priority_id           INT UNSIGNED NOT NULL,
  subject               VARCHAR(255) NOT NULL,
  description           MEDIUMTEXT   NULL,
  author_id             INT UNSIGNED NULL,
  assigned_to_id        INT UNSIGNED NULL,
  milestone_id          INT UNSIGNED NULL,
  customer_id           INT UNSIGNED NULL,
  source                ENUM('web','email','phone','other','api') NOT NULL DEFAULT 'web',
  hint_priority_id      INT UNSIGNED NULL,
  hint_assigned_to_id   INT UNSIGNED NULL,
  triage_checklist      VARCHAR(255) NOT NULL DEFAULT '',
  customer_replied      TINYINT(1)   NOT NULL DEFAULT 0,
  secret_token_hash     BINARY(32)   NULL,
  lock_version          INT UNSIGNED NOT NULL DEFAULT 0,
  created_at            DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at            DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  closed_at             DATETIME     NULL,
  -- list pages: project + status (New list), newest first, keyset on id
  KEY ix_issues_project_status_id (project_id, status_id, id),
  KEY ix_issues_project_id (project_id, id),
  KEY ix_issues_project_updated (project_id, updated_at, id),
  KEY ix_issues_assignee_status (assigned_to_id, status_id, id),
  KEY ix_issues_milestone_status (milestone_id, status_id, id),
  KEY ix_issues_customer (customer_id, id),
  KEY ix_issues_author (author_id),
  UNIQUE KEY uq_issues_secret (secret_token_hash),
  CONSTRAINT fk_issues_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT fk_issues_tracker FOREIGN KEY (tracker_id) REFERENCES trackers (id),
  CONSTRAINT fk_issues_status FOREIGN KEY (status_id) REFERENCES issue_statuses (id),
  CONSTRAINT fk_issues_priority FOREIGN KEY (priority_id) REFERENCES priorities (id),
  CONSTRAINT fk_issues_author FOREIGN KEY (author_id) REFERENCES users (id),
  CONSTRAINT fk_issues_assignee FOREIGN KEY (assigned_to_id) REFERENCES users (id),
  CONSTRAINT fk_issues_milestone FOREIGN KEY (milestone_id) REFERENCES milestones (id),
  CONSTRAINT fk_issues_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
  CONSTRAINT fk_issues_hint_priority FOREIGN KEY (hint_priority_id) REFERENCES priorities (id),
  CONSTRAINT fk_issues_hint_assignee FOREIGN KEY (hint_assigned_to_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Issue counts per project, tracker and status, kept in the same transaction as every issue
-- write so the dashboard never counts the issues table.
CREATE TABLE issue_counts (
  project_id  INT UNSIGNED NOT NULL,
  tracker_id  INT UNSIGNED NOT NULL,
  status_id   INT UNSIGNED NOT NULL,
  n           INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, tracker_id, status_id),
  CONSTRAINT fk_issue_counts_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only change records: one journal per change, its field changes as details.
CREATE TABLE journals (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  issue_id       INT UNSIGNED NOT NULL,
  user_id        INT UNSIGNED NULL,
  customer_id    INT UNSIGNED NULL,
  notes          MEDIUMTEXT   NULL,
  private_notes  TINYINT(1)   NOT NULL DEFAULT 0,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_journals_issue (issue_id, id),
  KEY ix_journals_created (created_at),
  CONSTRAINT fk_journals_issue FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE CASCADE,
  CONSTRAINT fk_journals_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_journals_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- property: attr (an issue column), relation, attachment, checklist; values as text ids.
CREATE TABLE journal_details (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  journal_id  INT UNSIGNED NOT NULL,
  property    ENUM('attr','relation','attachment','checklist') NOT NULL DEFAULT 'attr',
  prop_key    VARCHAR(32)  NOT NULL,
  old_value   VARCHAR(255) NULL,
  value       VARCHAR(255) NULL,
  KEY ix_journal_details_journal (journal_id),
  KEY ix_journal_details_key (prop_key, journal_id),
  CONSTRAINT fk_journal_details_journal FOREIGN KEY (journal_id) REFERENCES journals (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- relation_type: relates, duplicates, blocks, copied_to (read backwards: copied from).
CREATE TABLE issue_relations (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  issue_from_id  INT UNSIGNED NOT NULL,
  issue_to_id    INT UNSIGNED NOT NULL,
  relation_type  VARCHAR(16)  NOT NULL,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_issue_relations (issue_from_id, issue_to_id, relation_type),
  KEY ix_issue_relations_to (issue_to_id),
  CONSTRAINT fk_relations_from FOREIGN KEY (issue_from_id) REFERENCES issues (id) ON DELETE CASCADE,
  CONSTRAINT fk_relations_to FOREIGN KEY (issue_to_id) REFERENCES issues (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE attachments (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  issue_id       INT UNSIGNED NULL,
  journal_id     INT UNSIGNED NULL,
  filename       VARCHAR(255) NOT NULL,
  disk_filename  VARCHAR(255) NOT NULL,
  content_type   VARCHAR(255) NOT NULL DEFAULT 'application/octet-stream',
  filesize       BIGINT UNSIGNED NOT NULL DEFAULT 0,
  digest         CHAR(64)     NOT NULL,
  author_id      INT UNSIGNED NULL,
  is_public      TINYINT(1)   NOT NULL DEFAULT 1,
  upload_token   CHAR(64)     NULL,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_attachments_issue (issue_id),
  KEY ix_attachments_digest (digest),
  UNIQUE KEY uq_attachments_upload_token (upload_token),
  CONSTRAINT fk_attachments_issue FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE CASCADE,
  CONSTRAINT fk_attachments_journal FOREIGN KEY (journal_id) REFERENCES journals (id) ON DELETE SET NULL,
  CONSTRAINT fk_attachments_author FOREIGN KEY (author_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE watchers (
  issue_id  INT UNSIGNED NOT NULL,
  user_id   INT UNSIGNED NOT NULL,
  PRIMARY KEY (issue_id, user_id),
  KEY ix_watchers_user (user_id),
  CONSTRAINT fk_watchers_issue FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE CASCADE,
  CONSTRAINT fk_watchers_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Saved queries: filters and sort stored as a query string parsed through the allowlist.
CREATE TABLE queries (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id  INT UNSIGNED NULL,
  user_id     INT UNSIGNED NULL,
  name        VARCHAR(255) NOT NULL,
  is_public   TINYINT(1)   NOT NULL DEFAULT 0,
  builtin     VARCHAR(32)  NULL,
  filters     VARCHAR(2048) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_queries_project (project_id),
  KEY ix_queries_user (user_id),
  CONSTRAINT fk_queries_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
  CONSTRAINT fk_queries_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Web sessions: the cookie carries a random token, the table only its hash.
CREATE TABLE sessions (
  token_hash    BINARY(32)   NOT NULL PRIMARY KEY,
  user_id       INT UNSIGNED NOT NULL,
  csrf_token    CHAR(43)     NOT NULL,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_seen_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  expires_at    DATETIME     NOT NULL,
  remote_addr   VARCHAR(45)  NOT NULL DEFAULT '',
  KEY ix_sessions_user (user_id),
  KEY ix_sessions_expires (expires_at),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every inbound message, stored raw before it is deleted from its source.
CREATE TABLE inbound_mail (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mailbox       VARCHAR(128) NOT NULL,
  sha256        BINARY(32)   NOT NULL,
  message_id    VARCHAR(255) NULL,
  sender        VARCHAR(254) NULL,
  subject       VARCHAR(255) NULL,
  raw           LONGBLOB     NOT NULL,
  size          INT UNSIGNED NOT NULL,
  state         ENUM('received','processed','ignored','spam','rejected','quarantined','failed')
                NOT NULL DEFAULT 'received',
  reason        VARCHAR(255) NOT NULL DEFAULT '',
  issue_id      INT UNSIGNED NULL,
  journal_id    INT UNSIGNED NULL,
  received_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  processed_at  DATETIME     NULL,
  UNIQUE KEY uq_inbound_sha256 (sha256),
  KEY ix_inbound_message_id (message_id(191)),
  KEY ix_inbound_state (state, id),
  KEY ix_inbound_sender (sender(191), received_at),
  CONSTRAINT fk_inbound_issue FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Transactional outbox: mails written with the change, sent later with retries.
CREATE TABLE outbox (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  issue_id         INT UNSIGNED NULL,
  journal_id       INT UNSIGNED NULL,
  message_id       VARCHAR(255) NOT NULL,
  recipients       TEXT         NOT NULL,
  subject          VARCHAR(998) NOT NULL,
  message          LONGBLOB     NOT NULL,
  state            ENUM('pending','sent','dead') NOT NULL DEFAULT 'pending',
  tries            INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_error       VARCHAR(1024) NOT NULL DEFAULT '',
  created_at       DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  sent_at          DATETIME     NULL,
  KEY ix_outbox_due (state, next_attempt_at, id),
  KEY ix_outbox_issue (issue_id),
  CONSTRAINT fk_outbox_issue FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
