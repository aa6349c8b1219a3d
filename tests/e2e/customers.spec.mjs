// Customers (CRM) in the browser: support enters an issue by phone for a new customer, finds
// the customer, sees the issue on the customer's page, edits the record and merges a duplicate;
// a manager may look but not change; developers and customer logins get 403.
import { spec, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const s = spec('customers');
const STAMP = Date.now();
const NAME = `Nora Phonecall ${STAMP}`;
const EMAIL = `nora.${STAMP}@example.com`;
const DUP_EMAIL = `n.phonecall.${STAMP}@example.net`;
let issueId;
let dupIssueId;
let customerId;
let duplicateId;

async function signOut(page, url) {
  await page.goto(url('/'));
  await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
}

async function submit(page, selector) {
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.click(selector)]);
}

function idFrom(page, prefix) {
  const m = new URL(page.url()).pathname.match(new RegExp(`^/${prefix}/(\\d+)$`));
  assertOk(m, 'URL after the post', `/${prefix}/<id>`, page.url());
  return Number(m[1]);
}

/// POSTs a form with the page's session (the browser context's cookies) and the CSRF token of
/// its header, and returns the status: for requests the page offers no button for.
async function postFromPage(page, request, url, path, fields) {
  const token = await page.locator('form[action="/logout"] input[name="csrf_token"]').inputValue();
  const response = await request.post(url(path), { form: { csrf_token: token, ...fields }, maxRedirects: 0 });
  return response.status();
}

async function enterIssueByPhone(page, url, subject, email, name) {
  await page.goto(url('/projects/psprosupport/issues/new'));
  await page.fill('#issue_subject', subject);
  await page.fill('#issue_description', 'Called the hotline: the licence dialog shows error 42.');
  await page.fill('#issue_customer_email', email);
  await page.fill('#issue_customer_name', name);
  await page.selectOption('#issue_source', 'phone');
  await submit(page, '#issue-create');
  return idFrom(page, 'issues');
}

s.check('support enters an issue by phone for a new customer', async ({ page, url }) => {
  await login(page, 'bill', 'demo');
  issueId = await enterIssueByPhone(page, url, `Licence error 42 ${STAMP}`, EMAIL, NAME);
  assertMatch(await page.locator('body').innerText(), new RegExp(`${NAME} <${EMAIL.replace(/\./g, '\\.')}>`),
    'the customer on the issue page');
});

s.check('a bad customer address on the new-issue form is refused with 422', async ({ page, url }) => {
  await page.goto(url('/projects/psprosupport/issues/new'));
  await page.locator('#issue-form').evaluate((f) => { f.noValidate = true; });
  await page.fill('#issue_subject', `Should not exist ${STAMP}`);
  await page.fill('#issue_customer_email', 'nora@');
  await page.fill('#issue_customer_name', 'Nora');
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('#issue-create')]);
  assertEqual(response.status(), 422, 'status of the refused form');
  assertMatch(await page.locator('.flash.error').first().innerText(), /Customer email is not a valid address/,
    'message');
});

s.check('support finds the customer in /customers and sees the issue on their page', async ({ page, url }) => {
  await page.goto(url('/'));
  await page.click('#nav-customers');
  await page.waitForLoadState('load');
  await page.fill('#customer-q', `phonecall ${STAMP}`);
  await submit(page, '#customer-search button[type="submit"]');
  const rows = page.locator('#customers tr.customer');
  assertEqual(await rows.count(), 1, 'customers found');
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'),
    rows.first().locator('td.name a').click()]);
  customerId = idFrom(page, 'customers');
  assertEqual((await page.locator('#customer-email').innerText()).trim(), EMAIL, 'email on the customer page');
  assertEqual(await page.locator(`#customer-issues a[href="/issues/${issueId}"]`).count(), 2, 'the issue linked');
});

