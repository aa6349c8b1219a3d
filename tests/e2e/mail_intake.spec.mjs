// Mail intake seen from the web: a mail piped to `ticketflow-mail deliver` becomes, once the
// poller ran, an issue with its file (downloadable), a reply by subject tag becomes a note, spam
// waits in the admin queue with its reason and raw message until an admin releases it; only
// admins see the queue.
import { spec, loadEnv, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';
import { pollOnce, deliver, submit } from './lib/backstage.mjs';

const env = loadEnv();
const s = spec('mail_intake');
const TAG = `${Date.now() % 1000000}`;


let issuePath;

s.check('a mail with a file becomes an issue; the file downloads', async ({ page, url }) => {
  deliver(`From: Dana Kunde <dana${TAG}@kunde.example>
To: support@example.org
Subject: Report ${TAG}: export fails
Message-ID: <report.${TAG}@kunde.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="sep"

--sep
Content-Type: text/plain; charset=utf-8

The export stops at 80 %.

--
Dana
--sep
Content-Type: text/plain; name="export.log"
Content-Disposition: attachment; filename="export.log"

line one of the log
--sep--
`);
  await login(page, 'admin', 'demo');
  await page.goto(url('/admin/mail'));
  const row = page.locator(`#mail-queue tr:has-text("Report ${TAG}")`);
  assertMatch(await row.innerText(), /processed/, 'queue row');
  await row.locator('a[href^="/issues/"]').click();
  issuePath = new URL(page.url()).pathname;
  assertMatch(await page.locator('h2, h3').allInnerTexts().then((t) => t.join(' ')), new RegExp(`Report ${TAG}: export fails`), 'issue subject');
  assertMatch(await page.locator('#content').innerText(), /The export stops at 80 %/, 'description');
  const link = page.locator('#attachments a[href*="/attachments/download/"]').first();
  const href = await link.getAttribute('href');
  const file = await page.request.get(url(href));
  assertEqual(file.status(), 200, 'download status');
  assertEqual((await file.text()).trim(), 'line one of the log', 'downloaded file');
  assertMatch(file.headers()['content-disposition'], /attachment/, 'downloaded as attachment');
});

s.check('a reply with the subject tag becomes a note on that issue', async ({ page, url }) => {
  const id = issuePath.split('/').pop();
  deliver(`From: dana${TAG}@kunde.example
To: support@example.org
Subject: Re: [PSProSupport - Support #${id}] Report ${TAG}: export fails
Message-ID: <reply.${TAG}@kunde.example>

It also fails with 10 rows.

On Fri, 27 Nov 2026, Support wrote:
> Does it fail with fewer rows?
`);
  await page.goto(url(issuePath));
  const notes = await page.locator('.journal .notes').allInnerTexts();
  assertOk(notes.some((n) => n.trim() === 'It also fails with 10 rows.'), 'note', 'the reply without the quote', notes);
});

s.check('spam waits in the queue until an admin releases it', async ({ page, url }) => {
  deliver(`From: promo${TAG}@bulk.example
To: support@example.org
Subject: Offer ${TAG}
Message-ID: <offer.${TAG}@bulk.example>
X-Spam-Flag: YES

Buy now.
`);
  await page.goto(url('/admin/mail?state=spam'));
  await page.click(`#mail-queue tr:has-text("Offer ${TAG}") a`);
  assertEqual((await page.locator('#mail-state').innerText()).trim(), 'spam', 'state');
  assertOk((await page.locator('#mail-reason').innerText()).trim().length > 0, 'a reason is shown');
  const raw = await page.request.get(url(await page.getAttribute('#mail-raw', 'href')));
  assertEqual(raw.headers()['content-type'], 'message/rfc822', 'raw message type');
  assertMatch(raw.headers()['content-disposition'], /^attachment/, 'raw message is a download');
  assertMatch(await raw.text(), new RegExp(`Subject: Offer ${TAG}`), 'raw message as received');
  assertEqual(await submit(page, '#mail-release button'), 303, 'release');
  assertMatch(await page.locator('.flash').innerText(), /Released/, 'confirmation');
  assertMatch(await page.locator('#mail-state').innerText(), /received \(released/, 'state after release');
  pollOnce();
  await page.reload();
  assertEqual((await page.locator('#mail-state').innerText()).trim(), 'processed (released by an administrator)', 'state after the poller');
  assertEqual(await page.locator('#mail-issue').count(), 1, 'an issue was made');
});

s.check('only admins see the queue', async ({ page, url }) => {
  await page.goto(url('/'));
  await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
  await login(page, 'bill', 'demo');
  for (const path of ['/admin/mail', '/admin/mail/1', '/admin/mail/1/raw']) {
    assertEqual((await page.goto(url(path))).status(), 403, `bill opens ${path}`);
  }
});

await s.run();
