#!/bin/bash
# Fills a ticketflow database with N generated issues (default 1,000,000) for benchmarks:
# ~3.25 journals per issue with their journal_details, ~20 staff users, ~2000 customers,
# 12 older releases, "copied to" relations and watchers, spread over 10 years.
#
#   bench/generate.sh [connection options] [N]
#
# Connection (options win over environment variables):
#   --defaults-file=FILE   TF_DB_DEFAULTS   a my.cnf with a [client] section (socket, user, ...)
#   --socket=PATH          TF_DB_SOCKET
#   --host=H --port=P      TF_DB_HOST, TF_DB_PORT
#   --user=U               TF_DB_USER        (password: MYSQL_PWD or the defaults file)
#   --database=DB          TF_DB_NAME        default: ticketflow
# Tuning: CHUNK=100000 (issues per INSERT ... SELECT and transaction), CUSTOMERS=2000,
#         PARALLEL=sessions per table (default 2 when innodb_autoinc_lock_mode=2, else 1).
#
# Expects the schema and seed (sql/0*.sql) in place. Appends after the existing issues and
# journals; users and customers that exist (same login / e-mail) are left alone. A user
# `bench` for bench/web.sh is created by the caller with the CLI, not here.
# Everything is deterministic: the pseudo-random choices are CRC32 of the sequence number.
set -euo pipefail

N=1000000
DEFAULTS=${TF_DB_DEFAULTS:-}
DBNAME=${TF_DB_NAME:-ticketflow}
CONN=()
[ -n "${TF_DB_SOCKET:-}" ] && CONN+=("--socket=$TF_DB_SOCKET")
[ -n "${TF_DB_HOST:-}" ] && CONN+=("--host=$TF_DB_HOST")
[ -n "${TF_DB_PORT:-}" ] && CONN+=("--port=$TF_DB_PORT")
[ -n "${TF_DB_USER:-}" ] && CONN+=("--user=$TF_DB_USER")
for a in "$@"; do
    case "$a" in
        --defaults-file=*) DEFAULTS=${a#*=} ;;
        --database=*) DBNAME=${a#*=} ;;
        --socket=*|--host=*|--port=*|--user=*) CONN+=("$a") ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        [0-9]*) N=$a ;;
        *) echo "generate.sh: unknown argument '$a' (see --help)" >&2; exit 2 ;;
    esac
done
CHUNK=${CHUNK:-100000}
NC=${CUSTOMERS:-2000}
case "$N$CHUNK$NC" in *[!0-9]*) echo "generate.sh: N, CHUNK and CUSTOMERS must be numbers" >&2; exit 2 ;; esac
[ "$N" -ge 10 ] || { echo "generate.sh: N must be at least 10" >&2; exit 2; }

MYSQL=(mariadb)
[ -n "$DEFAULTS" ] && MYSQL+=("--defaults-file=$DEFAULTS")
MYSQL+=("${CONN[@]}" --batch --skip-column-names "$DBNAME")

# Every session: no foreign key checks, no gap locks on the rows we read while inserting.
# unique_checks stays on: with unique_checks=0 and foreign_key_checks=0, MariaDB 10.6+ loads an
# EMPTY table through its buffered bulk-insert path, which cost twice the CPU of plain inserts
# here (the generated rows arrive in primary key order; the only secondary unique key they
# touch, issues.uq_issues_secret, is all NULL).
SESSION="SET SESSION foreign_key_checks=0; SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;"
sql() { "${MYSQL[@]}" -e "$SESSION $1"; }
q() { "${MYSQL[@]}" -e "$1"; }

T_ALL=$(date +%s.%N)
stage_t=0
stage() { stage_t=$(date +%s.%N); printf '%-34s' "$1"; }
done_stage() {
    local t; t=$(date +%s.%N)
    printf '%8.1f s  %s\n' "$(awk -v a="$stage_t" -v b="$t" 'BEGIN{print b - a}')" "${1:-}"
}

# --- preflight ------------------------------------------------------------------------------
q "SELECT 1" >/dev/null || { echo "generate.sh: cannot connect to database '$DBNAME'" >&2; exit 1; }
[ "$(q "SELECT COUNT(*) FROM seq_1_to_3" 2>/dev/null || echo 0)" = 3 ] || {
    echo "generate.sh: the SEQUENCE engine is missing (MariaDB >= 10.0 has it built in)" >&2; exit 1; }
[ "$(q "SELECT COUNT(*) FROM projects WHERE identifier IN ('psprosupport','psprointernal')")" = 2 ] || {
    echo "generate.sh: projects psprosupport/psprointernal missing: apply sql/0*.sql first" >&2; exit 1; }

id_of() { # table, name column, value
    local v; v=$(q "SELECT id FROM $1 WHERE $2 = '$3'")
    [ -n "$v" ] || { echo "generate.sh: $1 '$3' missing from the seed" >&2; exit 1; }
    echo "$v"
}
P_SUP=$(id_of projects identifier psprosupport); P_INT=$(id_of projects identifier psprointernal)
T_SUP=$(id_of trackers name Support); T_FR=$(id_of trackers name FeatureRequests)
T_BUG=$(id_of trackers name Bug); T_TASK=$(id_of trackers name Task); T_FEA=$(id_of trackers name Feature)
S_NEW=$(id_of issue_statuses name New); S_SEEN=$(id_of issue_statuses name Seen)
S_ACC=$(id_of issue_statuses name Accepted); S_REJ=$(id_of issue_statuses name Rejected)
S_CLO=$(id_of issue_statuses name Closed)
PR_LOW=$(id_of priorities name Low); PR_NOR=$(id_of priorities name Normal)
PR_HIGH=$(id_of priorities name High); PR_URG=$(id_of priorities name Urgent)
PR_IMM=$(id_of priorities name Immediate)
R_SUP=$(id_of roles name Support); R_GK=$(id_of roles name Gatekeeper); R_DEV=$(id_of roles name Developer)
R_MGR=$(id_of roles name Manager); R_CUS=$(id_of roles name Customer)

