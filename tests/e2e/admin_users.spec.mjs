// Administering users in the browser: create a staff user with a password, give them a
// project role, they can sign in; bad input is refused with a message; locking ends access;
// admins cannot lock themselves out; non-admins get 403.
import { spec, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';
import { submit } from './lib/backstage.mjs';

const s = spec('admin_users');
const LOGIN = `dora${Date.now() % 100000}`;
let doraEdit;

async function signOut(page, url) {
  await page.goto(url('/'));
  await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
}


s.check('an admin creates a user and gives them a role', async ({ page, url }) => {
  await login(page, 'admin', 'demo');
  await page.click('#nav-users');
  assertOk(await page.locator('table.users').innerText().then((t) => t.includes('bill')), 'user list', 'lists bill', '');
  await page.click('#new-user');
  await page.fill('#user_login', LOGIN);
  await page.fill('#user_firstname', 'Dora');
  await page.fill('#user_lastname', 'Kim');
  await page.fill('#user_mail', `${LOGIN}@example.org`);
  await page.fill('#user_password', 'correct horse');
  assertEqual(await submit(page, '#user-submit'), 303, 'status of creating the user');
  doraEdit = new URL(page.url()).pathname;
  assertMatch(doraEdit, /^\/users\/\d+\/edit$/, 'page after saving');
  await page.selectOption('#membership_project', { label: 'PSProSupport' });
  await page.selectOption('#membership_role', { label: 'Support' });
  assertEqual(await submit(page, '#membership-submit'), 303, 'status of adding the membership');
  assertMatch(await page.locator('#memberships').innerText(), /PSProSupport\s+Support/, 'membership listed');
});

s.check('bad input is refused with a message and creates nothing', async ({ page, url }) => {
  await page.goto(url('/users/new'));
  await page.fill('#user_login', LOGIN);
  await page.fill('#user_password', 'correct horse');
  assertEqual(await submit(page, '#user-submit'), 422, 'a taken login');
  assertMatch(await page.locator('.flash.error').first().innerText(), /taken/, 'message for a taken login');
  await page.fill('#user_login', 'new user!');
  await page.fill('#user_password', 'short');
  assertEqual(await submit(page, '#user-submit'), 422, 'a bad login and a short password');
  assertEqual(await page.locator('.flash.error').count(), 2, 'two messages');
  assertEqual(await page.inputValue('#user_password'), '', 'the password is not echoed back');
  // The admin cannot lock himself out.
  await page.goto(url('/users'));
  await page.click('table.users a:text-is("admin")');
  await page.check('#user_locked');
  assertEqual(await submit(page, '#user-submit'), 422, 'an admin locking himself');
  await signOut(page, url);
});

s.check('the new user signs in and sees the support project', async ({ page, url }) => {
  await login(page, LOGIN, 'correct horse');
  // Workers reload memberships every web.catalog_seconds (5 s in the tests): allow for that.
  let rows = 0;
  for (let i = 0; i < 24 && rows === 0; i += 1) {
    rows = await page.locator('#project-psprosupport').count();
    if (rows === 0) { await page.waitForTimeout(500); await page.reload(); }
  }
  assertOk(rows === 1, 'dashboard row of PSProSupport (within the catalog refresh time)', 'present', rows);
  assertEqual((await page.goto(url('/users'))).status(), 403, 'a non-admin opens /users');
  await signOut(page, url);
});

s.check('a locked user cannot sign in', async ({ page, url }) => {
  await login(page, 'admin', 'demo');
  await page.goto(url(doraEdit));
  await page.check('#user_locked');
  assertEqual(await submit(page, '#user-submit'), 303, 'locking dora');
  await signOut(page, url);
  await page.goto(url('/login'));
  await page.fill('input[name="username"]', LOGIN);
  await page.fill('input[name="password"]', 'correct horse');
  assertEqual(await submit(page, 'form:has(input[name="password"]) button[type="submit"]'), 422, 'sign-in of a locked user');
});

await s.run();
