// POST /scm/commit through nginx: the repository's secret (header or field) is the only way
// in — no session, no CSRF token, and a browser's cookie gives no power there; refusals have
// their status and JSON errors, the secret never reaches the log; a fix closes, a ref notes,
// the same revision twice acts once. Then both hooks' web path (curl) against the running app:
// a real Subversion commit and a git post-receive. (The Subversion commit is r1 of a new
// repository: run the spec on a fresh tf_e2e, as every ctest run makes.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spec, loadEnv, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const env = loadEnv();
const s = spec('scm_commit');
const secret = env.TF_SCM_SECRET;
// Revisions of this run: a spec run again against kept services must not meet its own.
const base = 100000 + Math.floor(Math.random() * 1e8);
const adminKey = execFileSync(env.TF_ADMIN_BIN, ['--config', env.TF_CONFIG, 'api-key', 'admin'],
  { cwd: env.TF_SOURCE_DIR, encoding: 'utf8' }).trim();

async function call(method, path, { body, headers = {}, json } = {}) {
  const h = { ...headers };
  let payload = body;
  if (json !== undefined) {
    payload = JSON.stringify(json);
    h['Content-Type'] = 'application/json';
  } else if (body instanceof URLSearchParams) {
    h['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const res = await fetch(new URL(path, env.TF_BASE_URL), { method, headers: h, body: payload, redirect: 'manual' });
  const text = await res.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { raw: text.slice(0, 300) }; }
  return { status: res.status, json: parsed };
}

function form(fields) {
  return new URLSearchParams(fields);
}

let bugTracker;
async function newBug(subject) {
  if (!bugTracker) {
    const trackers = (await call('GET', '/trackers.json', { headers: { 'X-Redmine-API-Key': adminKey } })).json.trackers;
    bugTracker = trackers.find((t) => t.name === 'Bug').id;
  }
  const res = await call('POST', '/issues.json', {
    headers: { 'X-Redmine-API-Key': adminKey },
    json: { issue: { project_id: 'psprointernal', tracker_id: bugTracker, subject } },
  });
  assertEqual(res.status, 201, `creating "${subject}"`);
  return res.json.issue.id;
}

async function issue(id) {
  return (await call('GET', `/issues/${id}.json?include=journals`, { headers: { 'X-Redmine-API-Key': adminKey } }))
    .json.issue;
}

function assertErrors(res, status, pattern, what) {
  assertEqual(res.status, status, `${what}: status`);
  assertOk(Array.isArray(res.json?.errors) && res.json.errors.some((e) => pattern.test(e)),
    `${what}: errors`, `an entry matching ${pattern}`, res.json);
}

s.check('refusals: secret, repository, fields and body type each get their status', async () => {
  const fields = { repository: 'e2e', revision: '9001', author: 'jdoe', message: 'fixes #1' };
  assertErrors(await call('POST', '/scm/commit', { body: form(fields) }), 403, /secret/, 'no secret');
  assertErrors(await call('POST', '/scm/commit', {
    body: form(fields), headers: { 'X-Ticketflow-Scm-Secret': 'wrong-guess-0123456789abcdef0123456789' },
  }), 403, /secret/, 'a wrong secret');
  assertErrors(await call('POST', '/scm/commit', { body: form({ ...fields, secret: secret.slice(0, -1) }) }), 403,
    /secret/, 'a secret one character short');
  assertErrors(await call('POST', '/scm/commit', { body: form({ ...fields, repository: 'nope', secret }) }), 404,
    /No such repository/, 'an unknown repository');
  assertErrors(await call('POST', '/scm/commit', { body: form({ secret }) }), 422, /repository is required/,
    'no repository');
  assertErrors(await call('POST', '/scm/commit', { body: form({ repository: 'e2e', secret, author: '' }) }), 422,
    /revision is required/, 'no revision');
  assertErrors(await call('POST', '/scm/commit', { body: form({ ...fields, revision: '9 001', secret }) }), 422,
    /Revision must be/, 'a bad revision');
  assertErrors(await call('POST', '/scm/commit', {
    body: 'fixes #1', headers: { 'Content-Type': 'text/plain', 'X-Ticketflow-Scm-Secret': secret },
  }), 415, /form/, 'a text body');
  assertErrors(await call('POST', '/scm/commit', { json: { repository: 'e2e', revision: [1], secret } }), 422,
    /revision must be a string/, 'JSON with an array for revision');
  assertEqual((await call('GET', '/scm/commit')).status, 405, 'GET /scm/commit');
  const log = readFileSync(env.TF_WEB_LOG, 'utf8');
  assertMatch(log, /scm: refused a commit for repository e2e from [^\n]*: wrong secret/, 'the refusal is logged');
  assertOk(!log.includes(secret) && !log.includes(secret.slice(0, -1)), 'the log', 'without the secret');
});

s.check('a form post with the header: fixes closes, the same revision again acts once', async () => {
  const id = await newBug('Crash when exporting (scm e2e)');
  const fields = form({ repository: 'e2e', revision: String(base), author: 'clemens', message: `Guard the export\n\nFixes #${id}` });
  const res = await call('POST', '/scm/commit', { body: fields, headers: { 'X-Ticketflow-Scm-Secret': secret } });
  assertEqual(res.status, 200, 'status');
  assertEqual(res.json.changeset, `e2e|r${base}`, 'changeset');
  assertEqual(res.json.seen_before, false, 'seen_before');
  assertEqual(JSON.stringify(res.json.issues.map((i) => [i.id, i.action, i.result, i.status])),
    JSON.stringify([[id, 'fix', 'closed', 'Closed']]), 'issues');
  const closed = await issue(id);
  assertEqual(closed.status.name, 'Closed', 'status of the issue');
  const journal = closed.journals.at(-1);
  assertEqual(journal.notes, `Applied in changeset e2e|r${base}:\n\nGuard the export\n\nFixes #${id}`, 'the note');
  assertEqual(journal.user?.name, 'Clemens Developer', 'the journal is the committer\'s');
  const again = await call('POST', '/scm/commit', { body: fields, headers: { 'X-Ticketflow-Scm-Secret': secret } });
  assertEqual(again.status, 200, 'status the second time');
  assertEqual(again.json.seen_before, true, 'seen_before the second time');
  assertEqual(again.json.issues[0].result, 'already_applied', 'the second time');
  assertEqual((await issue(id)).journals.length, closed.journals.length, 'journals after the second post');
});

s.check('JSON with the secret as a field and the revision as a number: refs notes', async () => {
  const id = await newBug('Slow search (scm e2e)');
  const res = await call('POST', '/scm/commit', {
    json: { repository: 'e2e', revision: base + 1, author: 'Somebody Else <else@example.org>',
      message: `Measure it (refs #${id}) and fixes #999999`, secret },
  });
  assertEqual(res.status, 200, 'status');
  assertEqual(JSON.stringify(res.json.issues.map((i) => [i.id, i.result])),
    JSON.stringify([[id, 'noted'], [999999, 'unknown_issue']]), 'issues');
  const noted = await issue(id);
  assertEqual(noted.status.name, 'New', 'status of the referenced issue');
  assertMatch(noted.journals.at(-1).notes, new RegExp(`^Referenced in changeset e2e\\|r${base + 1} \\(committed by Somebody Else\\):`),
    'the note');
});

s.check('a signed-in browser gets nothing from its cookie: the secret is still needed', async ({ page, url }) => {
  await login(page, 'admin', 'demo');
  const res = await page.request.post(url('/scm/commit'), {
    form: { repository: 'e2e', revision: String(base + 2), author: 'admin', message: 'fixes #1' },
  });
  assertEqual(res.status(), 403, 'POST /scm/commit with an admin\'s session cookie and no secret');
});

s.check('the hooks report through curl: a Subversion commit and a git push', async () => {
  const svnFixed = await newBug('Fixed in Subversion (scm e2e)');
  const gitFixed = await newBug('Fixed in git (scm e2e)');
  const work = mkdtempSync(join(tmpdir(), 'tf-e2e-scm-'));
  try {
    writeFileSync(join(work, 'secret'), `${secret}\n`, { mode: 0o600 });
    const hooks = join(env.TF_SOURCE_DIR, 'scripts/hooks');
    const script = `
      set -euo pipefail
      export HOME=${work} GIT_CONFIG_NOSYSTEM=1 TICKETFLOW_SCM_SYSLOG=0
      cd ${work}
      svnadmin create repos
      install -m 0755 ${hooks}/svn-post-commit repos/hooks/post-commit
      printf '[default]\\nTICKETFLOW_SCM_REPOSITORY = e2e\\nTICKETFLOW_SCM_URL = %s\\nTICKETFLOW_SCM_SECRET_FILE = %s\\nTICKETFLOW_SCM_SYSLOG = 0\\n' \
        "${env.TF_BASE_URL}/scm/commit" "${work}/secret" > repos/conf/hooks-env
      svn checkout --quiet "file://${work}/repos" wc
      (cd wc && echo x > f && svn add --quiet f && svn commit --quiet --username clemens -m "fixes #${svnFixed}")
      git init --quiet -b main g
      cd g
      git -c user.name='Clemens' -c user.email=clemens@example.com commit --quiet --allow-empty -m "Closes #${gitFixed}"
      install -m 0755 ${hooks}/git-post-receive .git/hooks/post-receive
      git config ticketflow.repository e2e
      git config ticketflow.url "${env.TF_BASE_URL}/scm/commit"
      git config ticketflow.secretFile "${work}/secret"
      echo "0000000000000000000000000000000000000000 $(git rev-parse HEAD) refs/heads/main" | .git/hooks/post-receive
    `;
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assertOk(!/ticketflow post-(commit|receive):/.test(out), 'hook output', 'no problem reported', out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const fromSvn = await issue(svnFixed);
  assertEqual(fromSvn.status.name, 'Closed', 'the issue fixed in Subversion');
  assertEqual(fromSvn.journals.at(-1).notes, `Applied in changeset e2e|r1:\n\nfixes #${svnFixed}`, 'its note');
  const fromGit = await issue(gitFixed);
  assertEqual(fromGit.status.name, 'Closed', 'the issue fixed in git');
  assertMatch(fromGit.journals.at(-1).notes, new RegExp(`^Applied in changeset e2e\\|[0-9a-f]{40}:\\n\\nCloses #${gitFixed}$`),
    'its note');
});

await s.run();
