-- The customer's secret link (/t/<token>, DESIGN §5). The token is derived from a random nonce
-- with the server secret, so a mail about the issue can carry the link again without the
-- database ever holding it; the table keeps the nonce and the token's SHA-256 for the lookup.
-- Renewing a link replaces both, which revokes the old link. Its own table, not columns of
-- issues: writing a link must not fire the issues triggers (search index, counts).
CREATE TABLE secret_links (
  issue_id    INT UNSIGNED NOT NULL PRIMARY KEY,
  nonce       BINARY(16)   NOT NULL,
  token_hash  BINARY(32)   NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_secret_links_token (token_hash),
  CONSTRAINT fk_secret_links_issue FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The column 001 planned for this was never written.
ALTER TABLE issues DROP INDEX uq_issues_secret, DROP COLUMN secret_token_hash;
