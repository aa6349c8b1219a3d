// Attachments through the real stack: upload with the new-issue and edit forms, the list and
// the history line, download through nginx's X-Accel-Redirect with safe headers, an oversize
// upload refused without changes, and a customer kept away from another customer's files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spec, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const s = spec('attachments');
const subject = `Crash report with files (e2e ${Date.now()})`;
const report = { name: 'crash report ü.txt', mimeType: 'text/plain', buffer: Buffer.from('line 1\nline 2 ✓\n', 'utf8') };
// A page a browser would run if it were served inline: it must come back as a download.
const page_html = { name: 'evil.html', mimeType: 'text/html', buffer: Buffer.from('<script>alert(1)</script>') };
let issuePath = '';
let downloadUrl = '';

/// The attachments folder of the app under test, from the generated ticketflow.conf.
function attachmentsDir(env) {
  let section = '';
  for (const raw of readFileSync(env.TF_CONFIG, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) section = line;
    const m = /^attachments\s*=\s*(.+)$/.exec(line);
    if (section === '[paths]' && m) return m[1].trim();
  }
  throw new Error(`${env.TF_CONFIG} has no [paths] attachments`);
}

function filesUnder(dir) {
  let n = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    n += statSync(path).isDirectory() ? filesUnder(path) : 1;
  }
  return n;
}

async function journalCount(page) {
  return page.locator('#history .journal').count();
}

s.check('support creates an issue with a file from the new-issue form', async ({ page, url, baseUrl }) => {
  await login(page, 'bill', 'demo', baseUrl);
  await page.goto(url('/projects/psprosupport/issues/new'));
  assertMatch(await page.locator('#issue-form').getAttribute('enctype'), /multipart\/form-data/, 'form encoding');
  await page.selectOption('#issue_tracker_id', { label: 'Support' });
  await page.fill('#issue_subject', subject);
  await page.setInputFiles('#issue_attachments', {
    name: 'screenshot.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
  });
  await Promise.all([page.waitForURL(/\/issues\/\d+$/), page.click('#issue-create')]);
  issuePath = new URL(page.url()).pathname;
  const rows = page.locator('#attachments tr');
  assertEqual(await rows.count(), 1, 'files listed on the new issue');
  assertEqual(await rows.first().locator('.filename a').innerText(), 'screenshot.png', 'listed name');
});

s.check('a file added with an edit is listed and named in the history', async ({ page, url }) => {
  await page.goto(url(issuePath));
  const before = await journalCount(page);
  await page.fill('#issue_notes', 'The crash log and the page the customer saw.');
  await page.setInputFiles('#issue_attachments', [report, page_html]);
  await Promise.all([page.waitForURL((u) => u.pathname === issuePath), page.click('#issue-submit')]);
  assertMatch(await page.locator('.flash.notice').innerText(), /Successful update/, 'confirmation');
  const row = page.locator('#attachments tr', { hasText: report.name });
  assertEqual(await row.count(), 1, `row of ${report.name}`);
  assertEqual(await row.locator('.size').innerText(), `${report.buffer.length} B`, 'listed size');
  assertEqual(await row.locator('.author').innerText(), 'Bill Support', 'listed author');
  assertMatch(await row.locator('.created').innerText(), /^\d{4}-\d\d-\d\d \d\d:\d\d$/, 'listed date');
  assertEqual(await journalCount(page), before + 1, 'journals after the upload');
  const details = await page.locator('#history .journal').last().locator('.details').innerText();
  assertMatch(details, /File crash report ü\.txt added/, 'history line of the file');
  assertMatch(details, /File evil\.html added/, 'history line of the second file');
  downloadUrl = url(await row.locator('.filename a').getAttribute('href'));
  assertMatch(downloadUrl, /\/attachments\/download\/\d+\/crash%20report%20%C3%BC\.txt$/, 'download address');
});

s.check('the download comes through nginx with the bytes and safe headers', async ({ request }) => {
  const response = await request.get(downloadUrl, { maxRedirects: 0 });
  assertEqual(response.status(), 200, 'status of the download');
  const body = await response.body();
  assertOk(body.equals(report.buffer), 'downloaded bytes equal the uploaded ones', report.buffer.toString('hex'),
    body.toString('hex'));
  const headers = response.headers();
  assertEqual(headers['content-disposition'],
    'attachment; filename="crash report _.txt"; filename*=UTF-8\'\'crash%20report%20%C3%BC.txt', 'Content-Disposition');
  assertEqual(headers['x-content-type-options'], 'nosniff', 'X-Content-Type-Options');
  assertMatch(headers['content-type'], /^text\/plain/, 'Content-Type');
  assertOk(!('x-accel-redirect' in headers), 'X-Accel-Redirect is not shown to the client', 'absent', headers);
});

