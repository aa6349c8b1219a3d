// The main staff path through the real stack (nginx + ticketflow-fcgi + MariaDB): sign in,
// create an issue, find it in the New issues list, move it New -> Accepted, read the journal;
// and the refusals: wrong password, missing CSRF token, forbidden transition, missing note.
import { spec, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const s = spec('issue_workflow');
const subject = `Export to PDF crashes (e2e ${Date.now()})`;
let issuePath = '';

async function statusOf(page) {
  return (await page.locator('#issue-status').innerText()).trim();
}

async function journalCount(page) {
  return page.locator('#history .journal').count();
}

s.check('a wrong password is refused with a clear message and no session', async ({ page, url, context }) => {
  await page.goto(url('/login'));
  await page.fill('input[name="username"]', 'bill');
  await page.fill('input[name="password"]', 'not-the-password');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
    page.click('#login-submit'),
  ]);
  assertEqual(response.status(), 422, 'status of a failed sign-in');
  assertMatch(await page.locator('#flash_error').innerText(), /Invalid user or password/, 'error message');
  const cookies = await context.cookies();
  assertOk(!cookies.some((c) => c.name === 'tf_session'), 'no session cookie after a failed sign-in', 'none', cookies);
});

s.check('support signs in and sees New counts per project', async ({ page, baseUrl }) => {
  await login(page, 'bill', 'demo', baseUrl);
  assertMatch(await page.locator('#loggedas').innerText(), /Bill Support/, 'signed-in user');
  const row = page.locator('#project-psprosupport');
  assertEqual(await row.count(), 1, 'PSProSupport row on the dashboard');
  assertMatch(await row.locator('.new-count').innerText(), /^\d+$/, 'New count');
});

s.check('support creates an issue and lands on it in status New', async ({ page, url }) => {
  await page.goto(url('/projects/psprosupport/issues/new'));
  await page.selectOption('#issue_tracker_id', { label: 'Support' });
  await page.fill('#issue_subject', subject);
  await page.fill('#issue_description', 'Steps: open a workflow, File > Export > PDF. The client closes.');
  await Promise.all([page.waitForURL(/\/issues\/\d+$/), page.click('#issue-create')]);
  issuePath = new URL(page.url()).pathname;
  assertMatch(await page.locator('.flash.notice').innerText(), /Issue created/, 'confirmation');
  assertEqual(await page.locator('h2.subject').innerText(), subject, 'subject on the issue page');
  assertEqual(await statusOf(page), 'New', 'status of the new issue');
});

s.check('the new issue is in the New issues list reached from the dashboard', async ({ page, url }) => {
  await page.goto(url('/'));
  const before = Number(await page.locator('#project-psprosupport .new-count').innerText());
  assertOk(before >= 1, 'New count includes the new issue', '>= 1', before);
  await Promise.all([page.waitForURL(/\/projects\/psprosupport\/issues\?/),
    page.click('#project-psprosupport .new-count')]);
  const id = issuePath.split('/').pop();
  const row = page.locator(`#issue-${id}`);
  assertEqual(await row.count(), 1, `row of issue #${id} in the New list`);
  assertEqual(await row.locator('.subject').innerText(), subject, 'subject in the list');
  assertEqual(await row.locator('.status').innerText(), 'New', 'status in the list');
});

s.check('a bad list filter answers 400 and names the parameter', async ({ page, url }) => {
  const response = await page.goto(url('/projects/psprosupport/issues?sort=password&status_id=x'));
  assertEqual(response.status(), 400, 'status of a list with bad filters');
  const alerts = (await page.locator('.flash.warning').allInnerTexts()).join(' | ');
  assertMatch(alerts, /sort/, 'message naming sort');
  assertMatch(alerts, /status_id/, 'message naming status_id');
  assertOk(await page.locator('#issue-list').count() === 1, 'the list is still shown', 'a list', 'none');
});

s.check('a transition the workflow forbids is refused with 403 and changes nothing', async ({ page, url, request }) => {
  await page.goto(url(issuePath));
  const token = await page.locator('#issue-form input[name="csrf_token"]').inputValue();
  const lock = await page.locator('#issue-form input[name="lock_version"]').inputValue();
  const offered = await page.locator('#issue_status_id option').allInnerTexts();
  assertOk(!offered.some((t) => t.startsWith('Seen')), 'Seen is not offered to support', 'absent', offered);
  // Post it anyway, as a crafted request would.
  const response = await request.post(url(issuePath), {
    form: { csrf_token: token, lock_version: lock, status_id: '2', notes: 'sneaky' }, maxRedirects: 0,
  });
  assertEqual(response.status(), 403, 'status of a forbidden transition');
  assertMatch(await response.text(), /not allowed to move this issue/, 'message of a forbidden transition');
  await page.reload();
  assertEqual(await statusOf(page), 'New', 'status after the refused transition');
  assertEqual(await journalCount(page), 0, 'journals after the refused transition');
});

s.check('a post without the CSRF token is refused with 403 and changes nothing', async ({ page, url, request }) => {
  const response = await request.post(url(issuePath), {
    form: { lock_version: '0', status_id: '3', notes: 'no token' }, maxRedirects: 0,
  });
  assertEqual(response.status(), 403, 'status without a CSRF token');
  assertMatch(await response.text(), /CSRF token/, 'message without a CSRF token');
  await page.goto(url(issuePath));
  assertEqual(await statusOf(page), 'New', 'status after the refused post');
  assertEqual(await journalCount(page), 0, 'journals after the refused post');
});

s.check('closing without the required note shows the rule on the form', async ({ page, url }) => {
  await page.goto(url(issuePath));
  await page.selectOption('#issue_status_id', { label: 'Closed (note required)' });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('#issue-submit'),
  ]);
  assertEqual(response.status(), 422, 'status without the required note');
  assertMatch(await page.locator('.flash.error').innerText(), /note is required/, 'message');
  assertEqual(await statusOf(page), 'New', 'status after the refused close');
});

s.check('support accepts the issue with a note and the journal says so', async ({ page, url }) => {
  await page.goto(url(issuePath));
  await page.selectOption('#issue_status_id', { label: 'Accepted' });
  await page.fill('#issue_notes', 'Reproduced with client 2.1.0 on Windows 11.');
  await Promise.all([page.waitForURL((u) => u.pathname === issuePath), page.click('#issue-submit')]);
  assertMatch(await page.locator('.flash.notice').innerText(), /Successful update/, 'confirmation');
  assertEqual(await statusOf(page), 'Accepted', 'status after the transition');
  assertEqual(await journalCount(page), 1, 'journals after the transition');
  const journal = page.locator('#history .journal').first();
  assertMatch(await journal.locator('.details').innerText(), /Status changed from New to Accepted/, 'journal detail');
  assertMatch(await journal.locator('.notes').innerText(), /Reproduced with client 2\.1\.0/, 'journal note');
  assertMatch(await journal.locator('h4').innerText(), /Bill Support/, 'journal author');
});

s.check('a customer login cannot open the internal project', async ({ page, url, baseUrl, context }) => {
  await context.clearCookies();
  await login(page, 'carol', 'demo', baseUrl);
  const response = await page.goto(url('/projects/psprointernal/issues'));
  assertEqual(response.status(), 403, 'status of the internal list for a customer');
  const issue = await page.goto(url(issuePath));
  assertEqual(issue.status(), 404, 'status of another customer\'s issue for a customer');
});

await s.run();
