// The whole story of DESIGN §2 with real components: a customer's mail arrives through Dovecot
// (POP3) → the confirmation mail carries the secret link → the customer opens it in Chromium
// and replies there → support accepts and copies to PSProInternal → the gatekeeper triages →
// the developer accepts → a Subversion commit "fixes #N" (svnadmin, svn commit, the
// post-commit hook) closes the internal bug → support is told and uses "Close with release
// note" → the customer's mail names the release. Mails are the .eml files the poller writes
// (the test configuration has no SMTP).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spec, loadEnv, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';
import { submit } from './lib/backstage.mjs';

const env = loadEnv();
const s = spec('customer_story');
const TAG = `${Date.now() % 1000000}`;
const CUSTOMER = `frida${TAG}@kunde.example`;
const SUBJECT = `Story ${TAG}: invoices print blank`;
const OUTBOX = join(dirname(env.TF_CONFIG), 'outbox');
// The web's configuration plus the Dovecot mailbox of the mail fixture.
const CONFIG = join(dirname(env.TF_CONFIG), 'story.conf');

function poll() {
  execFileSync(env.TF_MAIL_BIN, ['poll', '--once', '--config', CONFIG], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
function quotedPrintable(text) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}
/// The mails written so far to `address`, decoded enough to read subjects, links and text.
function mailsTo(address) {
  if (!existsSync(OUTBOX)) return [];
  return readdirSync(OUTBOX).map((f) => readFileSync(join(OUTBOX, f), 'latin1'))
    .filter((m) => m.split(/\r?\n\r?\n/)[0].split(/\r?\n/).some((l) => l.startsWith('To:') && l.includes(address)))
    .map(quotedPrintable);
}
async function signOut(page) {
  await submit(page, 'form[action="/logout"] button');
}
async function status(page) {
  return (await page.locator('#issue-status').innerText()).trim();
}

let supportId;
let internalId;

s.check('a customer mails support through Dovecot and gets a confirmation with the secret link', async ({ page }) => {
  writeFileSync(CONFIG, `${readFileSync(env.TF_CONFIG, 'utf8')}
[mailbox.dovecot]
type = pop3
host = 127.0.0.1
port = ${env.TF_POP3_PORT}
user = ${env.TF_POP3_USER}
password = ${env.TF_POP3_PASSWORD}
project = psprosupport
`);
  const file = join(env.TF_POP3_MAILDIR, 'new', `${Date.now()}.story${TAG}.host`);
  writeFileSync(file, [`From: Frida Kunde <${CUSTOMER}>`, 'To: support@example.org', `Subject: ${SUBJECT}`,
    `Message-ID: <story.${TAG}@kunde.example>`, 'Content-Type: text/plain; charset=utf-8', '',
    'Since 2.1.0 every invoice prints as an empty page.', ''].join('\r\n'));
  const mailUid = Number(execFileSync('id', ['-u', 'mail'], { encoding: 'utf8' }).trim());
  chownSync(file, mailUid, mailUid); // Dovecot reads the mailbox as its owner
  poll();
  assertOk(!existsSync(file), 'fetched from Dovecot and deleted there');

  const confirmation = mailsTo(CUSTOMER);
  assertEqual(confirmation.length, 1, 'mails to the customer');
  assertMatch(confirmation[0], new RegExp(`Subject: \\[PSProSupport - Support #(\\d+)\\] \\(New\\) Story ${TAG}`), 'subject');
  supportId = confirmation[0].match(/Support #(\d+)\]/)[1];
  assertMatch(confirmation[0], new RegExp(`In-Reply-To: <tf\\.${supportId}\\.`), 'threaded to the issue');
  const link = confirmation[0].match(/https?:\/\/[^\s"<>]+\/t\/[A-Za-z0-9_-]{43}/)[0];

  await page.goto(link);
  assertEqual(new URL(page.url()).pathname, `/t/issues/${supportId}`, 'the secret page');
  await page.fill('#reply_notes', `It happens with every printer ${TAG}.`);
  assertEqual(await submit(page, '#reply-submit'), 303, 'the reply');
  assertMatch(await page.locator('#history').innerText(), new RegExp(`every printer ${TAG}`), 'the reply on the page');
});

s.check('support accepts it and copies it to PSProInternal', async ({ page, url }) => {
  await login(page, 'bill', 'demo');
  await page.goto(url(`/issues/${supportId}`));
  assertMatch(await page.locator('#history').innerText(), new RegExp(`every printer ${TAG}`), 'support sees the reply');
  await page.selectOption('#issue_status_id', '3'); // Accepted
  await page.selectOption('#issue_assigned_to_id', { label: 'Bill Support' });
  await page.fill('#issue_notes', 'Thank you, we can reproduce it and pass it to development.');
  assertEqual(await submit(page, '#issue-submit'), 303, 'accept');
  assertEqual(await status(page), 'Accepted', 'support status');
  await page.click('details.copy-to summary');
  await submit(page, '#copy-submit');
  internalId = new URL(page.url()).pathname.split('/').pop();
  assertOk(internalId !== supportId, 'the internal copy', 'a new issue', internalId);
  await signOut(page);
});

s.check('the gatekeeper triages and the developer accepts', async ({ page, url }) => {
  await login(page, 'alex', 'demo');
  await page.goto(url(`/issues/${internalId}`));
  await page.selectOption('#issue_status_id', '2'); // Seen (the seeded ids of DESIGN §2)
  await page.selectOption('#issue_assigned_to_id', { label: 'Clemens Developer' });
  await page.selectOption('#issue_fixed_version_id', { label: '2.1.1' });
  await submit(page, '#issue-submit');
  assertEqual(await status(page), 'Seen', 'after triage');
  await signOut(page);
  await login(page, 'clemens', 'demo');
  await page.goto(url(`/issues/${internalId}`));
  await page.selectOption('#issue_status_id', '3'); // Accepted
  await submit(page, '#issue-submit');
  assertEqual(await status(page), 'Accepted', 'the developer took it');
  await signOut(page);
});

s.check('a Subversion commit "fixes #N" closes the internal bug through the post-commit hook', async ({ page, url }) => {
  const work = mkdtempSync(join(tmpdir(), 'tf-e2e-story-'));
  try {
    writeFileSync(join(work, 'secret'), `${env.TF_SCM_SECRET}\n`, { mode: 0o600 });
    const hooks = join(env.TF_SOURCE_DIR, 'scripts/hooks');
    execFileSync('bash', ['-c', `
      set -euo pipefail
      export HOME=${work}
      cd ${work}
      svnadmin create repos
      install -m 0755 ${hooks}/svn-post-commit repos/hooks/post-commit
      printf '[default]\\nTICKETFLOW_SCM_REPOSITORY = story\\nTICKETFLOW_SCM_URL = %s\\nTICKETFLOW_SCM_SECRET_FILE = %s\\nTICKETFLOW_SCM_SYSLOG = 0\\n' \\
        "${env.TF_BASE_URL}/scm/commit" "${work}/secret" > repos/conf/hooks-env
      svn checkout --quiet "file://${work}/repos" wc
      cd wc && printf 'invoice fonts\\n' > printing.c && svn add --quiet printing.c
      svn commit --quiet --username clemens -m "Load the invoice fonts before printing: fixes #${internalId}"
    `], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  await login(page, 'clemens', 'demo');
  await page.goto(url(`/issues/${internalId}`));
  assertEqual(await status(page), 'Closed', 'the internal bug after the commit');
  assertMatch(await page.locator('#history').innerText(), /Applied in changeset story\|r1/, 'the revision in the journal');
  await signOut(page);
});

s.check('support is told, closes with a release note, and the customer\'s mail names the release', async ({ page, url }) => {
  poll(); // sends the outbox
  const told = mailsTo('bill@example.org').filter((m) => m.includes(`Support #${supportId}`) && m.includes('fixed in 2.1.1'));
  assertEqual(told.length, 1, 'mails telling support of the fix');
  assertMatch(told[0], /Close with release note/, 'what support should do');

  await login(page, 'bill', 'demo');
  await page.goto(url(`/issues/${supportId}`));
  assertMatch(await page.locator('#relations').innerText(), new RegExp(`PSProInternal #${internalId} fixed in 2\\.1\\.1`),
    'the support issue shows the fix');
  assertMatch(await page.inputValue('#release_note'), /release 2\.1\.1/, 'the suggested note names the release');
  await page.fill('#release_note', `The fix is in release 2.1.1 (${TAG}). Please update.`);
  assertEqual(await submit(page, '#release-note-submit'), 303, 'close with release note');
  assertEqual(await status(page), 'Closed', 'the support issue');
  await signOut(page);

  poll();
  const last = mailsTo(CUSTOMER).filter((m) => m.includes(`The fix is in release 2.1.1 (${TAG})`));
  assertEqual(last.length, 1, 'the customer\'s mail with the release');
  assertMatch(last[0], new RegExp(`Subject: \\[PSProSupport - Support #${supportId}\\] \\(Closed\\)`), 'its subject');
  assertOk(!mailsTo(CUSTOMER).some((m) => m.includes('Applied in changeset') || m.includes(`Bug #${internalId}`)),
    'nothing internal reaches the customer');
});

await s.run();