I0=$(q "SELECT COALESCE(MAX(id), 0) FROM issues")
J0=$(q "SELECT COALESCE(MAX(id), 0) FROM journals")
T0=$(q "SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')")
AUTOINC=$(q "SELECT @@innodb_autoinc_lock_mode")
PAR=${PARALLEL:-$([ "$AUTOINC" = 2 ] && echo 2 || echo 1)}
SPAN=$((3650 * 86400 - 7200))   # created_at from T0-10y to T0-2h, increasing with the id
echo "# generate.sh: N=$N issues after id $I0 (journals after id $J0), chunk $CHUNK, $NC customers, db '$DBNAME'"
echo "# $PAR session(s) per table (innodb_autoinc_lock_mode=$AUTOINC)"
echo "# load average before: $(cut -d" " -f1-3 /proc/loadavg), $(nproc) cores"

# --- stage 1: users, customers, memberships, milestones ---------------------------------------
stage "users, customers, milestones"
sql "
INSERT IGNORE INTO users (login, firstname, lastname, mail, kind, admin, created_at, updated_at)
SELECT CONCAT(LOWER(f), '.', LOWER(l)), f, l, CONCAT(LOWER(f), '.', LOWER(l), '@example.com'), 'staff', 0,
       '$T0' - INTERVAL 3700 DAY, '$T0' - INTERVAL 3700 DAY
FROM (SELECT 'Sarah' f, 'Miller' l UNION ALL SELECT 'Tom', 'Baker' UNION ALL SELECT 'Julia', 'Kowalski'
      UNION ALL SELECT 'Ahmed', 'Hassan' UNION ALL SELECT 'Lena', 'Vogel' UNION ALL SELECT 'Peter', 'Novak'
      UNION ALL SELECT 'Grace', 'Lee' UNION ALL SELECT 'Marta', 'Silva'
      UNION ALL SELECT 'Felix', 'Brandt' UNION ALL SELECT 'Nora', 'Lindqvist'
      UNION ALL SELECT 'Oliver', 'Wright' UNION ALL SELECT 'Yuki', 'Tanaka' UNION ALL SELECT 'Stefan', 'Gruber'
      UNION ALL SELECT 'Ines', 'Moreau' UNION ALL SELECT 'David', 'Cohen' UNION ALL SELECT 'Anna', 'Berg'
      UNION ALL SELECT 'Lukas', 'Meier' UNION ALL SELECT 'Ravi', 'Patel'
      UNION ALL SELECT 'Helen', 'Fischer' UNION ALL SELECT 'George', 'Adams') s;

INSERT IGNORE INTO milestones (project_id, name, description, due_date, status, created_at)
SELECT $P_INT, r.name, 'Released', DATE('$T0' - INTERVAL 3650 DAY + INTERVAL ROUND(r.n * 3650 / 12.5) DAY),
       'closed', '$T0' - INTERVAL 3650 DAY + INTERVAL ROUND((r.n - 1) * 3650 / 12.5) DAY
FROM (SELECT 1 n, '1.0.0' name UNION ALL SELECT 2, '1.1.0' UNION ALL SELECT 3, '1.2.0'
      UNION ALL SELECT 4, '1.3.0' UNION ALL SELECT 5, '1.4.0' UNION ALL SELECT 6, '1.5.0'
      UNION ALL SELECT 7, '1.6.0' UNION ALL SELECT 8, '2.0.0' UNION ALL SELECT 9, '2.0.1'
      UNION ALL SELECT 10, '2.0.2' UNION ALL SELECT 11, '2.0.3' UNION ALL SELECT 12, '2.1.0') r;

-- customers: 40 first names x 50 last names, ~400 organisations
CREATE TEMPORARY TABLE bench_names (idx INT PRIMARY KEY, f VARCHAR(32), l VARCHAR(32), email VARCHAR(254),
                                    login VARCHAR(64), org VARCHAR(255))
