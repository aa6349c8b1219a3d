-- Full-text search by issue-id window (core/storage/search_repository.cpp). InnoDB's FULLTEXT
-- search reads the whole posting list of every searched word before it can filter or sort,
-- so a word in a fifth of a million issues cost about a second whatever the statement said.
-- Here every indexed word carries the window of its issue: "citrix" in the description of
-- issue 1,000,000 is indexed as "citrix_61" (window = issue id >> 14, 16,384 issues each), so
-- the search asks for the newest windows first ("+citrix_67", then "+citrix_66" ...) and
-- stops as soon as it has a page: each window costs what it matches, and windows without the
-- word cost nothing. One document per issue (subject and description, journal_id 0) and one
-- per journal with notes, kept in step by the triggers below in the writer's transaction,
-- whatever writes (app, mail intake, admin CLI, bench/generate.sh, plain SQL). Journals are
-- never moved to another issue. The FULLTEXT indexes of 005 are replaced by this one.
--
-- customer_terms holds "cust<customer id>w<window>" for documents of an issue with a customer:
-- a customer's search asks "+cust17w61 +citrix_61", and InnoDB reads only the postings of
-- citrix_61 that lie among that customer's documents instead of reading every issue with the
-- word. No word of `terms` can look like it (those all end in "_" and digits).
--
-- Building it reads all text once and indexes it (10 minutes for 1.1M issues and 3.25M
-- journals on the 2-core bench VM while other work ran); writes to issues and journals wait
-- while the FULLTEXT index is built: plan it like any table rebuild. Creating functions and
-- triggers needs the CREATE ROUTINE and TRIGGER privileges (and SUPER, or
-- log_bin_trust_function_creators, on a server with binary logging).

