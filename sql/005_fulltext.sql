-- Full-text search over issues (/search and the issue lists' search box): InnoDB FULLTEXT
-- indexes on the subject and description, and on the notes of journals. InnoDB indexes
-- words of 3 to 84 characters (innodb_ft_min_token_size, innodb_ft_max_token_size), skips
-- its stopword list and sees only committed rows. The first FULLTEXT index of a table
-- rebuilds it (a hidden FTS_DOC_ID column); on a million issues that takes minutes and
-- blocks writes to the table meanwhile: plan it like any table rebuild.
ALTER TABLE issues ADD FULLTEXT KEY ft_issues_text (subject, description);
ALTER TABLE journals ADD FULLTEXT KEY ft_journals_notes (notes);