SELECT seq AS idx, f, l,
  CONCAT(LOWER(REPLACE(CONCAT(f, '.', l), '''', '')), IF(seq >= 2000, seq DIV 2000, ''),
         IF(seq MOD 2, '@example.com', '@example.org')) AS email,
  CONCAT(LOWER(REPLACE(CONCAT(f, '.', l), '''', '')), IF(seq >= 2000, seq DIV 2000, '')) AS login,
  CONCAT(ELT(1 + (seq DIV 5) MOD 25, 'Nordwind', 'Brightwater', 'Horizon', 'Bluebird', 'Alpenland',
             'Silverline', 'Redwood', 'Eastfield', 'Lakeside', 'Ironbridge', 'Greenfield', 'Seaview',
             'Northgate', 'Sunrise', 'Westbrook', 'Oakridge', 'Rivertown', 'Highland', 'Crescent',
             'Meridian', 'Summit', 'Harbor', 'Fairview', 'Kingsley', 'Stonehill'), ' ',
         ELT(1 + (seq DIV 125) MOD 16, 'Logistics GmbH', 'Analytics Ltd', 'Medical Imaging Inc.',
             'Engineering Services', 'Stahlbau AG', 'Insurance', 'Trasporti S.r.l.', 'Print & Design',
             'Facility Management', 'Energy AG', 'Foods Ltd', 'Architects', 'Software GmbH',
             'Municipal Utilities', 'Retail Group', 'Pharma S.A.')) AS org
FROM (SELECT seq,
        ELT(1 + seq MOD 40, 'Anna', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Farid', 'Greta', 'Hugo', 'Isabel',
            'Jonas', 'Kenji', 'Laura', 'Mateo', 'Nina', 'Omar', 'Paula', 'Quentin', 'Rosa', 'Samuel',
            'Tara', 'Umar', 'Vera', 'William', 'Xenia', 'Yusuf', 'Zoe', 'Aaron', 'Bianca', 'Carlos',
            'Dana', 'Elif', 'Frank', 'Gloria', 'Henrik', 'Ivana', 'Jakob', 'Kira', 'Leon', 'Maya', 'Noah') AS f,
        ELT(1 + (seq DIV 40) MOD 50, 'Schulz', 'Okafor', 'Lambert', 'Watanabe', 'Raman', 'Becker', 'Petrova',
            'Rossi', 'Schmidt', 'O''Connor', 'Andersen', 'Dubois', 'Kowalczyk', 'Nakamura', 'Hoffmann',
            'Garcia', 'Jansen', 'Eriksson', 'Costa', 'Murphy', 'Kaya', 'Novak', 'Horvat', 'Fischer',
            'Santos', 'Meyer', 'Laine', 'Varga', 'Popescu', 'Wagner', 'Yilmaz', 'Ivanova', 'Brennan',
            'Moreau', 'Keller', 'Lindberg', 'Haddad', 'Kim', 'Nguyen', 'Silva', 'Bauer', 'Martin',
            'Ricci', 'Svoboda', 'Weber', 'Larsen', 'Schneider', 'Walsh', 'Zimmermann', 'Olsen') AS l
      FROM seq_0_to_$((NC - 1))) n;

INSERT IGNORE INTO customers (name, email, organisation, phone, created_at, updated_at)
SELECT CONCAT(f, ' ', l), email, org, CONCAT('+49 30 555', LPAD(idx, 5, '0')),
       '$T0' - INTERVAL 3650 DAY + INTERVAL idx * 60 MINUTE, '$T0' - INTERVAL 3650 DAY + INTERVAL idx * 60 MINUTE
FROM bench_names ORDER BY idx;

-- every 4th customer has a login (kind customer)
INSERT IGNORE INTO users (login, firstname, lastname, mail, kind, customer_id, created_at, updated_at)
SELECT n.login, n.f, n.l, n.email, 'customer', c.id, c.created_at, c.created_at
FROM bench_names n JOIN customers c ON c.email = n.email
WHERE n.idx MOD 4 = 0 ORDER BY n.idx;

DROP TABLE IF EXISTS bench_customer_map;
CREATE TABLE bench_customer_map (idx INT NOT NULL PRIMARY KEY, customer_id INT UNSIGNED NOT NULL,
                                 user_id INT UNSIGNED NULL, UNIQUE KEY (customer_id)) ENGINE=InnoDB
SELECT n.idx, c.id AS customer_id, u.id AS user_id
FROM bench_names n JOIN customers c ON c.email = n.email
LEFT JOIN users u ON u.login = n.login AND u.customer_id = c.id AND n.idx MOD 4 = 0;
"
# staff ids by role, in a fixed order
ids() { q "SELECT GROUP_CONCAT(u.id ORDER BY FIELD(u.login, $1)) FROM users u WHERE u.login IN ($1)"; }
SUPPORT_L="'sarah.miller','tom.baker','julia.kowalski','ahmed.hassan','lena.vogel','peter.novak','grace.lee','marta.silva'"
GK_L="'felix.brandt','nora.lindqvist'"
DEV_L="'felix.brandt','nora.lindqvist','oliver.wright','yuki.tanaka','stefan.gruber','ines.moreau','david.cohen','anna.berg','lukas.meier','ravi.patel'"
MGR_L="'helen.fischer','george.adams'"
SUPPORT=$(ids "$SUPPORT_L"); GK=$(ids "$GK_L"); DEV=$(ids "$DEV_L"); MGR=$(ids "$MGR_L")
MS_OPEN=$(q "SELECT GROUP_CONCAT(id ORDER BY FIELD(name, '2.1.1', '2.2.0', 'ToDoList')) FROM milestones
             WHERE project_id = $P_INT AND name IN ('2.1.1', '2.2.0', 'ToDoList')")
MS_OLD=$(q "SELECT GROUP_CONCAT(id ORDER BY FIELD(name, '1.0.0','1.1.0','1.2.0','1.3.0','1.4.0','1.5.0','1.6.0',
            '2.0.0','2.0.1','2.0.2','2.0.3','2.1.0')) FROM milestones WHERE project_id = $P_INT
            AND name IN ('1.0.0','1.1.0','1.2.0','1.3.0','1.4.0','1.5.0','1.6.0','2.0.0','2.0.1','2.0.2','2.0.3','2.1.0')")
NCM=$(q "SELECT COUNT(*) FROM bench_customer_map")
for v in SUPPORT GK DEV MGR MS_OPEN MS_OLD; do
    [ "$(echo "${!v}" | tr ',' '\n' | grep -c .)" -ge 2 ] || { echo "generate.sh: lookup of $v failed" >&2; exit 1; }
done
[ "$(echo "$MS_OPEN" | tr ',' '\n' | grep -c .)" = 3 ] || { echo "generate.sh: milestones 2.1.1/2.2.0/ToDoList missing" >&2; exit 1; }
sql "
INSERT IGNORE INTO memberships (user_id, project_id, role_id)
SELECT u.id, $P_SUP, $R_SUP FROM users u WHERE u.login IN ($SUPPORT_L)
UNION ALL SELECT u.id, $P_INT, $R_SUP FROM users u WHERE u.login IN ($SUPPORT_L)
UNION ALL SELECT u.id, $P_INT, $R_GK FROM users u WHERE u.login IN ($GK_L)
UNION ALL SELECT u.id, $P_INT, $R_DEV FROM users u WHERE u.login IN ($DEV_L)
UNION ALL SELECT u.id, p.id, $R_MGR FROM users u JOIN projects p ON p.id IN ($P_SUP, $P_INT) WHERE u.login IN ($MGR_L)
UNION ALL SELECT m.user_id, $P_SUP, $R_CUS FROM bench_customer_map m WHERE m.user_id IS NOT NULL;"
done_stage "$(q "SELECT CONCAT(COUNT(*), ' users, ') FROM users")$(q "SELECT CONCAT(COUNT(*), ' customers') FROM customers")"


# --- shared SQL expressions (s = sequence number 1..N of a generated issue) -------------------
# project: s MOD 5 < 3 -> psprosupport (60 %). An internal issue with s MOD 5 = 3 is, for half
# of them, a copy of the support issue s-1 (when that one was accepted or closed).
h() { echo "CRC32(CONCAT('$1', $2))"; }          # pseudo-random 32-bit number, salt $1
sup_of() { echo "($1 MOD 5 < 3)"; }
sup_status() { # from a hash 0..999: 5 % New, 10 % Accepted, 10 % Rejected, 75 % Closed
    echo "(CASE WHEN $1 < 50 THEN $S_NEW WHEN $1 < 150 THEN $S_ACC WHEN $1 < 250 THEN $S_REJ ELSE $S_CLO END)"; }
int_status() { # 5 % New, 12.5 % Seen, 10 % Accepted, 10 % Rejected, 62.5 % Closed
    echo "(CASE WHEN $1 < 50 THEN $S_NEW WHEN $1 < 175 THEN $S_SEEN WHEN $1 < 275 THEN $S_ACC WHEN $1 < 375 THEN $S_REJ ELSE $S_CLO END)"; }
status_of() { echo "IF($(sup_of "$1"), $(sup_status "($(h s "$1") MOD 1000)"), $(int_status "($(h s "$1") MOD 1000)"))"; }
copy_of() {
    echo "($1 MOD 5 = 3 AND $1 > 1 AND $(h c "$1") MOD 2 = 0 AND $(sup_status "($(h s "$1 - 1") MOD 1000)") IN ($S_ACC, $S_CLO))"; }
direct_of() { echo "($(h r "$1") MOD 5 = 0)"; }          # support issue closed straight from New
offset_of() { echo "FLOOR(($1 - 1) * $SPAN / $N)"; }    # created_at = T0 - 10 years + offset seconds
jcount_of() { echo "(3 + ($1 MOD 4 = 0))"; }            # 3 or 4 journals per issue
jbase_of() { echo "($J0 + 3 * ($1 - 1) + FLOOR(($1 - 1) / 4))"; }  # journal ids jbase+1 .. jbase+J
T_START="'$T0' - INTERVAL 3650 DAY"

chunks() { local a=1 b; while [ "$a" -le "$N" ]; do b=$((a + CHUNK - 1)); [ "$b" -gt "$N" ] && b=$N; echo "$a $b"; a=$((b + 1)); done; }
# One session running every PAR-th chunk, starting with chunk k, each chunk its own transaction.
run_stream() { # sql function, k, PAR
    local a b
    { echo "$SESSION"; chunks | awk -v k="$2" -v p="$3" '(NR - 1) % p == k' |
        while read -r a b; do "$1" "$a" "$b"; echo ";"; done; } | "${MYSQL[@]}"
}
# PAR sessions side by side; with innodb_autoinc_lock_mode < 2 an INSERT ... SELECT holds the
# table's AUTO-INC lock to its end, so sessions writing the same table would only queue.
run_par() { # sql function
    local k pids=() fail=0
    for ((k = 0; k < PAR; k++)); do run_stream "$1" "$k" "$PAR" & pids+=($!); done
    for k in "${pids[@]}"; do wait "$k" || fail=1; done
    return $fail
}

# --- stage 2: issues ---------------------------------------------------------------------------
issues_sql() { cat <<SQL
INSERT INTO issues (id, project_id, tracker_id, status_id, priority_id, subject, description, author_id,
                    assigned_to_id, milestone_id, customer_id, source, lock_version, created_at, updated_at, closed_at)
SELECT $I0 + s, IF(sup, $P_SUP, $P_INT), tr, st,
  CASE WHEN hp < 10 THEN $PR_LOW WHEN hp < 80 THEN $PR_NOR WHEN hp < 93 THEN $PR_HIGH WHEN hp < 98 THEN $PR_URG ELSE $PR_IMM END,
  CASE WHEN tr IN ($T_FR, $T_FEA) THEN
     CONCAT('Feature wish: ', ELT(1 + x1 MOD 16, 'CSV import for customer master data', 'export workflows as BPMN 2.0',
       'keyboard shortcut to duplicate a workflow step', 'REST endpoint to start workflows', 'dark mode for the desktop client',
       'configurable retention for the audit log', 'bulk edit of order positions', 'filter reports by cost centre',
       'single sign-on with SAML', 'remember the window layout per user', 'e-mail templates per workflow',
       'undo in the workflow designer', 'Excel export with formulas', 'mobile approval of invoices',
       'scheduled export to SFTP', 'custom fields on customer records'),
       ELT(1 + x2 MOD 4, '', ' (as in version 1.x)', ' for all sites', ' - important for our audit'))
  WHEN tr = $T_TASK THEN
     CONCAT(ELT(1 + x1 MOD 12, 'Upgrade the bundled OpenSSL of', 'Prepare release notes for', 'Update the CI build image of',
       'Remove deprecated SOAP calls from', 'Refactor the settings dialog of', 'Add integration tests for',
       'Translate new strings in', 'Review the installer of', 'Profile the memory usage of', 'Document the upgrade path of',
       'Clean up logging in', 'Port to Qt 6:'), ' ',
       ELT(1 + x2 MOD 8, 'the backend server', 'the desktop client', 'the workflow engine', 'the report designer',
       'the offline sync', 'the licence server', 'the REST interface', 'the mail connector'))
  ELSE
     CONCAT(ELT(1 + x1 MOD 16, 'Crash when', 'Error while', 'Cannot finish', 'Very slow when', 'Wrong totals after',
       'Question about', 'Licence key not accepted when', 'Timeout while', 'Unexpected dialog when', 'Data lost after',
       'Workflow step hangs when', 'How to handle', 'Missing translation when', 'Broken layout when',
       'Login fails when', 'Sync conflict while'), ' ',
       ELT(1 + x2 MOD 16, 'exporting to PDF', 'importing CSV files', 'printing invoices', 'upgrading from 2.0.3',
       'connecting to the backend server', 'opening large projects', 'sending workflow notifications',
       'activating the licence', 'restoring a backup', 'running the nightly report job', 'editing customer records',
       'switching the language to German', 'using the REST interface', 'installing on Windows Server 2022',
       'approving invoices', 'merging duplicate contacts'),
       ELT(1 + x3 MOD 8, '', ' (version 2.1.0)', ' on macOS', ' - urgent', ' after the update',
       ' in multi-user mode', ' with Citrix', ' since yesterday'))
  END,
  CONCAT('Hello support team,\n\nwe are running PSPro ', ELT(1 + x1 MOD 5, '1.6.0', '2.0.2', '2.0.3', '2.1.0', '2.1.1-beta'),
    ' (backend on ', ELT(1 + x2 MOD 5, 'Windows Server 2019', 'Windows Server 2022', 'Ubuntu 22.04', 'Debian 12', 'RHEL 9'),
    ') with ', 2 + x3 MOD 60, ' concurrent users. Since ', ELT(1 + x1 MOD 3, 'last week', 'the last update', 'Monday'),
    ' the ', ELT(1 + x2 MOD 3, 'desktop client', 'backend server', 'workflow engine'), ' ',
    ELT(1 + x3 MOD 4, 'stops responding', 'shows an error dialog', 'produces wrong numbers', 'becomes very slow'),
    ' as soon as someone starts the affected function. The message reads: "',
    ELT(1 + x1 MOD 5, 'E1042: record locked by another user', 'Connection reset by peer', 'Invalid licence key (code 17)',
      'NullReferenceException in ReportEngine', 'Timeout waiting for database connection'),
    '".\n\nSteps to reproduce:\n1. Log in as a normal user\n2. Open the customer list and select any entry\n3. Start the ',
    ELT(1 + x2 MOD 4, 'export', 'workflow', 'report', 'synchronisation'),
    '\n\nWe already restarted the service, without success. Log files are attached.\n\nBest regards'),
  IF(sup, CASE src WHEN 'phone' THEN ELT(1 + ha MOD 8, $SUPPORT) WHEN 'web' THEN cuser END,
     IF(cp, ELT(1 + ha MOD 8, $SUPPORT), ELT(1 + ha MOD 12, $DEV, $GK))),
  CASE WHEN st IN ($S_NEW, $S_REJ) THEN NULL WHEN sup THEN ELT(1 + ha MOD 8, $SUPPORT) ELSE ELT(1 + ha MOD 10, $DEV) END,
  CASE WHEN sup OR st IN ($S_NEW, $S_REJ) THEN NULL WHEN st = $S_CLO THEN ELT(1 + FLOOR((s - 1) * 12 / $N), $MS_OLD)
       ELSE ELT(1 + ha MOD 3, $MS_OPEN) END,
  IF(sup, cust, NULL),
  IF(sup, src, 'web'),
  $(jcount_of s),
  $T_START + INTERVAL off SECOND,
  $T_START + INTERVAL (off + dur) SECOND,
  IF(st IN ($S_REJ, $S_CLO), $T_START + INTERVAL (off + dur) SECOND, NULL)
FROM (
  SELECT g0.*,
    IF(sup, IF(ht < 8, $T_SUP, $T_FR),
       IF(cp, IF(htsrc < 8, $T_BUG, $T_FEA), IF(ht < 6, $T_BUG, IF(ht < 8, $T_TASK, $T_FEA)))) AS tr,
    c.customer_id AS cust, c.user_id AS cuser,
    CASE WHEN ho = 0 THEN 'phone' WHEN ho < 7 AND c.user_id IS NOT NULL THEN 'web' ELSE 'email' END AS src
  FROM (
    SELECT seq AS s, $(sup_of seq) AS sup, $(copy_of seq) AS cp, $(status_of seq) AS st,
      $(h t seq) MOD 10 AS ht, $(h t "seq - 1") MOD 10 AS htsrc, $(h p seq) MOD 100 AS hp, $(h a seq) AS ha,
      $(h o seq) MOD 10 AS ho,
      $(h x "IF($(copy_of seq), seq - 1, seq)") AS x1, $(h y "IF($(copy_of seq), seq - 1, seq)") AS x2,
      $(h z "IF($(copy_of seq), seq - 1, seq)") AS x3,
      FLOOR(POW(($(h u seq) MOD 1000003) / 1000003, 2) * $NCM) AS ci,
      $(offset_of seq) AS off,
      LEAST(600 + $(h d seq) MOD IF($(status_of seq) = $S_NEW, 3 * 86400, 30 * 86400),
            3650 * 86400 - $(offset_of seq) - 60) AS dur
    FROM seq_${1}_to_${2}
  ) g0
  LEFT JOIN bench_customer_map c ON c.idx = g0.ci
) g
SQL
}

# --- journals and details: one row per (issue, journal n) with the transition it makes ---------
# k = number of status transitions of the issue; journal n makes transition t (0 = none):
# transitions are the journals 1..k, except that the one into Rejected/Closed is the last journal.
# Paths: support New->Accepted->Closed (or New->Closed, or New->Rejected);
#        internal New->Seen->Accepted->Closed (or New->Rejected).
journal_rows() { # a b: derived table "jr" with s, n, J, st, sup, t, new_st, old_st, issue columns
cat <<SQL
(SELECT g2.*,
   CASE WHEN t = 0 THEN NULL WHEN st = $S_REJ THEN $S_REJ WHEN sup AND direct THEN $S_CLO
        WHEN sup THEN ELT(t, $S_ACC, $S_CLO) ELSE ELT(t, $S_SEEN, $S_ACC, $S_CLO) END AS new_st,
   CASE WHEN t = 0 THEN NULL WHEN t = 1 THEN $S_NEW WHEN sup THEN $S_ACC ELSE ELT(t, 0, $S_SEEN, $S_ACC) END AS old_st
 FROM (
   SELECT g1.*,
     CASE WHEN st IN ($S_REJ, $S_CLO) AND n = J THEN k WHEN n < k THEN n
          WHEN st NOT IN ($S_REJ, $S_CLO) AND n = k THEN n ELSE 0 END AS t
   FROM (
     SELECT i.id, i.id - $I0 AS s, n.seq AS n, $(jcount_of "(i.id - $I0)") AS J, $(jbase_of "(i.id - $I0)") + n.seq AS jid,
       i.status_id AS st, i.project_id = $P_SUP AS sup,
       (i.project_id = $P_SUP AND i.status_id = $S_CLO AND $(direct_of "(i.id - $I0)")) AS direct,
       i.assigned_to_id AS asg, i.author_id AS au, i.milestone_id AS ms, i.priority_id AS pri,
       i.customer_id AS cust, i.created_at, TIMESTAMPDIFF(SECOND, i.created_at, i.updated_at) AS dur,
       CASE i.status_id WHEN $S_NEW THEN 0 WHEN $S_REJ THEN 1 WHEN $S_SEEN THEN 1
            WHEN $S_ACC THEN IF(i.project_id = $P_SUP, 1, 2)
            ELSE IF(i.project_id = $P_SUP, IF($(direct_of "(i.id - $I0)"), 1, 2), 3) END AS k,
       $(h j "(i.id - $I0) * 8 + n.seq") AS hj
     FROM issues i JOIN seq_1_to_4 n ON n.seq <= $(jcount_of "(i.id - $I0)")
     WHERE i.id BETWEEN $I0 + $1 AND $I0 + $2
   ) g1
 ) g2
) jr
SQL
}

journals_sql() { cat <<SQL
INSERT INTO journals (id, issue_id, user_id, customer_id, notes, private_notes, created_at)
SELECT jid, id,
  CASE WHEN cnote THEN c.user_id
       WHEN sup THEN COALESCE(asg, ELT(1 + hj MOD 8, $SUPPORT))
       WHEN new_st IN ($S_SEEN, $S_REJ) OR (st = $S_NEW AND n = 1) THEN ELT(1 + s MOD 2, $GK)
       ELSE COALESCE(asg, au, ELT(1 + hj MOD 10, $DEV)) END,
  IF(cnote, cust, NULL),
  CASE
   WHEN cnote THEN ELT(1 + hj MOD 8,
     'Thank you for the quick answer. Attached you find the log files from the server and from one client.',
     'The problem still occurs, also after the restart you suggested. It happens every time we start the export.',
     'We installed the patch, but nothing changed. Do you need remote access to our test system?',
     'Some more information: it only happens for users without administrator rights.',
     'Any news on this? Our users are waiting for a solution.',
     'Sorry for the late reply, I was on holiday. Yes, the workaround helps for now.',
     'Here is the screenshot of the error dialog and the exported workflow file.',
     'Our IT confirmed that nothing was changed on the server before the problem started.')
   WHEN t > 0 AND new_st = $S_ACC AND sup THEN ELT(1 + hj MOD 6,
     'Thank you for your report. We could reproduce the problem on our test system and are working on it.',
     'Thank you. Could you please send us the server log (logs/server.log) and the exact build number?',
     'We have received your request and are looking into it. As a first step, please restart the backend service.',
     'Thanks for the details. This looks like a known problem; we will check whether the patch applies to your version.',
     'We can reproduce this with your sample data and have forwarded it to development.',
     'Thank you. Please tell us how many users are affected and since when it happens.')
   WHEN t > 0 AND new_st = $S_CLO AND sup AND direct THEN ELT(1 + hj MOD 5,
     'You can change this under Administration > Settings; users who changed it in their profile keep their own value.',
     'This is described in the administration guide, chapter 7. In short: stop the service, run the migration tool, start it again.',
     'The licence is bound to the hardware id. I have released the old activation; please activate the key online again.',
     'Please install the current patch release from the customer portal, it contains the fix for this problem.',
     'The setting you need is "db.pool.max" in server.xml; 40 is a good value for your number of users.')
   WHEN t > 0 AND new_st = $S_CLO AND sup THEN ELT(1 + hj MOD 5,
     'The fix is part of the current release, which is available in the customer portal. Closing this ticket.',
     'We have not heard back from you and assume the problem is solved. Just reply to this mail to reopen the ticket.',
     'Glad to hear it works again. Closing.',
     'Release 2.1.0 fixes this problem. Please let us know if you still see it after the update.',
     'Thanks for confirming. I am closing the ticket.')
   WHEN t > 0 AND new_st = $S_REJ AND sup THEN ELT(1 + hj MOD 4,
     'This is not a defect: the behaviour is described in the user guide, section "Permissions".',
     'Billing questions are handled by our sales team; I have forwarded your message to sales@example.com.',
     'We cannot reproduce this and have not heard back from you. Please open a new ticket if it happens again.',
     'Thank you for the suggestion. It does not fit our product plans, so we will not implement it.')
   WHEN t > 0 AND new_st = $S_SEEN THEN ELT(1 + hj MOD 4,
     'Complete: steps to reproduce, client and server logs and sample data attached.',
     'Complete. Screenshot and workflow file attached; assigning for the next release.',
     'Checklist complete (what went wrong, how to reproduce, logs). Please have a look.',
     'Complete. Planned together with the related work in this milestone.')
   WHEN t > 0 AND new_st = $S_ACC THEN IF(hj MOD 3 = 0, NULL, ELT(1 + hj MOD 4,
     'Reproduced with the attached sample data.',
     'Reproduced on the current main branch; the cause is in the locking of the workflow engine.',
     'Reproduced. It is a missing null check in the report filter.',
     'Confirmed, affects all versions since 2.0.'))
   WHEN t > 0 AND new_st = $S_CLO THEN CONCAT('Fixed in commit ', LOWER(LPAD(HEX(hj), 8, '0')), ': "',
     ELT(1 + hj MOD 6, 'Export: use 64-bit offsets in the row cache', 'Workflow engine: release the lock before the script step',
         'i18n: correct the number formats', 'Reports: handle an empty filter', 'Sync: split large uploads',
         'Installer: remove the old service on uninstall'), ', fixes #', id, '".')
   WHEN t > 0 AND new_st = $S_REJ THEN ELT(1 + hj MOD 3,
     'Cannot reproduce with the information given; please reopen with logs.',
     'Duplicate of an issue already planned for the next release.',
     'Works as designed.')
   WHEN sup AND st = $S_NEW THEN 'Additional information: the problem also happens on a second workstation.'
   WHEN sup THEN ELT(1 + hj MOD 6,
     'Customer has a maintenance contract with priority support.',
     'Asked development whether this is covered by the upcoming patch release.',
     'Thank you for the information, we are still analysing the logs.',
     'As a workaround, please run the export in two parts until the fix is available.',
     'Called the customer, the problem occurs only on their terminal servers.',
     'We are waiting for the next patch release and will inform you as soon as it is available.')
   WHEN st = $S_NEW AND n = 1 THEN
     'Incomplete: please attach the client and backend logs and the workflow file (see checklist). Leaving it in New.'
   ELSE ELT(1 + hj MOD 5,
     'Added a regression test.', 'Merge request is in review.', 'Needs a decision from product management.',
     'Same problem reported by a second customer.', 'Depends on the new engine tests.')
  END,
  sup AND NOT cnote AND t = 0 AND hj MOD 5 = 0,
  created_at + INTERVAL FLOOR(dur * n / J) SECOND
FROM (SELECT jr.*, sup AND t = 0 AND (st = $S_NEW OR n MOD 2 = 0) AS cnote FROM $(journal_rows "$1" "$2")) x
LEFT JOIN bench_customer_map c ON c.customer_id = x.cust
SQL
}

details_sql() { cat <<SQL
INSERT INTO journal_details (journal_id, property, prop_key, old_value, value)
SELECT jid, 'attr', ELT(d.seq, 'status_id', 'assigned_to_id', 'fixed_version_id', 'priority_id'),
  ELT(d.seq, old_st, NULL, NULL, $PR_NOR),
  ELT(d.seq, new_st, asg, ms, pri)
FROM $(journal_rows "$1" "$2")
JOIN seq_1_to_4 d
WHERE (d.seq = 1 AND t > 0)
   OR (d.seq = 2 AND t = 1 AND asg IS NOT NULL)
   OR (d.seq = 3 AND t = 1 AND ms IS NOT NULL)
   OR (d.seq = 4 AND n = 1 AND pri <> $PR_NOR AND s MOD 3 = 0)
SQL
}

relations_sql() { cat <<SQL
INSERT INTO issue_relations (issue_from_id, issue_to_id, relation_type, created_at)
SELECT $I0 + seq - 1, $I0 + seq, 'copied_to', $T_START + INTERVAL $(offset_of seq) SECOND
FROM seq_${1}_to_${2} WHERE $(copy_of seq)
SQL
}

watchers_sql() { cat <<SQL
INSERT INTO watchers (issue_id, user_id)
SELECT $I0 + seq, IF($(sup_of seq), ELT(1 + $(h w seq) MOD 2, $MGR), ELT(1 + $(h w seq) MOD 10, $DEV))
FROM seq_${1}_to_${2} WHERE $(h v seq) MOD 10 = 0
SQL
}

count() { q "SELECT COUNT(*) FROM $1 ${2:-}"; }
stage "issues";          run_par issues_sql;       done_stage "$(count issues "WHERE id > $I0") rows"
# journals, journal_details and relations/watchers only read issues: load them side by side
# (different tables, so no AUTO-INC lock between them; PAR sessions each for the big two).
par_stage() { # name, rows-query, stage functions...
    local name=$1 rows=$2 t0 t1; shift 2
    t0=$(date +%s.%N)
    for f in "$@"; do run_par "$f"; done
    t1=$(date +%s.%N)
    printf '%-34s%8.1f s  %s\n' "  $name" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b - a}')" "$(q "$rows")"
}
stage "journals, details, relations"; echo "(in parallel)"; par_t0=$stage_t
pids=()
par_stage journals "SELECT CONCAT(COUNT(*), ' rows') FROM journals WHERE id > $J0" journals_sql & pids+=($!)
par_stage journal_details "SELECT CONCAT(COUNT(*), ' rows') FROM journal_details WHERE journal_id > $J0" details_sql & pids+=($!)
par_stage "relations, watchers" "SELECT CONCAT((SELECT COUNT(*) FROM issue_relations WHERE issue_to_id > $I0),
    ' copied_to, ', (SELECT COUNT(*) FROM watchers WHERE issue_id > $I0), ' watchers')" relations_sql watchers_sql & pids+=($!)
fail=0; for p in "${pids[@]}"; do wait "$p" || fail=1; done
[ "$fail" = 0 ] || { echo "generate.sh: a load session failed (see above)" >&2; exit 1; }
stage "  (journals .. watchers, wall)"; stage_t=$par_t0; done_stage

stage "issue_counts"
sql "
START TRANSACTION;
DELETE FROM issue_counts;
INSERT INTO issue_counts (project_id, tracker_id, status_id, n)
SELECT pt.project_id, pt.tracker_id, s.id, 0 FROM project_trackers pt CROSS JOIN issue_statuses s;
INSERT INTO issue_counts (project_id, tracker_id, status_id, n)
SELECT project_id, tracker_id, status_id, COUNT(*) FROM issues GROUP BY project_id, tracker_id, status_id
ON DUPLICATE KEY UPDATE n = VALUES(n);
COMMIT;
DROP TABLE bench_customer_map;"
done_stage

stage "analyze"
q "ANALYZE TABLE issues, journals, journal_details, issue_relations, watchers, customers, users,
   memberships, milestones, issue_counts" >/dev/null
done_stage

printf '%-34s%8.1f s\n' "total" "$(awk -v a="$T_ALL" -v b="$(date +%s.%N)" 'BEGIN{print b - a}')"
echo "# load average after: $(cut -d" " -f1-3 /proc/loadavg)"
[ "$(q "SELECT COUNT(*) FROM users WHERE login = 'bench'")" = 1 ] ||
    echo "# note: there is no user 'bench' yet: create it with the admin CLI before running bench/web.sh"
echo
echo "# issues by project and status"
q "SELECT p.identifier, s.name, SUM(c.n) FROM issue_counts c JOIN projects p ON p.id = c.project_id
   JOIN issue_statuses s ON s.id = c.status_id GROUP BY p.id, s.id ORDER BY p.id, s.id" |
    awk -F'\t' '{printf "  %-14s %-9s %9d\n", $1, $2, $3}'
echo "# table sizes (InnoDB, after ANALYZE; rows estimated)"
q "SELECT table_name, table_rows, ROUND(data_length / 1048576), ROUND(index_length / 1048576)
   FROM information_schema.tables WHERE table_schema = DATABASE()
   AND table_name IN ('issues', 'journals', 'journal_details', 'issue_relations', 'watchers', 'customers', 'users')
   ORDER BY data_length + index_length DESC" |
    awk -F'\t' 'BEGIN{printf "  %-16s %11s %9s %9s\n", "table", "rows~", "data MiB", "index MiB"}
                {printf "  %-16s %11d %9d %9d\n", $1, $2, $3, $4}'