CREATE TABLE search_documents (
  issue_id INT UNSIGNED NOT NULL,
  journal_id INT UNSIGNED NOT NULL DEFAULT 0,
  private_notes TINYINT(1) NOT NULL DEFAULT 0,
  terms LONGTEXT NOT NULL,
  customer_terms VARCHAR(32) NOT NULL DEFAULT '',
  PRIMARY KEY (issue_id, journal_id),
  CONSTRAINT fk_search_documents_issue FOREIGN KEY (issue_id) REFERENCES issues (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The window of an issue id; core/domain/search_windows.hpp (kSearchWindowBits) says the same.
CREATE FUNCTION search_window(issue_id INT UNSIGNED) RETURNS INT UNSIGNED
  DETERMINISTIC NO SQL
  RETURN issue_id >> 14;

-- `body` with prefix + word + '_' + suffix for every word of 3 or more characters; shorter
-- words stay as they are (InnoDB does not index them). Documents use it with the window as
-- suffix, the search with '+' and '#' (core/storage/search_repository.cpp), so text and query
-- are cut into words by the same expression. A word is a run of letters, digits, '_',
-- combining marks and U+06DE: what InnoDB's tokenizer takes for one (compared over every code
-- point on MariaDB 10.11), except that InnoDB also splits at letters outside the Basic
-- Multilingual Plane and at some 2,900 letters newer than its character tables, so a word
-- holding one of those may not be found. (Excluding them here would make the expression cost
-- 6 ms to compile, at every call.)
CREATE FUNCTION search_terms(body LONGTEXT, prefix VARCHAR(1), suffix VARCHAR(12)) RETURNS LONGTEXT
  DETERMINISTIC NO SQL
  RETURN REGEXP_REPLACE(body, '(*UCP)([\\w\\p{M}\\x{06DE}]{3,})', CONCAT(prefix, '\\1_', suffix));

-- The customer term of a document of an issue of `customer_id` (none: '');
-- core/domain/search_windows.hpp (customerTerm) says the same.
CREATE FUNCTION search_customer_terms(customer_id INT UNSIGNED, issue_id INT UNSIGNED) RETURNS VARCHAR(32)
  DETERMINISTIC NO SQL
  RETURN IF(customer_id IS NULL, '', CONCAT('cust', customer_id, 'w', search_window(issue_id)));

CREATE TRIGGER issues_search_insert AFTER INSERT ON issues FOR EACH ROW
  INSERT INTO search_documents (issue_id, journal_id, private_notes, terms, customer_terms)
  VALUES (NEW.id, 0, 0, search_terms(CONCAT(NEW.subject, '\n', COALESCE(NEW.description, '')), '', search_window(NEW.id)),
          search_customer_terms(NEW.customer_id, NEW.id));

CREATE TRIGGER issues_search_update AFTER UPDATE ON issues FOR EACH ROW
  UPDATE search_documents
  SET terms = IF(journal_id = 0,
                 search_terms(CONCAT(NEW.subject, '\n', COALESCE(NEW.description, '')), '', search_window(NEW.id)),
                 terms),
      customer_terms = search_customer_terms(NEW.customer_id, NEW.id)
  WHERE issue_id = NEW.id
    AND (journal_id = 0 OR NOT (OLD.customer_id <=> NEW.customer_id))
    AND NOT (OLD.subject <=> NEW.subject AND OLD.description <=> NEW.description
             AND OLD.customer_id <=> NEW.customer_id);

-- Under REPEATABLE READ, INSERT ... SELECT reads the issue row with a shared lock, so a
-- concurrent change of its customer is either seen here or applied to this document by
-- issues_search_update. (Under READ COMMITTED the race can leave the old customer's term: the
-- new customer would not find this note by its words until it is edited; nobody else would.)
CREATE TRIGGER journals_search_insert AFTER INSERT ON journals FOR EACH ROW
  INSERT INTO search_documents (issue_id, journal_id, private_notes, terms, customer_terms)
  SELECT NEW.issue_id, NEW.id, NEW.private_notes, search_terms(NEW.notes, '', search_window(NEW.issue_id)),
         search_customer_terms(i.customer_id, i.id)
  FROM issues i WHERE i.id = NEW.issue_id AND NEW.notes <> '';

CREATE TRIGGER journals_search_update AFTER UPDATE ON journals FOR EACH ROW
  INSERT INTO search_documents (issue_id, journal_id, private_notes, terms, customer_terms)
  SELECT NEW.issue_id, NEW.id, NEW.private_notes, search_terms(COALESCE(NEW.notes, ''), '', search_window(NEW.issue_id)),
         search_customer_terms(i.customer_id, i.id)
  FROM issues i WHERE i.id = NEW.issue_id AND NOT (OLD.notes <=> NEW.notes AND OLD.private_notes <=> NEW.private_notes)
  ON DUPLICATE KEY UPDATE private_notes = VALUES(private_notes), terms = VALUES(terms);

CREATE TRIGGER journals_search_delete AFTER DELETE ON journals FOR EACH ROW
  DELETE FROM search_documents WHERE issue_id = OLD.issue_id AND journal_id = OLD.id;

-- Existing text (IGNORE: a row a trigger wrote meanwhile is already current).
INSERT IGNORE INTO search_documents (issue_id, journal_id, private_notes, terms, customer_terms)
SELECT id, 0, 0, search_terms(CONCAT(subject, '\n', COALESCE(description, '')), '', search_window(id)),
       search_customer_terms(customer_id, id)
FROM issues;
INSERT IGNORE INTO search_documents (issue_id, journal_id, private_notes, terms, customer_terms)
SELECT j.issue_id, j.id, j.private_notes, search_terms(j.notes, '', search_window(j.issue_id)),
       search_customer_terms(i.customer_id, i.id)
FROM journals j JOIN issues i ON i.id = j.issue_id WHERE j.notes <> '';

ALTER TABLE search_documents ADD FULLTEXT KEY ft_search_documents_terms (terms, customer_terms);
ALTER TABLE issues DROP INDEX ft_issues_text;
ALTER TABLE journals DROP INDEX ft_journals_notes;
