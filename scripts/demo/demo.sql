-- Demo data for ticketflow: a software vendor ("PSPro": desktop client, backend server,
-- workflows) with ~50 issues in psprosupport and psprointernal over the last ~60 days.
--
-- Load with the mariadb client AFTER the migrations + seed, once the users admin, bill (support),
-- alex (gatekeeper + developer), clemens (developer), mia (manager) and carol (customer login)
-- exist:   mariadb --defaults-file=... DBNAME < scripts/demo/demo.sql
--
-- No ids are hard-coded: users, statuses, trackers, priorities, projects and milestones are
-- looked up by name, issue and journal ids continue after the existing ones. All times are
-- relative to NOW(), so the demo always looks fresh. One transaction: an error changes nothing.
--
-- How it works: the issues and their journals are written below as rows of temporary staging
-- tables (times in hours ago, people by login, statuses by name, only the CHANGES per journal);
-- the current state of every issue (status, assignee, milestone, priority, updated_at,
-- closed_at) and the journal_details (old -> new) are derived from the journals, so they are
-- consistent by construction. Note texts may contain '#@', replaced by the number of the issue
-- named in ref_k (or of the journal's own issue when ref_k is NULL).

START TRANSACTION;

DELIMITER //
BEGIN NOT ATOMIC
  IF (SELECT COUNT(*) FROM users
      WHERE login IN ('admin', 'bill', 'alex', 'clemens', 'mia', 'carol')) <> 6 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
      'demo.sql: users admin, bill, alex, clemens, mia and carol must exist (create them with the CLI first)';
  END IF;
  IF EXISTS (SELECT 1 FROM customers WHERE email = 'daniel.okafor@example.com') THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'demo.sql: the demo data is already loaded';
  END IF;
END //
DELIMITER ;

SET @now := NOW();
SET @sup := (SELECT id FROM projects WHERE identifier = 'psprosupport');
SET @int := (SELECT id FROM projects WHERE identifier = 'psprointernal');

-- ---------------------------------------------------------------------------------------------
-- Memberships (INSERT IGNORE: the CLI may already have made them).
INSERT IGNORE INTO memberships (user_id, project_id, role_id)
SELECT u.id, p.id, r.id
FROM (SELECT 'bill' AS login, 'psprosupport' AS project, 'Support' AS role
      UNION ALL SELECT 'bill',    'psprointernal', 'Support'
      UNION ALL SELECT 'alex',    'psprointernal', 'Gatekeeper'
      UNION ALL SELECT 'alex',    'psprointernal', 'Developer'
      UNION ALL SELECT 'clemens', 'psprointernal', 'Developer'
      UNION ALL SELECT 'mia',     'psprosupport',  'Manager'
      UNION ALL SELECT 'mia',     'psprointernal', 'Manager'
      UNION ALL SELECT 'carol',   'psprosupport',  'Customer') m
JOIN users u ON u.login = m.login
JOIN projects p ON p.identifier = m.project
JOIN roles r ON r.name = m.role;

-- ---------------------------------------------------------------------------------------------
-- Milestones: the release shipped 24 days ago, due dates for the seeded ones.
INSERT INTO milestones (project_id, name, description, due_date, status, created_at)
VALUES (@int, '2.1.0', 'Released: new workflow designer, Excel export fixes',
        DATE(@now) - INTERVAL 24 DAY, 'closed', @now - INTERVAL 120 DAY);
UPDATE milestones SET due_date = DATE(@now) + INTERVAL 12 DAY
 WHERE project_id = @int AND name = '2.1.1' AND due_date IS NULL;
UPDATE milestones SET due_date = DATE(@now) + INTERVAL 95 DAY
 WHERE project_id = @int AND name = '2.2.0' AND due_date IS NULL;

-- ---------------------------------------------------------------------------------------------
-- Customers (CRM). carol's row takes the mail address of her login.
CREATE TEMPORARY TABLE demo_c (
  ckey   VARCHAR(16) NOT NULL PRIMARY KEY,
  name   VARCHAR(255) NOT NULL,
  email  VARCHAR(254) NOT NULL,
  org    VARCHAR(255) NOT NULL,
  phone  VARCHAR(64)  NOT NULL,
  notes  TEXT NULL,
  id     INT UNSIGNED NULL
);
INSERT INTO demo_c (ckey, name, email, org, phone, notes)
SELECT 'carol',
       COALESCE(NULLIF(TRIM(CONCAT(firstname, ' ', lastname)), ''), 'Carol Jensen'),
       COALESCE(mail, 'carol.jensen@example.org'),
       'Nordlicht Logistics GmbH', '+49 40 5550 1234',
       'Key account, 40 client seats. Uses the web form; prefers English.'
FROM users WHERE login = 'carol';
INSERT INTO demo_c (ckey, name, email, org, phone, notes) VALUES
 ('okafor',   'Daniel Okafor',  'daniel.okafor@example.com',  'Brightwater Analytics Ltd',        '+44 20 7946 0312', 'Maintenance contract until end of next year.'),
 ('lambert',  'Sophie Lambert', 'sophie.lambert@example.org', 'Lambert & Fils Imprimerie',        '+33 1 55 50 42 17', NULL),
 ('watanabe', 'Kenji Watanabe', 'k.watanabe@example.com',     'Horizon Medical Imaging',          '+1 617 555 0148',  'Premium support (24/7 phone). Server runs on Windows Server 2022.'),
 ('raman',    'Priya Raman',    'priya.raman@example.org',    'Raman Engineering Services',       '+91 80 5550 7781', NULL),
 ('becker',   'Thomas Becker',  't.becker@example.com',       'Becker Stahlbau AG',               '+49 89 5550 3390', 'Large projects (10,000+ positions) - good test case for export performance.'),
 ('petrova',  'Elena Petrova',  'elena.petrova@example.com',  'Northwind Insurance',              '+359 2 555 0193',  NULL),
 ('rossi',    'Marco Rossi',    'marco.rossi@example.org',    'Rossi Trasporti S.r.l.',           '+39 02 5550 6621', 'Italian locale, two sites.'),
 ('schmidt',  'Hannah Schmidt', 'h.schmidt@example.org',      'City of Eastfield, IT Department', '+1 312 555 0175',  'Public sector: invoices via purchase order only.'),
 ('oconnor',  'Liam O''Connor', 'liam.oconnor@example.com',   'O''Connor Print & Design',         '+353 1 555 0129',  NULL);

INSERT INTO customers (name, email, organisation, phone, notes, created_at, updated_at)
SELECT name, email, org, phone, notes, @now - INTERVAL 90 DAY, @now - INTERVAL 90 DAY FROM demo_c
ON DUPLICATE KEY UPDATE name = VALUES(name), organisation = VALUES(organisation), phone = VALUES(phone),
  notes = VALUES(notes), created_at = VALUES(created_at), updated_at = VALUES(updated_at);
UPDATE demo_c d JOIN customers c ON c.email = d.email SET d.id = c.id;
UPDATE users u JOIN demo_c d ON d.ckey = 'carol' SET u.customer_id = d.id WHERE u.login = 'carol';

-- ---------------------------------------------------------------------------------------------
-- Issues. k: key used below; ago: hours ago it was created; author: login (NULL = anonymous
-- customer by mail); ckey: customer; description NULL = copied from the support issue.
CREATE TEMPORARY TABLE demo_i (
  k            INT NOT NULL PRIMARY KEY,
  proj         VARCHAR(64) NOT NULL,
  tracker      VARCHAR(64) NOT NULL,
  pri          VARCHAR(64) NOT NULL,
  author       VARCHAR(64) NULL,
  ckey         VARCHAR(16) NULL,
  source       VARCHAR(8)  NOT NULL,
  ago          DECIMAL(8,2) NOT NULL,
  subject      VARCHAR(255) NULL,
  description  TEXT NULL,
  id           INT UNSIGNED NULL,
  created_at   DATETIME NULL
);

INSERT INTO demo_i (k, proj, tracker, pri, author, ckey, source, ago, subject, description) VALUES
-- psprosupport
(1, 'psprosupport', 'Support', 'Normal', NULL, 'becker', 'email', 1400,
 'PDF export crashes with large projects',
 'Hello,\n\nwhen we export project "Hallendach Nord" (about 12,000 positions) to PDF, the desktop client closes without any message after roughly 30 seconds. Smaller projects export fine.\n\nPSPro client 2.0.3 on Windows 11, server 2.0.3 on Windows Server 2019.\n\nThe Windows event log shows "Faulting module name: psreport.dll". I have attached the client log.\n\nRegards,\nThomas Becker\nBecker Stahlbau AG'),
(2, 'psprosupport', 'Support', 'High', 'carol', 'carol', 'web', 1300,
 'License key not accepted after moving the server to new hardware',
 'We moved the PSPro backend server to a new machine this weekend. Now the license dialog says "License key is not valid for this installation (code 17)". Our key has not changed. 40 users cannot work at the moment - please help quickly.'),
(3, 'psprosupport', 'Support', 'Normal', NULL, 'okafor', 'email', 1250,
 'Workflow step "Approve invoice" hangs forever',
 'Hi support,\n\nsince last Tuesday some invoices stay in the workflow step "Approve invoice" with the status "running". The approver has clicked "Approve", the client shows a spinner and nothing happens. Restarting the client does not help; after a server restart the affected invoices are still stuck.\n\nIt happens for about 1 in 20 invoices. We use the standard invoice workflow with one custom script step (attached).\n\nDaniel Okafor\nBrightwater Analytics'),
(4, 'psprosupport', 'FeatureRequests', 'Normal', NULL, 'lambert', 'email', 1200,
 'Feature wish: CSV import for customer master data',
 'Bonjour,\n\nwe maintain our customer master data in our ERP and have to type every new customer into PSPro by hand. A CSV import (with a mapping of columns to fields and a preview) would save us hours every week. Updating existing customers by customer number would be ideal.\n\nMerci,\nSophie Lambert'),
(5, 'psprosupport', 'Support', 'Low', NULL, 'raman', 'email', 1150,
 'How do I change the default paper size for reports?',
 'Dear team,\n\nall reports are printed on US Letter although our printers use A4. Where can I change the default paper size for all users?\n\nThanks,\nPriya'),
(6, 'psprosupport', 'Support', 'High', 'bill', 'watanabe', 'phone', 1100,
 'Backend server does not start after Windows update',
 'Customer called: after installing the monthly Windows updates the service "PSPro Backend" stops immediately after starting. Event log: "Error 1069: The service did not start due to a logon failure." 25 users affected, they work offline in the meantime.'),
(7, 'psprosupport', 'Support', 'Normal', NULL, 'petrova', 'email', 1050,
 'Workflow notification emails arrive twice',
 'Hello,\n\nevery notification from the claims workflow arrives twice in our mailboxes, a few seconds apart. This started after we added a second backend server for load balancing.\n\nKind regards,\nElena Petrova\nNorthwind Insurance'),
(8, 'psprosupport', 'Support', 'Normal', NULL, 'rossi', 'email', 1000,
 'Desktop client shows wrong currency symbol in Italian locale',
 'Buongiorno,\n\nwith the client language set to Italian, amounts in the order overview are shown with "$" instead of "EUR". In English everything is fine. Printed reports are correct.\n\nMarco Rossi'),
(9, 'psprosupport', 'Support', 'Normal', NULL, 'schmidt', 'email', 950,
 'Cannot log in with Active Directory account',
 'Since our domain controller was replaced, users cannot log in to PSPro with their Windows accounts ("Authentication failed"). Local PSPro accounts still work. We did not change anything in PSPro.\n\nHannah Schmidt\nCity of Eastfield IT'),
(10, 'psprosupport', 'Support', 'Normal', NULL, 'oconnor', 'email', 930,
 'Re: your invoice 2024-117',
 'Hi,\n\nwe received invoice 2024-117 for 15 licences but we only have 12. Can you send a corrected invoice?\n\nLiam'),
(11, 'psprosupport', 'FeatureRequests', 'Low', NULL, 'becker', 'email', 900,
 'Dark mode for the desktop client',
 'Our planners work late shifts and would love a dark theme in the desktop client. Is this planned?'),
(12, 'psprosupport', 'Support', 'High', 'carol', 'carol', 'web', 850,
 'Export to Excel loses leading zeros in article numbers',
 'When we export the article list to Excel, article numbers like 000123 become 123. We need the exact numbers for our warehouse system. Exporting to CSV keeps the zeros.'),
(13, 'psprosupport', 'Support', 'Normal', 'bill', 'okafor', 'phone', 800,
 'Scheduled report job runs one hour late after DST change',
 'Customer called: the nightly report job "Daily open items" is scheduled for 06:00 but since the change to summer time it runs at 07:00. The server clock is correct.'),
(14, 'psprosupport', 'Support', 'High', 'bill', 'watanabe', 'phone', 700,
 'Production server: database connection pool exhausted, all users blocked',
 'Customer called at 08:10: nobody can work, the client shows "Timeout waiting for database connection". Server log is full of "Connection pool exhausted (max 20)". Started after they connected their new reporting tool to the PSPro database.'),
(15, 'psprosupport', 'FeatureRequests', 'Normal', NULL, 'raman', 'email', 650,
 'Feature wish: REST endpoint to start workflows',
 'We would like to start workflows from our ticket system automatically. Is there an API for this? If not, please consider a REST endpoint "start workflow X with these parameters" that returns the workflow instance id.'),
(16, 'psprosupport', 'Support', 'Normal', NULL, 'lambert', 'email', 600,
 'Printing labels: barcode cut off on Zebra printer',
 'Bonjour,\n\non our Zebra ZD421 the barcode on shipping labels is cut off at the right edge. The print preview looks fine. Label size 100 x 50 mm.\n\nSophie'),
(17, 'psprosupport', 'Support', 'Low', NULL, 'petrova', 'email', 500,
 'Typo in the German user interface: "Speichen" instead of "Speichern"',
 'Our colleagues in Vienna noticed that the save button in the German client reads "Speichen" in the document dialog. Only a small thing, but it looks unprofessional.'),
(18, 'psprosupport', 'Support', 'Normal', NULL, 'rossi', 'email', 450,
 'Question: can the backend run on PostgreSQL?',
 'We are standardising on PostgreSQL. Can the PSPro backend use PostgreSQL instead of SQL Server?'),
(19, 'psprosupport', 'Support', 'Normal', NULL, 'schmidt', 'email', 400,
 'Client update fails with error 0x80070005',
 'The automatic client update fails on about half of our workstations with "Error 0x80070005: access denied". Users are not local administrators.'),
(20, 'psprosupport', 'Support', 'High', 'carol', 'carol', 'web', 300,
 'Workflow designer crashes when deleting a branch',
 'In the workflow designer, deleting a branch of a parallel gateway crashes the client. It happens with our "Goods receipt" workflow every time. We cannot change the workflow at the moment.'),
(21, 'psprosupport', 'Support', 'Normal', NULL, 'oconnor', 'email', 250,
 'Please remove me from your newsletter',
 'Please stop sending me the monthly product newsletter.'),
(22, 'psprosupport', 'Support', 'Normal', NULL, 'becker', 'email', 200,
 'Timeout when synchronising the offline client with the server',
 'Our site managers work offline on laptops. When they come back, synchronisation stops after a few minutes with "Timeout (120 s) while uploading changes". Small change sets work.'),
(23, 'psprosupport', 'FeatureRequests', 'Normal', NULL, 'okafor', 'email', 150,
 'Feature wish: keyboard shortcut to duplicate a workflow step',
 'In the workflow designer we often need several similar steps. A Ctrl+D shortcut to duplicate the selected step (with its settings) would help a lot.'),
(24, 'psprosupport', 'Support', 'Normal', NULL, 'watanabe', 'email', 120,
 'Audit log export is missing entries for deleted users',
 'For our yearly audit we exported the audit log for last quarter. Actions of users who have since been deleted are missing completely. We need those entries for compliance.'),
(25, 'psprosupport', 'Support', 'Urgent', 'carol', 'carol', 'web', 50,
 'After update to 2.1.0 the client cannot connect to the server (TLS handshake failed)',
 'We updated server and clients to 2.1.0 yesterday evening. Since then all clients fail with "TLS handshake failed". We use our own certificate from our internal CA. Before the update everything worked.'),
(26, 'psprosupport', 'Support', 'Normal', NULL, 'raman', 'email', 30,
 'Report "Open items by region" shows no data',
 'The report "Open items by region" is empty since this morning, although there are open items. Other reports work.'),
(27, 'psprosupport', 'Support', 'Normal', NULL, 'petrova', 'email', 20,
 'License: we need five additional seats',
 'Hello, our claims department grows and we need five more client licences. Can you send an offer and tell us how to activate them?'),
(28, 'psprosupport', 'Support', 'High', 'bill', 'rossi', 'phone', 8,
 'Server crashes on startup: "Invalid configuration file"',
 'Customer called: after editing server.xml to add a second mail server, the backend service stops with "Invalid configuration file (line 87)". They will send the file by mail.'),
(29, 'psprosupport', 'FeatureRequests', 'Low', NULL, 'lambert', 'email', 5,
 'Feature wish: export workflows as BPMN 2.0',
 'Our quality management wants to document our processes in a BPMN tool. Could PSPro export workflows as BPMN 2.0 XML?'),
(30, 'psprosupport', 'Support', 'Normal', NULL, 'schmidt', 'email', 2,
 'Password reset mail never arrives',
 'Users who click "Forgot password" in the web client never get the mail. Other PSPro mails (workflow notifications) arrive.'),
(31, 'psprosupport', 'Support', 'Normal', NULL, 'oconnor', 'email', 40,
 'Print preview is blank on the macOS client',
 'On our Macs (macOS 14) the print preview window stays white for every report. Printing directly works.'),
(32, 'psprosupport', 'Support', 'Low', NULL, 'okafor', 'email', 330,
 'Test - please ignore',
 'Testing our new mail gateway. Please ignore this message.'),
-- psprointernal: copies of support issues (subject and description come from the support issue)
(51, 'psprointernal', 'Bug',     'Normal', 'bill', NULL, 'web', 1380, NULL, NULL),
(52, 'psprointernal', 'Bug',     'Normal', 'bill', NULL, 'web', 1220, NULL, NULL),
(53, 'psprointernal', 'Feature', 'Normal', 'bill', NULL, 'web', 1150, NULL, NULL),
(54, 'psprointernal', 'Bug',     'Normal', 'bill', NULL, 'web', 980,  NULL, NULL),
(55, 'psprointernal', 'Bug',     'High',   'bill', NULL, 'web', 835,  NULL, NULL),
(56, 'psprointernal', 'Feature', 'Normal', 'bill', NULL, 'web', 600,  NULL, NULL),
(57, 'psprointernal', 'Bug',     'Low',    'bill', NULL, 'web', 490,  NULL, NULL),
(58, 'psprointernal', 'Bug',     'High',   'bill', NULL, 'web', 22,   NULL, NULL),
-- psprointernal: the developers' own issues
(61, 'psprointernal', 'Task',    'Normal', 'alex', NULL, 'web', 1350,
 'Upgrade bundled OpenSSL to 3.0.13',
 'The server and client installers ship OpenSSL 3.0.11. Upgrade to 3.0.13 (CVE-2023-5678, CVE-2024-0727) for 2.1.0.'),
(62, 'psprointernal', 'Bug',     'Normal', 'clemens', NULL, 'web', 1000,
 'Memory leak in workflow engine when timers are cancelled',
 'Cancelling a workflow instance with pending timer steps leaves the timer objects in TimerQueue. Heap grows ~40 MB per 10,000 cancelled instances (seen in the load test). Heap dump: \\\\build\\dumps\\wf-timer-leak.dmp'),
(63, 'psprointernal', 'Feature', 'Normal', 'alex', NULL, 'web', 900,
 'Server: configurable retention period for the audit log',
 'Customers in the public sector must keep audit entries for 10 years, others want them deleted after 2. Add a setting "audit.retention_days" (0 = keep forever) and a nightly cleanup.'),
(64, 'psprointernal', 'Task',    'Low',    'clemens', NULL, 'web', 800,
 'Remove the deprecated SOAP interface from the backend',
 'The SOAP interface has been deprecated since 1.6. Remove it together with the Axis dependency; announce in the 2.2.0 release notes.'),
(65, 'psprointernal', 'Bug',     'Normal', 'bill', NULL, 'web', 600,
 'Installer leaves the old service registered after uninstall',
 'After uninstalling the server, "PSPro Backend" is still listed in services.msc and a reinstall fails with "service already exists".'),
(66, 'psprointernal', 'Bug',     'Normal', 'clemens', NULL, 'web', 400,
 'Flaky test: WorkflowSchedulerTest.nightlyRun',
 'Fails about once in 30 CI runs with "expected 3 runs but was 2". Probably depends on the wall clock near midnight UTC.'),
(67, 'psprointernal', 'Task',    'Normal', 'alex', NULL, 'web', 300,
 'Prepare release notes for 2.1.1',
 'Collect all issues closed for 2.1.1, write the customer-facing release notes (EN/DE) and update the upgrade guide.'),
(68, 'psprointernal', 'Bug',     'Normal', 'clemens', NULL, 'web', 200,
 'Client crash when opening a workflow with more than 500 steps',
 'Reported by a colleague from presales: opening their big demo workflow crashes the client.'),
(69, 'psprointernal', 'Feature', 'Normal', 'alex', NULL, 'web', 100,
 'Desktop client: remember window layout per user',
 'Docked panels and column widths are reset on every start. Store the layout per user in the profile on the server so it follows the user between workstations.'),
(70, 'psprointernal', 'Bug',     'High',   'bill', NULL, 'web', 30,
 'Backend returns HTTP 500 on /api/v2/reports when the filter is empty',
 'GET /api/v2/reports?filter= answers 500 with a NullPointerException in ReportFilterParser.parse. Without the parameter it works. Found while answering a customer question.'),
(71, 'psprointernal', 'Task',    'Normal', 'clemens', NULL, 'web', 10,
 'Update the CI build image to Debian 12',
 'The build image is still Debian 11; GCC 12 finds a few new warnings we should fix on the way.'),
(72, 'psprointernal', 'Bug',     'Low',    'alex', NULL, 'web', 520,
 'Log rotation deletes the current server log on Windows',
 'Sometimes after rotation server.log is missing and only server.log.1 exists.');

-- ---------------------------------------------------------------------------------------------
-- Journals: who (login) or ckey (a customer writing), st/asg/ms/pri = the new value when the
-- journal changed it, copy_k = "copied to" that internal issue, ref_k = the issue '#@' names.
CREATE TEMPORARY TABLE demo_j (
  k        INT NOT NULL,
  n        INT NOT NULL,
  ago      DECIMAL(8,2) NOT NULL,
  who      VARCHAR(64) NULL,
  ckey     VARCHAR(16) NULL,
  priv     TINYINT NOT NULL DEFAULT 0,
  st       VARCHAR(64) NULL,
  asg      VARCHAR(64) NULL,
  ms       VARCHAR(64) NULL,
  pri      VARCHAR(64) NULL,
  copy_k   INT NULL,
  ref_k    INT NULL,
  notes    TEXT NULL,
  id       INT UNSIGNED NULL,
  created_at DATETIME NULL,
  PRIMARY KEY (k, n)
);

INSERT INTO demo_j (k, n, ago, who, ckey, priv, st, asg, ms, pri, copy_k, ref_k, notes) VALUES
-- 1: PDF export crash -> Internal 51 -> fixed in 2.1.0 -> closed
(1, 1, 1395, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Mr Becker,\n\nthank you for the log. We can reproduce the crash with a generated project of 12,000 positions and forward it to development.\n\nBest regards,\nBill Turner, PSPro Support'),
(1, 2, 1380, 'bill', NULL, 1, NULL, NULL, NULL, NULL, 51, 51,
 'Copied to Internal #@. Crash is in the page-break calculation of psreport.dll, happens above ~10,000 rows.'),
(1, 3, 1300, NULL, 'becker', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Thank you. Is there a workaround until the fix? We need to send the PDF to our client next week.'),
(1, 4, 1298, 'bill', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'As a workaround, export the project in two parts (filter by building section) and merge the PDFs. The fix will be part of release 2.1.0.'),
(1, 5, 575, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Release 2.1.0 is available in the customer portal. It fixes the crash when exporting large projects to PDF. Please let us know if you still see problems.'),
-- 2: licence key, closed quickly
(2, 1, 1299, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Carol,\n\nthe licence is bound to the hardware ID of the old server. I have released the old activation; please enter the key again and choose "Online activation".'),
(2, 2, 1297.5, 'carol', 'carol', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'That worked, thank you very much for the quick help!'),
(2, 3, 1297, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Great, I am closing this ticket.'),
-- 3: workflow step hangs -> Internal 52 (Accepted, 2.1.1); support waits
(3, 1, 1245, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Daniel,\n\nthank you for the script. Could you send us the server log (logs/server.log) from a day when it happened, and the ids of two stuck invoices?'),
(3, 2, 1230, NULL, 'okafor', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Log attached. Stuck invoices: INV-2024-0815 and INV-2024-0822.'),
(3, 3, 1220, 'bill', NULL, 1, NULL, NULL, NULL, NULL, 52, 52,
 'Copied to Internal #@. Log shows "lock wait timeout" in the script step when two approvals finish at the same second.'),
(3, 4, 1219, 'bill', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'We found the cause: a locking problem when two approvals finish at the same time. Development is working on a fix; until then an administrator can restart a stuck step with "Retry step" in the workflow monitor.'),
-- 4: CSV import wish -> Internal 53 (Seen, 2.2.0)
(4, 1, 1190, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Bonjour Madame Lambert,\n\nthank you for the suggestion. We agree that this would be useful and have passed it on to product management.'),
(4, 2, 1150, 'bill', NULL, 1, NULL, NULL, NULL, NULL, 53, 53,
 'Copied to Internal #@. Three other customers asked for the same in the last year.'),
-- 5: paper size, answered directly
(5, 1, 1140, 'bill', NULL, 0, 'Closed', 'bill', NULL, NULL, NULL, NULL,
 'Dear Priya,\n\nyou can set it for all users under Administration > Print settings > Default paper size. Users who changed it in their own profile keep their setting.\n\nBest regards,\nBill'),
-- 6: backend does not start (phone), priority raised, closed
(6, 1, 1099.5, 'bill', NULL, 0, 'Accepted', 'bill', NULL, 'Urgent', NULL, NULL,
 'We are looking into it right away.'),
(6, 2, 1099, 'bill', NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL,
 'Premium support customer, 24/7 contract.'),
(6, 3, 1098, 'bill', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'The update removed the "Log on as a service" right from the service account. Please add it again (Local Security Policy > User Rights Assignment) and start the service.'),
(6, 4, 1097, NULL, 'watanabe', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Done, the server is running again. Thanks!'),
(6, 5, 1096.5, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Glad it works again. Closing.'),
-- 7: duplicate mails: closed, customer replied, reopened
(7, 1, 1040, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Ms Petrova,\n\nwith two backend servers both send the notifications. Please enable "Mail sender" on one server only (Administration > Servers).'),
(7, 2, 1000, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'We have not heard back from you and assume the setting solved the problem. Just reply to this mail if it did not.'),
(7, 3, 160, NULL, 'petrova', 0, 'Accepted', NULL, NULL, NULL, NULL, NULL,
 'Sorry for the late reply. We changed the setting, but mails from the escalation step still arrive twice.'),
-- 8: currency symbol -> Internal 54 fixed in 2.1.1; support waits for the release
(8, 1, 990, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Buongiorno Marco,\n\nwe can reproduce it: the Italian translation uses the wrong number format. We will fix it.'),
(8, 2, 980, 'bill', NULL, 1, NULL, NULL, NULL, NULL, 54, 54,
 'Copied to Internal #@.'),
(8, 3, 290, 'bill', NULL, 1, NULL, NULL, NULL, NULL, NULL, 54,
 'Internal #@ is fixed in 2.1.1 - close this when 2.1.1 is released.'),
-- 9: AD login
(9, 1, 940, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Ms Schmidt,\n\nPSPro stores the LDAP server by name. Please check Administration > Authentication: is the old domain controller still entered as "LDAP host"?'),
(9, 2, 920, NULL, 'schmidt', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Yes, the old host name was still there. With the domain name instead it works. Thank you!'),
(9, 3, 919, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Using the domain name is the recommended setting. Closing this ticket.'),
-- 10: invoice question, rejected
(10, 1, 928, 'bill', NULL, 0, 'Rejected', NULL, NULL, NULL, NULL, NULL,
 'Hello Liam,\n\ninvoices are handled by our sales team; I have forwarded your mail to sales@example.com, they will contact you directly.'),
-- 11: dark mode, rejected
(11, 1, 890, 'bill', NULL, 0, 'Rejected', NULL, NULL, NULL, NULL, NULL,
 'Hello Mr Becker,\n\nthank you for the idea. A dark theme is not planned for the 2.x clients; the client follows the Windows high-contrast settings, which some customers use for night shifts.'),
-- 12: Excel leading zeros -> Internal 55 fixed in 2.1.0 -> closed
(12, 1, 845, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Carol,\n\nconfirmed, the Excel export writes article numbers as numbers. We forward this to development.'),
(12, 2, 835, 'bill', NULL, 1, NULL, NULL, NULL, NULL, 55, 55,
 'Copied to Internal #@.'),
(12, 3, 570, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Release 2.1.0 is out and exports article numbers as text, leading zeros included. Closing this ticket.'),
-- 13: DST
(13, 1, 798, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'The job is stored with a fixed UTC offset. Please open the job, set the time zone to "Europe/London" instead of "UTC+00:00" and save.'),
(13, 2, 770, NULL, 'okafor', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Changed it, this morning the report came at 06:00. Thanks.'),
(13, 3, 769, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Thanks for confirming. Closing.'),
-- 14: connection pool
(14, 1, 699.8, 'bill', NULL, 0, 'Accepted', 'bill', NULL, 'Immediate', NULL, NULL,
 'Please disconnect the reporting tool for now and restart the backend service; the users can work again after that.'),
(14, 2, 699.5, 'bill', NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL,
 'Their BI tool opens a connection per dashboard tile and never closes them. Not our bug, but we should document a separate read-only DB user.'),
(14, 3, 698, 'bill', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'For the reporting tool please create a separate read-only database user and let the tool connect with it; raise "db.pool.max" to 40 in server.xml if you need more concurrent users.'),
(14, 4, 690, NULL, 'watanabe', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Done. Everything is stable since this morning.'),
(14, 5, 689, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Thank you for the feedback, closing the ticket.'),
-- 15: REST endpoint wish -> Internal 56 (Seen, ToDoList)
(15, 1, 640, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Dear Priya,\n\nthere is no public API to start workflows yet. We have passed your wish to development.'),
(15, 2, 600, 'bill', NULL, 1, NULL, NULL, NULL, NULL, 56, 56,
 'Copied to Internal #@.'),
-- 16: Zebra label
(16, 1, 595, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Bonjour Sophie,\n\nplease set the printer driver resolution to 203 dpi (the ZD421 default) instead of 300 dpi and print again.'),
(16, 2, 560, NULL, 'lambert', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Parfait, the labels are correct now.'),
(16, 3, 559, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Closing, thank you.'),
-- 17: typo -> Internal 57 fixed in 2.1.1
(17, 1, 495, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Thank you, we will correct it in the next release.'),
(17, 2, 490, 'bill', NULL, 1, NULL, NULL, NULL, NULL, 57, 57,
 'Copied to Internal #@.'),
-- 18: PostgreSQL question, answered directly
(18, 1, 440, 'bill', NULL, 0, 'Closed', 'bill', NULL, NULL, NULL, NULL,
 'Buongiorno Marco,\n\nthe backend supports Microsoft SQL Server and, since 2.0, PostgreSQL 13 to 16. The migration tool in the admin console copies an existing database. Details are in the installation guide, chapter 4.'),
-- 19: update 0x80070005
(19, 1, 395, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Ms Schmidt,\n\nthe update service needs write access to the installation folder. Either deploy updates with your software distribution (MSI in the customer portal) or enable "PSPro Update Service" on the workstations.'),
(19, 2, 330, 'bill', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'No answer for two weeks - I assume the MSI deployment works for you. Reply to reopen.'),
-- 20: designer crash -> Internal 58 (New)
(20, 1, 298, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Carol,\n\ncould you export the workflow (File > Export > .psflow) and attach it together with the client log from %APPDATA%\\PSPro\\logs?'),
(20, 2, 270, 'carol', 'carol', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Attached: goods_receipt.psflow and client.log. The crash happens when I delete the lower branch of the gateway "Quality check".'),
(20, 3, 24, 'bill', NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL,
 'Reproduced on 2.1.0 with the customer''s workflow. Copying to Internal.'),
(20, 4, 22, 'bill', NULL, 1, NULL, NULL, NULL, NULL, 58, 58,
 'Copied to Internal #@.'),
(20, 5, 21.5, 'bill', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Thank you, we can reproduce the crash with your workflow. Development will look at it. Workaround: delete the steps inside the branch first, then the empty branch.'),
-- 21: newsletter, rejected
(21, 1, 249, 'bill', NULL, 0, 'Rejected', NULL, NULL, NULL, NULL, NULL,
 'Hello Liam,\n\nthis address is for product support only. You can unsubscribe with the link at the end of every newsletter; I have also forwarded your request to marketing.'),
-- 22: offline sync timeout, waiting for the customer
(22, 1, 195, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Mr Becker,\n\nhow many changes does a laptop typically upload, and how fast is the site connection? Please send the sync log (client log folder, sync.log) of a failed attempt.'),
(22, 2, 150, NULL, 'becker', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Typically 2,000-5,000 changed positions after a week offline, over LTE. sync.log attached.'),
(22, 3, 148, 'bill', NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL,
 'Upload is sent as one request; at LTE speed 5,000 positions take longer than 120 s. Ask clemens whether chunked upload is planned.'),
(22, 4, 147, 'bill', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Thank you. As a workaround please raise "sync.timeout" to 600 in the client settings. We are checking with development whether large uploads can be split.'),
-- 23: shortcut wish
(23, 1, 140, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Daniel, good idea - we will collect it for the next designer update.'),
-- 24: audit export
(24, 1, 118, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Mr Watanabe,\n\nthe entries are still stored, but the export joins them to the active users only. We are checking how to export them for you.'),
(24, 2, 117, 'bill', NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL,
 'SQL workaround: SELECT * FROM audit_log WHERE ts BETWEEN ... (no join on users). Check with alex before sending to a customer.'),
-- 25: TLS after update
(25, 1, 49, 'bill', NULL, 0, 'Accepted', 'bill', NULL, NULL, NULL, NULL,
 'Hello Carol,\n\n2.1.0 no longer accepts certificates signed with SHA-1. Could you check the signature algorithm of your internal CA certificate?'),
(25, 2, 45, 'carol', 'carol', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Our root CA is indeed SHA-1. Renewing it will take our IT a few days. Is there a way to allow it temporarily?'),
(25, 3, 44, 'bill', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Yes: set "tls.allow_legacy_signatures=true" in server.xml and client.ini and restart. Please remove it again once the CA is renewed.'),
-- 26: report empty (New, customer follow-up)
(26, 1, 26, NULL, 'raman', 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Addition: the report works again when I remove the region filter "APAC".'),
-- 28: config crash (New, private note)
(28, 1, 6, 'bill', NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL,
 'Waiting for server.xml by mail. Probably the second <mailServer> element is outside <mail>.'),
-- 32: test mail, rejected
(32, 1, 329, 'bill', NULL, 0, 'Rejected', NULL, NULL, NULL, NULL, NULL,
 'Test message received - your mail gateway works. Closing as this is not a support request.'),

-- Internal 51 (copy of 1): triaged, fixed in 2.1.0
(51, 1, 1370, 'alex', NULL, 0, 'Seen', 'clemens', '2.1.0', NULL, NULL, NULL,
 'Complete: steps, client log and sample project attached. Crash in PageBreaker::layout with > 10,000 rows.'),
(51, 2, 1340, 'clemens', NULL, 0, 'Accepted', NULL, NULL, NULL, NULL, NULL,
 'Reproduced with a generated project of 12,000 rows: integer overflow in the row-height cache.'),
(51, 3, 1200, 'clemens', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Fixed in commit 3f9c2a1: "PDF export: use 64-bit offsets in the row-height cache, fixes #@".'),
-- Internal 52 (copy of 3): accepted, 2.1.1
(52, 1, 1210, 'alex', NULL, 0, 'Seen', 'alex', '2.1.1', NULL, NULL, NULL,
 'Complete: server log, workflow file and two instance ids. I take it myself.'),
(52, 2, 1100, 'alex', NULL, 0, 'Accepted', NULL, NULL, 'High', NULL, NULL,
 'Reproduced with two parallel approvals in a test loop (1 in ~50). The script step holds the instance lock while it waits for the database.'),
(52, 3, 400, 'alex', NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL,
 'Fix needs a change of the lock order in WorkflowEngine; too risky for a patch release without the new engine tests. Keeping it on 2.1.1 for now.'),
-- Internal 53 (copy of 4): seen, 2.2.0
(53, 1, 1120, 'alex', NULL, 0, 'Seen', 'clemens', '2.2.0', NULL, NULL, NULL,
 'Planned for 2.2.0 together with the import framework. Clemens, please write a short concept (mapping, preview, update by number).'),
-- Internal 54 (copy of 8): closed, 2.1.1
(54, 1, 970, 'alex', NULL, 0, 'Seen', 'clemens', '2.1.1', NULL, NULL, NULL,
 'Complete. Screenshot attached.'),
(54, 2, 900, 'clemens', NULL, 0, 'Accepted', NULL, NULL, NULL, NULL, NULL,
 'Reproduced: it_IT.properties has currency.symbol=$ since the translation import in 2.0.'),
(54, 3, 295, 'clemens', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Fixed in commit a81e0d4: "i18n: correct currency format for it_IT, closes #@".'),
-- Internal 55 (copy of 12): closed, 2.1.0
(55, 1, 830, 'alex', NULL, 0, 'Seen', 'clemens', '2.1.0', NULL, NULL, NULL,
 'Complete, sample file attached. Small fix, should go into 2.1.0.'),
(55, 2, 800, 'clemens', NULL, 0, 'Accepted', NULL, NULL, NULL, NULL, NULL,
 'Reproduced. The exporter guesses the cell type from the content.'),
(55, 3, 720, 'clemens', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Fixed in commit 7c02b9e: "Excel export: write identifier columns as text, fixes #@".'),
-- Internal 56 (copy of 15): seen, ToDoList
(56, 1, 590, 'alex', NULL, 0, 'Seen', 'alex', 'ToDoList', NULL, NULL, NULL,
 'Part of the public API topic. Not planned for a release yet.'),
-- Internal 57 (copy of 17): closed, 2.1.1
(57, 1, 480, 'alex', NULL, 0, 'Seen', 'clemens', '2.1.1', NULL, NULL, NULL,
 'Trivial, 2.1.1.'),
(57, 2, 470, 'clemens', NULL, 0, 'Accepted', NULL, NULL, NULL, NULL, NULL, NULL),
(57, 3, 469, 'clemens', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Fixed in commit 19bd5f3: "de: fix typo Speichen -> Speichern, fixes #@".'),
-- Internal 58 (copy of 20): New, waiting for triage (no journals)
-- Internal 61: OpenSSL, closed in 2.1.0
(61, 1, 1330, 'alex', NULL, 0, 'Seen', 'clemens', '2.1.0', NULL, NULL, NULL, NULL),
(61, 2, 1300, 'clemens', NULL, 0, 'Accepted', NULL, NULL, NULL, NULL, NULL, NULL),
(61, 3, 1190, 'clemens', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Done in commit e44f210: "Bump OpenSSL to 3.0.13, closes #@". Installer tests green on all platforms.'),
-- Internal 62: memory leak, accepted, priority raised
(62, 1, 990, 'alex', NULL, 0, 'Seen', 'clemens', '2.1.1', 'High', NULL, NULL,
 'Complete (heap dump and load test script). Raising priority: long-running servers of two customers are affected.'),
(62, 2, 960, 'clemens', NULL, 0, 'Accepted', NULL, NULL, NULL, NULL, NULL,
 'Reproduced with the load test: TimerQueue::cancel does not remove the entries.'),
(62, 3, 100, 'clemens', NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL,
 'Fix is in review (merge request !412).'),
-- Internal 63: audit retention, seen, 2.2.0
(63, 1, 880, 'alex', NULL, 0, 'Seen', 'alex', '2.2.0', NULL, NULL, NULL, NULL),
-- Internal 64: SOAP removal, accepted, ToDoList
(64, 1, 790, 'alex', NULL, 0, 'Seen', 'clemens', 'ToDoList', NULL, NULL, NULL, NULL),
(64, 2, 700, 'clemens', NULL, 0, 'Accepted', NULL, NULL, NULL, NULL, NULL,
 'Checked the telemetry: 3 customers still call the SOAP interface. Needs an announcement first.'),
-- Internal 65: installer, rejected as duplicate
(65, 1, 590, 'alex', NULL, 0, 'Rejected', NULL, NULL, NULL, NULL, NULL,
 'Not reproducible with the 2.1.0 installer: the uninstaller removes the service since 2.0.2. The customer machine still had the 1.6 service registered under another name.'),
-- Internal 66: flaky test, closed by commit
(66, 1, 390, 'alex', NULL, 0, 'Seen', 'clemens', 'ToDoList', NULL, NULL, NULL, NULL),
(66, 2, 385, 'clemens', NULL, 0, 'Accepted', NULL, NULL, NULL, NULL, NULL, NULL),
(66, 3, 360, 'clemens', NULL, 0, 'Closed', NULL, NULL, NULL, NULL, NULL,
 'Fixed in commit 0b7d3aa: "WorkflowSchedulerTest: inject a fixed clock, fixes #@".'),
-- Internal 67: release notes, seen, 2.1.1
(67, 1, 290, 'alex', NULL, 0, 'Seen', 'alex', '2.1.1', NULL, NULL, NULL, NULL),
-- Internal 68: crash with > 500 steps: New, incomplete -> note to the author
(68, 1, 180, 'alex', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Incomplete: please attach the workflow file and the client log (checklist: workflow file, client log, steps). Leaving it in New until then.'),
(68, 2, 150, 'clemens', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL,
 'Asked presales for the file, they will send it next week.'),
-- Internal 72: log rotation, rejected
(72, 1, 510, 'alex', NULL, 0, 'Rejected', NULL, NULL, NULL, NULL, NULL,
 'Cannot reproduce. Windows keeps the file open when a virus scanner locks it during rotation; the server then continues logging into server.log.1 as designed. Please reopen with a log if it happens without a scanner.');

-- ---------------------------------------------------------------------------------------------
-- Derive ids, times and final state.

-- Copies take subject and description of their support issue.
UPDATE demo_i c
JOIN (SELECT j.copy_k, s.subject, s.description
      FROM demo_j j JOIN demo_i s ON s.k = j.k WHERE j.copy_k IS NOT NULL) src ON src.copy_k = c.k
SET c.subject = src.subject, c.description = src.description;

-- Issue numbers in order of creation, after the existing ones; journal ids likewise.
SET @ibase := (SELECT COALESCE(MAX(id), 0) FROM issues);
SET @jbase := (SELECT COALESCE(MAX(id), 0) FROM journals);
CREATE TEMPORARY TABLE demo_ids (k INT NOT NULL PRIMARY KEY, id INT UNSIGNED NOT NULL)
SELECT k, @ibase + ROW_NUMBER() OVER (ORDER BY ago DESC, k) AS id FROM demo_i;
UPDATE demo_i d JOIN demo_ids x ON x.k = d.k
SET d.id = x.id, d.created_at = @now - INTERVAL ROUND(d.ago * 60) MINUTE;

CREATE TEMPORARY TABLE demo_jids (k INT NOT NULL, n INT NOT NULL, id INT UNSIGNED NOT NULL, PRIMARY KEY (k, n))
SELECT k, n, @jbase + ROW_NUMBER() OVER (ORDER BY ago DESC, k, n) AS id FROM demo_j;
UPDATE demo_j j JOIN demo_jids x ON x.k = j.k AND x.n = j.n
SET j.id = x.id, j.created_at = @now - INTERVAL ROUND(j.ago * 60) MINUTE;

UPDATE demo_j SET ref_k = k WHERE ref_k IS NULL AND notes LIKE '%#@%';
UPDATE demo_j j JOIN demo_i r ON r.k = j.ref_k SET j.notes = REPLACE(j.notes, '#@', CONCAT('#', r.id));

-- Current state: the last value each field was set to by a journal (or the initial one).
CREATE TEMPORARY TABLE demo_state (
  k INT NOT NULL PRIMARY KEY, st VARCHAR(64), asg VARCHAR(64), ms VARCHAR(64), pri VARCHAR(64),
  updated_at DATETIME, closed_at DATETIME, journals INT, customer_replied TINYINT)
SELECT i.k,
  COALESCE((SELECT j.st  FROM demo_j j WHERE j.k = i.k AND j.st  IS NOT NULL ORDER BY j.n DESC LIMIT 1), 'New') AS st,
  (SELECT j.asg FROM demo_j j WHERE j.k = i.k AND j.asg IS NOT NULL ORDER BY j.n DESC LIMIT 1) AS asg,
  (SELECT j.ms  FROM demo_j j WHERE j.k = i.k AND j.ms  IS NOT NULL ORDER BY j.n DESC LIMIT 1) AS ms,
  COALESCE((SELECT j.pri FROM demo_j j WHERE j.k = i.k AND j.pri IS NOT NULL ORDER BY j.n DESC LIMIT 1), i.pri) AS pri,
  COALESCE((SELECT MAX(j.created_at) FROM demo_j j WHERE j.k = i.k), i.created_at) AS updated_at,
  (SELECT j.created_at FROM demo_j j WHERE j.k = i.k AND j.st IS NOT NULL ORDER BY j.n DESC LIMIT 1) AS closed_at,
  (SELECT COUNT(*) FROM demo_j j WHERE j.k = i.k) AS journals,
  -- reopened by a customer's reply (DESIGN §2)
  EXISTS (SELECT 1 FROM demo_j j WHERE j.k = i.k AND j.ckey IS NOT NULL AND j.who IS NULL AND j.st = 'Accepted'
          AND j.n = (SELECT MAX(j2.n) FROM demo_j j2 WHERE j2.k = i.k AND j2.st IS NOT NULL)) AS customer_replied
FROM demo_i i;

-- ---------------------------------------------------------------------------------------------
-- Issues
INSERT INTO issues (id, project_id, tracker_id, status_id, priority_id, subject, description,
                    author_id, assigned_to_id, milestone_id, customer_id, source, customer_replied,
                    lock_version, created_at, updated_at, closed_at)
SELECT i.id, p.id, t.id, st.id, pr.id, i.subject, i.description,
       au.id, asg.id, ms.id, c.id, i.source, s.customer_replied,
       s.journals, i.created_at, s.updated_at, IF(st.is_closed, s.closed_at, NULL)
FROM demo_i i
JOIN demo_state s ON s.k = i.k
JOIN projects p ON p.identifier = i.proj
JOIN trackers t ON t.name = i.tracker
JOIN issue_statuses st ON st.name = s.st
JOIN priorities pr ON pr.name = s.pri
LEFT JOIN users au ON au.login = i.author
LEFT JOIN users asg ON asg.login = s.asg
LEFT JOIN milestones ms ON ms.project_id = p.id AND ms.name = s.ms
LEFT JOIN demo_c c ON c.ckey = i.ckey
ORDER BY i.id;

-- Journals: staff by login; customers by their CRM row (and their login, if they have one).
INSERT INTO journals (id, issue_id, user_id, customer_id, notes, private_notes, created_at)
SELECT j.id, i.id, u.id, c.id, j.notes, j.priv, j.created_at
FROM demo_j j
JOIN demo_i i ON i.k = j.k
LEFT JOIN users u ON u.login = j.who
LEFT JOIN demo_c c ON c.ckey = j.ckey
ORDER BY j.id;

-- Journal details: old value = what the previous journal set (or the initial value).
INSERT INTO journal_details (journal_id, property, prop_key, old_value, value)
SELECT x.journal_id, 'attr', x.prop_key, x.old_value, x.value FROM (
  SELECT j.id AS journal_id, j.k, j.n, 1 AS ord, 'status_id' AS prop_key,
         CAST((SELECT s.id FROM issue_statuses s WHERE s.name = COALESCE(
           (SELECT p.st FROM demo_j p WHERE p.k = j.k AND p.n < j.n AND p.st IS NOT NULL ORDER BY p.n DESC LIMIT 1),
           'New')) AS CHAR) AS old_value,
         CAST((SELECT s.id FROM issue_statuses s WHERE s.name = j.st) AS CHAR) AS value
  FROM demo_j j WHERE j.st IS NOT NULL
  UNION ALL
  SELECT j.id, j.k, j.n, 2, 'assigned_to_id',
         CAST((SELECT u.id FROM users u WHERE u.login =
           (SELECT p.asg FROM demo_j p WHERE p.k = j.k AND p.n < j.n AND p.asg IS NOT NULL ORDER BY p.n DESC LIMIT 1)) AS CHAR),
         CAST((SELECT u.id FROM users u WHERE u.login = j.asg) AS CHAR)
  FROM demo_j j WHERE j.asg IS NOT NULL
  UNION ALL
  SELECT j.id, j.k, j.n, 3, 'fixed_version_id',
         CAST((SELECT m.id FROM milestones m WHERE m.project_id = @int AND m.name =
           (SELECT p.ms FROM demo_j p WHERE p.k = j.k AND p.n < j.n AND p.ms IS NOT NULL ORDER BY p.n DESC LIMIT 1)) AS CHAR),
         CAST((SELECT m.id FROM milestones m WHERE m.project_id = @int AND m.name = j.ms) AS CHAR)
  FROM demo_j j WHERE j.ms IS NOT NULL
  UNION ALL
  SELECT j.id, j.k, j.n, 4, 'priority_id',
         CAST((SELECT r.id FROM priorities r WHERE r.name = COALESCE(
           (SELECT p.pri FROM demo_j p WHERE p.k = j.k AND p.n < j.n AND p.pri IS NOT NULL ORDER BY p.n DESC LIMIT 1),
           (SELECT i.pri FROM demo_i i WHERE i.k = j.k))) AS CHAR),
         CAST((SELECT r.id FROM priorities r WHERE r.name = j.pri) AS CHAR)
  FROM demo_j j WHERE j.pri IS NOT NULL
) x
-- a journal that sets the value it already had records no change
WHERE NOT (x.old_value <=> x.value)
ORDER BY x.journal_id, x.ord;

INSERT INTO journal_details (journal_id, property, prop_key, old_value, value)
SELECT j.id, 'relation', 'copied_to', NULL, CAST(c.id AS CHAR)
FROM demo_j j JOIN demo_i c ON c.k = j.copy_k
ORDER BY j.id;

-- "Copied to" links, support issue -> internal issue.
INSERT INTO issue_relations (issue_from_id, issue_to_id, relation_type, created_at)
SELECT s.id, c.id, 'copied_to', j.created_at
FROM demo_j j JOIN demo_i s ON s.k = j.k JOIN demo_i c ON c.k = j.copy_k
ORDER BY j.id;

-- Watchers: the manager follows the escalations, developers their colleagues' hot spots,
-- support the internal copies it made.
INSERT INTO watchers (issue_id, user_id)
SELECT i.id, u.id
FROM (SELECT 6 AS k, 'mia' AS login UNION ALL SELECT 14, 'mia' UNION ALL SELECT 25, 'mia'
      UNION ALL SELECT 7, 'mia' UNION ALL SELECT 62, 'mia' UNION ALL SELECT 52, 'mia'
      UNION ALL SELECT 62, 'alex' UNION ALL SELECT 52, 'clemens' UNION ALL SELECT 22, 'clemens'
      UNION ALL SELECT 24, 'alex' UNION ALL SELECT 67, 'bill' UNION ALL SELECT 70, 'alex'
      UNION ALL SELECT j.copy_k, 'bill' FROM demo_j j WHERE j.copy_k IS NOT NULL) w
JOIN demo_i i ON i.k = w.k
JOIN users u ON u.login = w.login;

-- CRM rows are as old as their first issue; carol's login is as old as her customer row.
UPDATE customers c
JOIN (SELECT customer_id, MIN(created_at) AS first_at, MAX(updated_at) AS last_at
      FROM issues WHERE customer_id IN (SELECT id FROM demo_c) GROUP BY customer_id) f
  ON f.customer_id = c.id
SET c.created_at = f.first_at - INTERVAL 1 MINUTE, c.updated_at = f.first_at - INTERVAL 1 MINUTE;

-- ---------------------------------------------------------------------------------------------
-- Rebuild the dashboard's denormalised counts: a zero row for every project tracker x status,
-- then the real counts.
DELETE FROM issue_counts;
INSERT INTO issue_counts (project_id, tracker_id, status_id, n)
SELECT pt.project_id, pt.tracker_id, s.id, 0 FROM project_trackers pt CROSS JOIN issue_statuses s;
INSERT INTO issue_counts (project_id, tracker_id, status_id, n)
SELECT project_id, tracker_id, status_id, COUNT(*) FROM issues GROUP BY project_id, tracker_id, status_id
ON DUPLICATE KEY UPDATE n = VALUES(n);

DROP TEMPORARY TABLE demo_c, demo_i, demo_j, demo_ids, demo_jids, demo_state;

COMMIT;
