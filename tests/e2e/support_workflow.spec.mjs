// The whole support and development workflow in the browser (DESIGN §1, §2): a customer
// reports an issue with wishes (kept as hints) → support finds it in NewIssues, accepts it,
// asks for information publicly and notes something privately → copies it to PSProInternal as
// a Bug → the gatekeeper ticks the checklist and moves it to Seen with assignee and milestone →
// the developer accepts and closes it → the support issue shows the internal state and
// milestone, and the customer sees the public note but nothing internal.
import { spec, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const s = spec('support_workflow');
const SUBJECT = `Export to PDF hangs ${Date.now()}`;
let supportId;
let internalId;

async function signOut(page, url) {
  await page.goto(url('/'));
  await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
}

async function submit(page, selector) {
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.click(selector)]);
}

function issueIdFrom(page) {
  const m = new URL(page.url()).pathname.match(/^\/issues\/(\d+)$/);
  assertOk(m, 'URL after the post', '/issues/<id>', page.url());
  return Number(m[1]);
}

async function historyText(page) {
  return page.locator('#history').innerText();
}

s.check('a customer reports an issue, choosing priority Immediate and a contact (wishes only)', async ({ page, url }) => {
  await login(page, 'carol', 'demo');
  await page.click('#report-issue');
  await page.waitForLoadState('load');
  assertOk(await page.locator('#wishes-hint').isVisible(), 'the wishes hint on the customer form', 'visible', false);
  assertEqual(await page.locator('#issue_fixed_version_id').count(), 0, 'milestone fields offered to a customer');
  await page.fill('#issue_subject', SUBJECT);
  await page.fill('#issue_description', 'Exporting a 40-page report to PDF never finishes. Client 2.1.0 on Windows 11.');
  await page.selectOption('#issue_priority_id', { label: 'Immediate' });
  await page.selectOption('#issue_assigned_to_id', { label: 'Bill Support' });
  await submit(page, '#issue-create');
  supportId = issueIdFrom(page);
  assertEqual((await page.locator('.priority').innerText()).trim(), 'Normal', 'priority applied to the customer issue');
  assertEqual((await page.locator('.assigned-to').innerText()).trim(), '-', 'assignee of the customer issue');
  assertEqual(await page.locator('#customer-hints').count(), 0, 'hints shown to the customer herself');
  await signOut(page, url);
});

s.check('support finds it in NewIssues and sees the wishes', async ({ page, url }) => {
  await login(page, 'bill', 'demo');
  await page.click('#project-psprosupport a.new-count');
  await page.waitForLoadState('load');
  assertOk(await page.locator(`a[href="/issues/${supportId}"]`).count() > 0, 'the new issue in NewIssues', 'listed', 0);
  await page.goto(url(`/issues/${supportId}`));
  assertMatch(await page.locator('#customer-hints').innerText(), /priority Immediate and assignee Bill Support/,
    'hints shown to support');
});

s.check('support accepts it with a public question, then adds a private note', async ({ page, url }) => {
  await page.goto(url(`/issues/${supportId}`));
  await page.selectOption('#issue_status_id', '3');
  await page.fill('#issue_notes', 'Could you send us the client log file?');
  await submit(page, '#issue-submit');
  assertEqual((await page.locator('#issue-status').innerText()).trim(), 'Accepted', 'status after accepting');
  await page.fill('#issue_notes', 'Looks like the PDF library again.');
  await page.check('#issue_private_notes');
  await submit(page, '#issue-submit');
  const history = await historyText(page);
  assertMatch(history, /Status changed from New to Accepted/, 'history');
  assertMatch(history, /Could you send us the client log file\?/, 'public note in the history');
  assertOk(await page.locator('.journal.private-notes').filter({ hasText: 'PDF library' }).count() === 1,
    'the private note', 'marked private', 0);
});

s.check('a stale edit gets a conflict page showing what changed, with the input kept', async ({ page, context, url }) => {
  await page.goto(url(`/issues/${supportId}`));
  const other = await context.newPage();
  await other.goto(url(`/issues/${supportId}`));
  await other.fill('#issue_notes', 'Meanwhile: the customer called, it is urgent.');
  await submit(other, '#issue-submit');
  await other.close();

  await page.selectOption('#issue_priority_id', { label: 'High' });
  await page.fill('#issue_notes', 'Raising the priority.');
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('#issue-submit')]);
  await page.waitForLoadState('load');
  assertEqual(response.status(), 409, 'status of the stale edit');
  assertMatch(await page.locator('#changed-meanwhile').innerText(), /the customer called, it is urgent/,
    'the other change, shown above the form');
  assertEqual(await page.inputValue('#issue_notes'), 'Raising the priority.', 'the user\'s note, kept');
  assertEqual((await page.locator('.priority').innerText()).trim(), 'Normal', 'priority after the refused edit');
  await submit(page, '#issue-submit');
  assertEqual((await page.locator('.priority').innerText()).trim(), 'High', 'priority after submitting again');
});