s.check('the browser saves a download under the stored name', async ({ page, url }) => {
  await page.goto(url(issuePath));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#attachments tr', { hasText: report.name }).locator('.filename a').click(),
  ]);
  assertEqual(download.suggestedFilename(), report.name, 'suggested file name');
  await download.cancel().catch(() => {});
});

s.check('an HTML file is served as a download, never as a page', async ({ page, url, request }) => {
  await page.goto(url(issuePath));
  const href = await page.locator('#attachments tr', { hasText: 'evil.html' }).locator('.filename a').getAttribute('href');
  const response = await request.get(url(href), { maxRedirects: 0 });
  assertEqual(response.status(), 200, 'status of the HTML download');
  assertEqual(response.headers()['content-type'], 'application/octet-stream', 'Content-Type of an HTML file');
  assertMatch(response.headers()['content-disposition'], /^attachment; /, 'Content-Disposition of an HTML file');
  assertEqual(response.headers()['x-content-type-options'], 'nosniff', 'nosniff on an HTML file');
});

s.check('Redmine\'s /attachments/:id leads to the download and the internal folder is closed', async ({ url, request }) => {
  const id = downloadUrl.match(/\/download\/(\d+)\//)[1];
  const show = await request.get(url(`/attachments/${id}`), { maxRedirects: 0 });
  assertEqual(show.status(), 302, 'status of /attachments/:id');
  assertEqual(new URL(show.headers().location, url('/')).href, downloadUrl, 'redirect target');
  const internal = await request.get(url('/_attachments/'), { maxRedirects: 0 });
  assertEqual(internal.status(), 404, 'status of the internal location asked for directly');
  const missing = await request.get(url('/attachments/download/999999/x.txt'), { maxRedirects: 0 });
  assertEqual(missing.status(), 404, 'status of an unknown attachment');
});

s.check('an oversize upload is refused with a clear message and changes nothing', async ({ page, url, env }) => {
  const folder = attachmentsDir(env);
  const filesBefore = filesUnder(folder);
  await page.goto(url(issuePath));
  const journals = await journalCount(page);
  const listed = await page.locator('#attachments tr').count();
  const big = { name: 'too-big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 7) };
  await page.fill('#issue_notes', 'This note must not be saved.');
  await page.setInputFiles('#issue_attachments', big);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('#issue-submit'),
  ]);
  assertEqual(response.status(), 422, 'status of an oversize upload');
  const errors = (await page.locator('.flash.error').allInnerTexts()).join(' | ');
  assertMatch(errors, /too-big\.bin is too large \(10485761 bytes\); the limit is 10 MB per file\./, 'message');
  assertMatch(errors, /choose the files again/, 'hint that the files were not kept');
  assertEqual(await page.locator('#issue_notes').inputValue(), 'This note must not be saved.', 'note kept in the form');
  await page.goto(url(issuePath));
  assertEqual(await journalCount(page), journals, 'journals after the refused upload');
  assertEqual(await page.locator('#attachments tr').count(), listed, 'files listed after the refused upload');
  assertEqual(filesUnder(folder), filesBefore, 'files on disk after the refused upload');
});

s.check('a customer cannot download a file of an issue that is not hers', async ({ page, url, baseUrl, context, request }) => {
  await context.clearCookies();
  await login(page, 'carol', 'demo', baseUrl);
  const response = await request.get(downloadUrl, { maxRedirects: 0 });
  assertEqual(response.status(), 404, 'status of another customer\'s file for carol');
  assertOk(!(response.headers()['content-disposition'] ?? '').includes('attachment'), 'no file in the answer',
    'no Content-Disposition', response.headers()['content-disposition']);
  const id = downloadUrl.match(/\/download\/(\d+)\//)[1];
  const show = await request.get(url(`/attachments/${id}`), { maxRedirects: 0 });
  assertEqual(show.status(), 404, 'status of /attachments/:id for carol');
});

await s.run();