s.check('support edits the customer; a taken or bad address is refused with 422', async ({ page, url }) => {
  await page.goto(url(`/customers/${customerId}`));
  await submit(page, '#edit-customer');
  await page.locator('#customer-form').evaluate((f) => { f.noValidate = true; });
  await page.fill('#customer_email', 'not-an-address');
  const [bad] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('#customer-save')]);
  assertEqual(bad.status(), 422, 'status for a bad address');
  assertMatch(await page.locator('.flash.error').innerText(), /Email is not a valid address/, 'message');
  await page.locator('#customer-form').evaluate((f) => { f.noValidate = true; });
  await page.fill('#customer_email', 'Daniel.Okafor@example.com'); // a demo customer's, in other case
  const [taken] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('#customer-save')]);
  assertEqual(taken.status(), 422, 'status for a taken address');
  assertMatch(await page.locator('.flash.error').innerText(), /already used by another customer/, 'message');
  await page.fill('#customer_email', EMAIL);
  await page.fill('#customer_organisation', 'Phonecall Ltd');
  await page.fill('#customer_phone', '+49 30 123456');
  await submit(page, '#customer-save');
  assertEqual(idFrom(page, 'customers'), customerId, 'back on the customer page');
  assertEqual((await page.locator('#customer-organisation').innerText()).trim(), 'Phonecall Ltd', 'organisation');
});

s.check('support merges a duplicate into the customer', async ({ page, url, request }) => {
  dupIssueId = await enterIssueByPhone(page, url, `Licence error 42 again ${STAMP}`, DUP_EMAIL, 'N. Phonecall');
  await page.goto(url(`/customers?q=${encodeURIComponent(DUP_EMAIL)}`));
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'),
    page.locator('#customers td.name a').first().click()]);
  duplicateId = idFrom(page, 'customers');
  assertOk(duplicateId !== customerId, 'a second customer record', 'different ids', duplicateId);
  const self = await postFromPage(page, request, url, `/customers/${duplicateId}/merge`,
    { into_id: String(duplicateId) });
  assertEqual(self, 422, 'merging a customer into itself');
  await page.fill('#merge-into-id', String(customerId));
  await submit(page, '#merge-customer');
  assertEqual(idFrom(page, 'customers'), customerId, 'on the kept customer after the merge');
  for (const id of [issueId, dupIssueId]) {
    assertEqual(await page.locator(`#customer-issues a[href="/issues/${id}"]`).count(), 2, `issue ${id} listed`);
  }
  const gone = await page.goto(url(`/customers/${duplicateId}`));
  assertEqual(gone.status(), 404, 'the duplicate after the merge');
  await signOut(page, url);
});

s.check('a manager may view customers but not edit or merge them', async ({ page, url, request }) => {
  await login(page, 'mia', 'demo');
  assertEqual((await page.goto(url('/customers'))).status(), 200, 'mia: /customers');
  assertEqual((await page.goto(url(`/customers/${customerId}`))).status(), 200, 'mia: the customer page');
  assertEqual(await page.locator('#edit-customer').count(), 0, 'edit link shown to mia');
  assertEqual(await page.locator('#merge-form').count(), 0, 'merge form shown to mia');
  const edit = await postFromPage(page, request, url, `/customers/${customerId}`, { name: 'Hacked' });
  assertEqual(edit, 403, 'mia: POST edit');
  const merge = await postFromPage(page, request, url, `/customers/${customerId}/merge`, { into_id: '1' });
  assertEqual(merge, 403, 'mia: merge');
  assertEqual((await page.goto(url(`/customers/${customerId}/edit`))).status(), 403, 'mia: the edit form');
  assertEqual((await page.locator('#customer-name').count()), 0, 'customer shown on the 403 page');
  await signOut(page, url);
});

s.check('developers and customer logins get 403 on /customers', async ({ page, url }) => {
  for (const who of ['clemens', 'carol']) {
    await login(page, who, 'demo');
    assertEqual((await page.goto(url('/customers'))).status(), 403, `${who}: /customers`);
    assertEqual((await page.goto(url(`/customers/${customerId}`))).status(), 403, `${who}: the customer page`);
    await signOut(page, url);
  }
  await login(page, 'bill', 'demo');
  await page.goto(url(`/customers/${customerId}`));
  assertEqual((await page.locator('#customer-name').innerText()).trim(), NAME, 'name unchanged by the refused edits');
});

await s.run();