s.check('support copies it to PSProInternal as a Bug', async ({ page, url }) => {
  await page.goto(url(`/issues/${supportId}`));
  await page.click('details.copy-to summary');
  assertEqual(await page.locator('#copy_target option:checked').innerText(), 'PSProInternal / Bug', 'suggested target');
  await submit(page, '#copy-submit');
  internalId = issueIdFrom(page);
  assertOk(internalId !== supportId, 'the copy', 'a new issue', internalId);
  assertMatch(await page.locator('h1').innerText(), /^Bug #/, 'tracker of the copy');
  assertEqual((await page.locator('.subject').first().innerText()).trim(), SUBJECT, 'subject of the copy');
  assertMatch(await page.locator('#relations').innerText(), new RegExp(`Copied from\\s+Support #${supportId}`),
    'relation on the copy');
  assertMatch(await page.locator('.author').first().innerText(), /Bill Support/, 'author of the copy');
  assertEqual(await page.locator('#customer-hints').count(), 0, 'customer hints on the copy');
  assertMatch(await page.locator('#watchers').innerText(), /Bill Support/, 'the copier watches the copy');
  await page.goto(url(`/issues/${supportId}`));
  assertMatch(await page.locator('#relations').innerText(), new RegExp(`Copied to\\s+Bug #${internalId}`),
    'relation on the support issue');
  await signOut(page, url);
});

s.check('the gatekeeper ticks the checklist and moves it to Seen with assignee and milestone', async ({ page, url }) => {
  await login(page, 'alex', 'demo');
  await page.goto(url(`/issues/${internalId}`));
  // Seen needs an assignee and a milestone: refused without them, and nothing changes.
  await page.selectOption('#issue_status_id', '2');
  await submit(page, '#issue-submit');
  assertOk(await page.locator('.flash.error').count() > 0, 'error for Seen without assignee and milestone', 'shown', 0);
  await page.goto(url(`/issues/${internalId}`));
  assertEqual((await page.locator('#issue-status').innerText()).trim(), 'New', 'status after the refused move');

  await submit(page, '#watch');
  assertMatch(await page.locator('#watchers').innerText(), /Alex Gatekeeper/, 'alex after clicking Watch');
  await page.check('#triage-problem');
  await page.check('#triage-reproduction');
  await page.check('#triage-client_log');
  await page.selectOption('#issue_status_id', '2');
  await page.selectOption('#issue_assigned_to_id', { label: 'Clemens Developer' });
  await page.selectOption('#issue_fixed_version_id', { label: '2.1.1' });
  await submit(page, '#issue-submit');
  assertEqual((await page.locator('#issue-status').innerText()).trim(), 'Seen', 'status after triage');
  assertEqual((await page.locator('#issue-checklist').innerText()).trim(),
    'What went wrong, How to reproduce, Client log files', 'checklist kept on the issue');
  assertMatch(await historyText(page), /Triage checklist/, 'checklist change in the history');
  await signOut(page, url);
});

s.check('the developer accepts and closes it', async ({ page, url }) => {
  await login(page, 'clemens', 'demo');
  await page.goto(url(`/issues/${internalId}`));
  await page.selectOption('#issue_status_id', '3');
  await submit(page, '#issue-submit');
  assertEqual((await page.locator('#issue-status').innerText()).trim(), 'Accepted', 'status after accepting');
  await page.selectOption('#issue_status_id', '5');
  await page.fill('#issue_notes', 'Fixed in r4711: the exporter no longer waits for fonts.');
  await submit(page, '#issue-submit');
  assertEqual((await page.locator('#issue-status').innerText()).trim(), 'Closed', 'status after closing');
  await signOut(page, url);
});

s.check('the support issue shows the internal state and milestone', async ({ page, url }) => {
  await login(page, 'bill', 'demo');
  await page.goto(url(`/issues/${supportId}`));
  const row = page.locator('#relations tr').filter({ hasText: `#${internalId}` });
  assertMatch(await row.innerText(), /Closed/, 'internal status on the support issue');
  assertMatch(await row.locator('.outcome').innerText(), new RegExp(`PSProInternal #${internalId} fixed in 2\\.1\\.1`),
    'closing-the-loop line');
  await signOut(page, url);
});

s.check('the customer sees the public note, nothing private or internal', async ({ page, url }) => {
  await login(page, 'carol', 'demo');
  const response = await page.goto(url(`/issues/${supportId}`));
  assertEqual(response.status(), 200, 'carol opens her issue');
  const history = await historyText(page);
  assertMatch(history, /Could you send us the client log file\?/, 'public note for the customer');
  assertOk(!/PDF library/.test(history), 'private note', 'hidden from the customer', history);
  assertOk(!/Copied to/.test(history) && (await page.locator('#relations').count()) === 0, 'internal links',
    'hidden from the customer', history);
  assertEqual((await page.goto(url(`/issues/${internalId}`))).status(), 404, 'carol opens the internal issue');
});

await s.run();
