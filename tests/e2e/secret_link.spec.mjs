// The customer's secret page: a customer mails support, the confirmation (an .eml file: the
// test configuration has no SMTP) carries the link; Chromium follows it, lands on a URL without
// the token, sees the public side of that one issue only, replies with a file; staff see the
// reply. Unknown tokens get 404 and then 429; the token is in no log.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spec, loadEnv, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';
import { sql, pollOnce, deliver, submit } from './lib/backstage.mjs';

const env = loadEnv();
const s = spec('secret_link', { ignoreConsole: [/status of 404/, /status of 429/] });
const TAG = `${Date.now() % 1000000}`;
const CUSTOMER = `erin${TAG}@kunde.example`;
const OUTBOX = join(dirname(env.TF_CONFIG), 'outbox');

function quotedPrintable(text) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}
/// The mails written for `address` so far, decoded enough to read links and text.
function mailsTo(address) {
  if (!existsSync(OUTBOX)) return [];
  return readdirSync(OUTBOX).map((f) => readFileSync(join(OUTBOX, f), 'latin1'))
    .filter((m) => new RegExp(`^To: .*${address.replace(/\./g, '\\.')}`, 'm').test(m.split(/\r?\n\r?\n/)[0]))
    .map(quotedPrintable);
}

let link;
let token;
let issueId;

