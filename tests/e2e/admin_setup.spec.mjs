// Administering the setup in the browser: a project with its trackers, a tracker, a status, a
// priority, a role and the workflow matrix; the workflow change governs the next issue page at
// once; bad input and deleting what is in use are refused with a message; non-admins get 403.
import { spec, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';
import { submit } from './lib/backstage.mjs';

const s = spec('admin_setup');
const TAG = `${Date.now() % 100000}`;
const PROJECT = `psmobile${TAG}`;
const TRACKER = `Incident${TAG}`;
const ROLE = `Tester${TAG}`;


async function flash(page) {
  return page.locator('.flash').first().innerText();
}

s.check('an admin creates a project with its trackers; a bad identifier is refused', async ({ page, url }) => {
  await login(page, 'admin', 'demo');
  await page.click('#nav-admin');
  await page.click('#admin-menu a:text-is("Projects")');
  await page.click('#admin-new');
  await page.fill('#f_name', 'PSPro Mobile');
  await page.fill('#f_identifier', 'PSPro Mobile');
  await page.check('#f_tracker_ids input[value="3"]'); // Bug
  assertEqual(await submit(page, '#admin-submit'), 422, 'a bad identifier');
  assertMatch(await flash(page), /Identifier must be/, 'message for a bad identifier');
  assertOk(await page.isChecked('#f_tracker_ids input[value="3"]'), 'the ticked tracker is kept');
  await page.fill('#f_identifier', PROJECT);
  await page.fill('#f_support_address', 'mobile@example.com');
  await page.check('#f_customer_facing');
  assertEqual(await submit(page, '#admin-submit'), 303, 'creating the project');
  assertEqual(new URL(page.url()).pathname, '/admin/projects', 'back on the project list');
  assertMatch(await flash(page), /Successful update/, 'confirmation');
  assertMatch(await page.locator('table.admin').innerText(), new RegExp(`PSPro Mobile\\s+${PROJECT}\\s+Yes\\s+Bug`), 'project listed');
});

s.check('trackers, statuses, priorities and roles are created; what is in use cannot be deleted', async ({ page, url }) => {
  await page.goto(url('/trackers/new'));
  await page.fill('#f_name', TRACKER);
  await page.selectOption('#f_assignable_role_id', { label: 'Holders of role Support' });
  assertEqual(await submit(page, '#admin-submit'), 303, 'creating the tracker');
  assertMatch(await page.locator('table.admin').innerText(), new RegExp(`${TRACKER}\\s+New\\s+Role Support`), 'tracker listed');

  await page.goto(url('/issue_statuses/new'));
  await page.fill('#f_name', `Waiting${TAG}`);
  await page.check('#f_is_closed');
  await page.check('#f_is_new');
  assertEqual(await submit(page, '#admin-submit'), 422, 'a status both new and closed');
  assertMatch(await flash(page), /both new and closed/, 'message');
  await page.uncheck('#f_is_new');
  assertEqual(await submit(page, '#admin-submit'), 303, 'creating the status');
  const waiting = page.locator(`table.admin tr:has-text("Waiting${TAG}")`);
  assertMatch(await waiting.innerText(), /Yes/, 'closed status listed');

  // New has issues: deleting it is refused and it stays.
  await page.goto(url('/issue_statuses'));
  await page.click('table.admin a:text-is("New")');
  page.once('dialog', (d) => d.accept());
  assertEqual(await submit(page, '#admin-delete button'), 422, 'deleting a status in use');
  assertMatch(await page.locator('main').innerText(), /in use/, 'reason given');
  await page.goto(url('/issue_statuses'));
  assertEqual(await page.locator('table.admin a:text-is("New")').count(), 1, 'New is still there');

  // A new status without issues can be deleted.
  await waiting.locator('a').click();
  page.once('dialog', (d) => d.accept());
  assertEqual(await submit(page, '#admin-delete button'), 303, 'deleting an unused status');
  assertMatch(await flash(page), /Successful deletion/, 'confirmation');
  assertEqual(await page.locator(`table.admin tr:has-text("Waiting${TAG}")`).count(), 0, 'status gone');

  await page.goto(url('/enumerations/new'));
  await page.fill('#f_name', `Blocker${TAG}`);
  // The browser keeps letters out of a number field; another client may not.
  await page.locator('#f_position').evaluate((el) => { el.type = 'text'; el.value = 'six'; });
  assertEqual(await submit(page, '#admin-submit'), 422, 'a position that is not a number');
  assertMatch(await flash(page), /Position must be a number/, 'message');
  await page.fill('#f_position', '6');
  assertEqual(await submit(page, '#admin-submit'), 303, 'creating the priority');
  assertMatch(await page.locator('table.admin').innerText(), new RegExp(`Blocker${TAG}\\s+6`), 'priority listed');

  await page.goto(url('/roles/new'));
  await page.fill('#f_name', ROLE);
  await page.check('#f_permissions input[value="view_issues"]');
  await page.check('#f_permissions input[value="edit_issues"]');
  assertEqual(await submit(page, '#admin-submit'), 303, 'creating the role');
  assertMatch(await page.locator(`table.admin tr:has-text("${ROLE}")`).innerText(), /View issues, Edit issues/, 'role listed');
  await page.goto(url('/roles'));
  await page.click('table.admin a:text-is("Support")');
  page.once('dialog', (d) => d.accept());
  assertEqual(await submit(page, '#admin-delete button'), 422, 'deleting a role members hold');
});

s.check('the workflow matrix governs the issue page at once', async ({ page, url }) => {
  // Give the project the new tracker, then open an issue of it: no transitions yet.
  await page.goto(url(`/projects/${PROJECT}/settings`));
  await page.check(`#f_tracker_ids label:has-text("${TRACKER}") input`);
  assertEqual(await submit(page, '#admin-submit'), 303, 'adding the tracker to the project');
  await page.goto(url(`/projects/${PROJECT}/issues/new`));
  await page.selectOption('#issue_tracker_id', { label: TRACKER });
  await page.fill('#issue_subject', 'Login page times out');
  assertEqual(await submit(page, '#issue-create'), 303, 'creating an issue of the new tracker');
  const issueUrl = page.url();
  const targets = async () => (await page.locator('#issue_status_id option').allInnerTexts()).map((t) => t.trim());
  assertEqual((await targets()).join(','), 'New (current)', 'statuses offered before any workflow');

  await page.goto(url('/admin'));
  await page.click('#admin-menu a:text-is("Workflow")');
  await page.selectOption('#workflow_tracker', { label: TRACKER });
  await page.selectOption('#workflow_role', { label: ROLE });
  await Promise.all([page.waitForURL(/tracker_id=/), page.click('#workflow-show')]);
  await page.check('input[aria-label="New to Accepted"]');
  await page.check('input[aria-label="New to Closed"]');
  await page.check('#from-1 td:nth-child(6) label[title="A note is required"] input'); // New -> Closed
  await page.check('#from-3 td:nth-child(2) label[title="A note is required"] input'); // not allowed: dropped
  assertEqual(await submit(page, '#workflow-submit'), 303, 'saving the workflow');
  assertMatch(await flash(page), /Successful update/, 'confirmation');
  assertOk(await page.isChecked('input[aria-label="New to Closed"]'), 'New -> Closed kept');
  assertOk(await page.isChecked('#from-1 td:nth-child(6) label[title="A note is required"] input'), 'note condition kept');
  assertOk(!(await page.isChecked('#from-3 td:nth-child(2) label[title="A note is required"] input')), 'condition of a disallowed cell dropped');

  // An admin acts with every role: the issue now offers exactly those two targets, and closing
  // without a note is refused by the server.
  await page.goto(issueUrl);
  assertEqual((await targets()).sort().join(','), 'Accepted,Closed (note required),New (current)', 'statuses offered after the change (with the condition)');
  await page.selectOption('#issue_status_id', { label: 'Closed (note required)' });
  assertEqual(await submit(page, '#issue-submit'), 422, 'closing without the required note');
  assertMatch(await flash(page), /note is required/i, 'message');
});

s.check('non-admins get 403 on every administration page', async ({ page, url }) => {
  await page.goto(url('/'));
  await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
  await login(page, 'bill', 'demo');
  for (const path of ['/admin', '/admin/projects', '/projects/new', '/projects/psprosupport/settings', '/trackers',
    '/issue_statuses/1/edit', '/enumerations', '/roles/new', '/workflows/edit?tracker_id=1&role_id=1']) {
    assertEqual((await page.goto(url(path))).status(), 403, `bill opens ${path}`);
  }
  assertEqual(await page.locator('#nav-admin').count(), 0, 'no Administration link for bill');
});

await s.run();
