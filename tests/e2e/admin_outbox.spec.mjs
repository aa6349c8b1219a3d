// The outgoing-mail page: an admin sees a dead mail with the server's last answer, downloads it,
// tries it again, and the poller sends it (the test configuration has no SMTP: it becomes an
// .eml file). Only admins see the page. The dead mail is written into the outbox with SQL, as a
// sender that gave up would have left it.
import { spec, loadEnv, login, assertEqual, assertMatch } from './lib/browser.mjs';
import { sql, pollOnce, submit } from './lib/backstage.mjs';

const env = loadEnv();
const s = spec('admin_outbox');
const TAG = `${Date.now() % 1000000}`;


const message = `From: Support <support@example.org>\\r\\nTo: carol@kunde.example\\r\\nSubject: Outbox ${TAG}\\r\\n` +
  `Message-ID: <tf.e2e.${TAG}@example.org>\\r\\n\\r\\nHello from the outbox.\\r\\n`;
const id = sql(`INSERT INTO outbox (message_id, recipients, subject, message, state, tries, last_error)
  VALUES ('tf.e2e.${TAG}@example.org', 'carol@kunde.example', 'Outbox ${TAG}', '${message}', 'dead', 12,
          'SMTP Exception: Recipient rejected: 550 mailbox unavailable') RETURNING id`);

s.check('an admin sees the dead mail with its last error and downloads it', async ({ page, url }) => {
  await login(page, 'admin', 'demo');
  await page.goto(url('/admin'));
  await page.click('#admin-menu a[href="/admin/outbox"]');
  await page.click('#outbox-filters a[href="/admin/outbox?state=dead"]');
  const row = page.locator(`#outbox-${id}`);
  assertMatch(await row.innerText(), new RegExp(`Outbox ${TAG}`), 'the row');
  assertEqual((await row.locator('.state').innerText()).trim(), 'dead', 'state');
  assertMatch(await row.innerText(), /550 mailbox unavailable/, 'the server\'s answer');
  const raw = await page.request.get(url(`/admin/outbox/${id}/raw`));
  assertEqual(raw.headers()['content-type'], 'message/rfc822', 'raw type');
  assertMatch(raw.headers()['content-disposition'], /^attachment/, 'a download');
  assertMatch(await raw.text(), /Hello from the outbox\./, 'the mail as written');
});

s.check('try again: the poller sends it', async ({ page, url }) => {
  await page.goto(url('/admin/outbox?state=dead'));
  assertEqual(await submit(page, `#outbox-${id} button`), 303, 'retry');
  assertMatch(await page.locator('.flash').innerText(), /waits again/, 'confirmation');
  assertEqual((await page.locator(`#outbox-${id} .state`).innerText()).trim(), 'pending', 'pending now');
  pollOnce();
  await page.goto(url('/admin/outbox?state=sent'));
  assertEqual((await page.locator(`#outbox-${id} .state`).innerText()).trim(), 'sent', 'sent by the poller');
  assertEqual(sql(`SELECT state FROM outbox WHERE id = ${id}`), 'sent', 'in the database');
  assertEqual((await page.request.post(url(`/admin/outbox/${id}/retry`))).status(), 403, 'no retry without a CSRF token');
});

s.check('only admins see it', async ({ page, url }) => {
  await page.goto(url('/'));
  await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
  await login(page, 'bill', 'demo');
  for (const path of ['/admin/outbox', `/admin/outbox/${id}/raw`]) {
    assertEqual((await page.goto(url(path))).status(), 403, `bill opens ${path}`);
  }
});

await s.run();
