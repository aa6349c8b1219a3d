-- REST API keys (Redmine's X-Redmine-API-Key). A key is derived from a per-user nonce with the
-- server secret (security.secret), so it can be shown again on "my account" while the database
-- holds only an HMAC of it: a copy of the database alone does not give anyone a usable key.
-- users.api_key holds that digest as 64 hex characters.
ALTER TABLE users ADD COLUMN api_key_nonce VARCHAR(64) NULL AFTER api_key;
