-- The admin queue of inbound mail: an admin may release a message the guards held back (spam,
-- automatic mail, a blocked or flooding sender); processing then skips those guards for it.
ALTER TABLE inbound_mail ADD COLUMN released TINYINT(1) NOT NULL DEFAULT 0 AFTER reason;