s.check('the confirmation mail carries a link that opens the issue without the token in the URL', async ({ page, url }) => {
  deliver(`From: Erin Kunde <${CUSTOMER}>
To: support@example.org
Subject: Secret ${TAG}: the report is empty
Message-ID: <secret.${TAG}@kunde.example>
Content-Type: text/plain; charset=utf-8

Since the update the monthly report is empty.
`);
  const mails = mailsTo(CUSTOMER);
  assertEqual(mails.length, 1, 'confirmation mails to the customer');
  const found = mails[0].match(/(https?:\/\/[^\s"<>]+\/t\/([A-Za-z0-9_-]{43}))/);
  assertOk(found, 'a secret link in the confirmation');
  [, link, token] = found;
  assertMatch(mails[0], new RegExp(`Subject: \\[PSProSupport - Support #\\d+\\] \\(New\\) Secret ${TAG}`), 'subject');

  const response = await page.goto(link);
  assertEqual(response.status(), 200, 'status after the redirect');
  const landed = new URL(page.url());
  assertMatch(landed.pathname, /^\/t\/issues\/\d+$/, 'the page URL');
  assertOk(!page.url().includes(token), 'the token is gone from the URL');
  issueId = landed.pathname.split('/').pop();
  assertEqual(response.headers()['referrer-policy'], 'no-referrer', 'Referrer-Policy');
  assertMatch(await page.locator('#issue-subject').innerText(), new RegExp(`Secret ${TAG}`), 'subject on the page');
  assertEqual((await page.locator('#issue-status').innerText()).trim(), 'New', 'status');
  const cookie = (await page.context().cookies(url(`/t/issues/${issueId}`))).find((c) => c.name === `tf_link_${issueId}`);
  assertOk(cookie && cookie.httpOnly, 'an HttpOnly cookie for this issue');
  assertEqual(cookie.path, `/t/issues/${issueId}`, 'cookie path');
});

s.check('the customer replies with a file on the page; staff see it, private notes stay hidden', async ({ page, url, context }) => {
  await page.goto(url(`/t/issues/${issueId}`));
  await page.fill('#reply_notes', `Here is the export ${TAG}.`);
  await page.setInputFiles('#reply_attachments', { name: 'report.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
  assertEqual(await submit(page, '#reply-submit'), 303, 'reply status');
  assertMatch(await page.locator('body').innerText(), /your reply was added/, 'flash');
  assertMatch(await page.locator('#history').innerText(), new RegExp(`Here is the export ${TAG}`), 'the reply in the history');
  const file = page.locator('#attachments a', { hasText: 'report.csv' });
  const download = await context.request.get(url(await file.getAttribute('href')));
  assertEqual(download.status(), 200, 'the file downloads from the secret page');

  // Staff: the note is there; a private note and a public answer follow.
  await login(page, 'admin', 'demo');
  await page.goto(url(`/issues/${issueId}`));
  assertMatch(await page.locator('#history').innerText(), new RegExp(`Here is the export ${TAG}`), 'staff see the reply');
  await page.fill('#issue_notes', `PRIVATE-${TAG} licence check pending`);
  await page.check('#issue_private_notes');
  assertEqual(await submit(page, '#issue-submit'), 303, 'private note');
  await page.fill('#issue_notes', `We found it ${TAG}.`);
  assertEqual(await submit(page, '#issue-submit'), 303, 'public note');
  await submit(page, 'form[action="/logout"] button');

  await page.goto(url(`/t/issues/${issueId}`));
  const history = await page.locator('#history').innerText();
  assertMatch(history, new RegExp(`We found it ${TAG}`), 'the public answer');
  assertOk(!history.includes(`PRIVATE-${TAG}`), 'no private note on the secret page');
  pollOnce(); // sends the outbox
  const mails = mailsTo(CUSTOMER);
  assertOk(mails.some((m) => m.includes(`We found it ${TAG}`)), 'the customer is mailed the public answer');
  assertOk(!mails.some((m) => m.includes(`PRIVATE-${TAG}`)), 'no private note in any customer mail');
  assertOk(!mails.some((m) => m.includes(`Here is the export ${TAG}`)), 'their own reply is not mailed back');
});

s.check('another issue cannot be read with this cookie, nor files of other issues', async ({ page, url }) => {
  const other = Number(issueId) - 1;
  const response = await page.goto(url(`/t/issues/${other}`));
  assertEqual(response.status(), 404, 'another issue by id');
  // A public file of another issue, and a private one of this issue (rows beside the real one).
  const own = sql(`SELECT MAX(id) FROM attachments WHERE issue_id = ${issueId}`);
  const copy = (issue, isPublic, name) => sql(`INSERT INTO attachments (issue_id, filename, disk_filename, content_type,
    filesize, digest, is_public) SELECT ${issue}, '${name}', disk_filename, content_type, filesize, digest, ${isPublic}
    FROM attachments WHERE id = ${own} RETURNING id`);
  const foreign = copy(other, 1, 'foreign.csv');
  const hidden = copy(issueId, 0, 'hidden.csv');
  assertEqual((await page.request.get(url(`/t/issues/${issueId}/files/${own}/report.csv`))).status(), 200, 'own file');
  assertEqual((await page.request.get(url(`/t/issues/${issueId}/files/${foreign}/foreign.csv`))).status(), 404,
    'a file of another issue');
  assertEqual((await page.request.get(url(`/t/issues/${issueId}/files/${hidden}/hidden.csv`))).status(), 404,
    'a private file of this issue');
  await page.goto(url(`/t/issues/${issueId}`));
  assertOk(!(await page.locator('body').innerText()).includes('hidden.csv'), 'the private file is not listed');
});

s.check('support sends a new link: the old one stops working, the new one opens the page', async ({ page, url }) => {
  await login(page, 'admin', 'demo');
  await page.goto(url(`/issues/${issueId}`));
  assertEqual(await submit(page, '#secret-link-renew'), 303, 'renew');
  assertMatch(await page.locator('body').innerText(), /old one no longer works/, 'flash');
  await submit(page, 'form[action="/logout"] button');
  pollOnce();
  const links = mailsTo(CUSTOMER).map((m) => (m.match(/\/t\/([A-Za-z0-9_-]{43})/) || [])[1]).filter(Boolean);
  const fresh = links.find((t) => t !== token);
  assertOk(fresh, 'a mail with a new link');
  await page.context().clearCookies();
  assertEqual((await page.request.get(url(`/t/${token}`), { maxRedirects: 0 })).status(), 404, 'the old link');
  const response = await page.goto(url(`/t/${fresh}`));
  assertEqual(response.status(), 200, 'the new link');
  assertMatch(page.url(), new RegExp(`/t/issues/${issueId}$`), 'lands on the issue');
  token = fresh;
  link = url(`/t/${fresh}`);
});

s.check('guessing tokens: 404, then 429; the token is in no log', async ({ page, url }) => {
  const statuses = [];
  for (let i = 0; i < 30; i++) {
    const guess = Buffer.from(`${TAG}-${i}-${Math.random()}`).toString('base64url').padEnd(43, 'x').slice(0, 43);
    statuses.push((await page.request.get(url(`/t/${guess}`), { maxRedirects: 0 })).status());
  }
  // 20 unknown tokens per client (the old link above was one): 404 until then, 429 after.
  const firstRefused = statuses.indexOf(429);
  assertOk(firstRefused >= 18 && firstRefused <= 20, `404 for the first guesses, then 429: ${statuses}`);
  assertOk(statuses.slice(0, firstRefused).every((st) => st === 404), `404 before the limit: ${statuses}`);
  assertOk(statuses.slice(firstRefused).every((st) => st === 429), `429 after it: ${statuses}`);
  // Even the real link is refused while the client is blocked (no oracle for guessers).
  assertEqual((await page.request.get(link, { maxRedirects: 0 })).status(), 429, 'the real link while blocked');

  const logs = dirname(env.TF_WEB_LOG);
  for (const f of readdirSync(logs)) {
    assertOk(!readFileSync(join(logs, f), 'latin1').includes(token), `the token is not in ${f}`);
  }
});

await s.run();
