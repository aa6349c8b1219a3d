// Milestones in the browser (DESIGN §5 "milestones with load"): the gatekeeper finds the
// roadmap from the project's issue list, creates a milestone, edits it, and reads its page
// (issues, progress, load by status and assignee, overdue); a developer may not open the
// form; a duplicate name and a bad date come back as 422 with messages and change nothing;
// a milestone in use is not deleted, an unused one is. The REST API's version calls too.
import { execFileSync } from 'node:child_process';
import { spec, loadEnv, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const env = loadEnv();
const s = spec('milestones');
const NAME = `3.0.${Date.now() % 100000}`;
let milestoneId;
let issueId;

function apiKey(user) {
  return execFileSync(env.TF_ADMIN_BIN, ['--config', env.TF_CONFIG, 'api-key', user],
    { cwd: env.TF_SOURCE_DIR, encoding: 'utf8' }).trim();
}

async function api(method, path, key, body) {
  const headers = { 'X-Redmine-API-Key': key };
  if (body) headers['Content-Type'] = 'application/json';
  const res = await fetch(new URL(path, env.TF_BASE_URL), { method, headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/// Clicks and waits for the page it leads to; returns that document's response.
async function submit(page, selector) {
  // The POST's own answer (a 303 or the form again), then the document that commits.
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().resourceType() === 'document' && r.request().method() === 'POST'),
    page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }),
    page.click(selector),
  ]);
  await page.waitForLoadState('load');
  return response;
}

function isoDate(offsetDays) {
  return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
}

async function signOut(page, url) {
  await page.goto(url('/'));
  await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
}

s.check('alex finds the roadmap from the issue list and sees the seeded milestones', async ({ page, url }) => {
  await login(page, 'alex', 'demo');
  await page.goto(url('/projects/psprointernal/issues'));
  await Promise.all([page.waitForURL(/\/roadmap$/), page.click('#roadmap-link')]);
  const roadmap = await page.locator('#roadmap').innerText();
  for (const name of ['2.1.1', '2.2.0', 'ToDoList']) assertMatch(roadmap, new RegExp(name.replace(/\./g, '\\.')), `${name} listed`);
  assertEqual((await page.goto(url('/projects/psprointernal/versions'))).status(), 200, 'the /versions alias');
});

s.check('alex creates a milestone and sees it in the roadmap', async ({ page, url }) => {
  await page.goto(url('/projects/psprointernal/roadmap'));
  await Promise.all([page.waitForURL(/\/versions\/new$/), page.click('#new-milestone')]);
  await page.fill('#version_name', NAME);
  await page.fill('#version_description', 'Spring release');
  await page.fill('#version_effective_date', isoDate(30));
  const res = await submit(page, '#milestone-save');
  assertEqual(res.status(), 303, 'answer to the create form');
  const m = new URL(page.url()).pathname.match(/^\/versions\/(\d+)$/);
  assertOk(m, 'URL after creating', '/versions/<id>', page.url());
  milestoneId = Number(m[1]);
  assertEqual((await page.locator('#milestone-name').innerText()).trim(), NAME, 'heading of the milestone page');
  await page.goto(url('/projects/psprointernal/roadmap'));
  assertMatch(await page.locator(`#milestone-${milestoneId}`).innerText(), /Spring release/, 'roadmap row');
});

s.check('a duplicate name and a bad date give 422 with messages and change nothing', async ({ page, url }) => {
  await page.goto(url('/projects/psprointernal/versions/new'));
  await page.fill('#version_name', '2.1.1');
  let res = await submit(page, '#milestone-save');
  assertEqual(res.status(), 422, 'status for a duplicate name');
  assertMatch(await page.locator('.flash.error').first().innerText(), /already been taken/, 'duplicate message');

  await page.fill('#version_name', `${NAME}-bad`);
  await page.fill('#version_effective_date', '2027-02-30');
  res = await submit(page, '#milestone-save');
  assertEqual(res.status(), 422, 'status for a bad date');
  assertMatch(await page.locator('.flash.error').first().innerText(), /Due date is not a valid date/, 'date message');
  assertEqual(await page.locator('#version_name').inputValue(), `${NAME}-bad`, 'the typed name kept in the form');

  await page.goto(url(`/versions/${milestoneId}/edit`));
  await page.fill('#version_effective_date', 'next week');
  res = await submit(page, '#milestone-save');
  assertEqual(res.status(), 422, 'status for a bad date on edit');
  await page.goto(url('/projects/psprointernal/roadmap'));
  const roadmap = await page.locator('#roadmap').innerText();
  assertOk(!roadmap.includes(`${NAME}-bad`), 'no milestone from the refused form', 'absent', roadmap);
  assertMatch(await page.locator(`#milestone-${milestoneId}`).innerText(), new RegExp(isoDate(30)), 'due date unchanged');
});

s.check('alex edits it: a past due date', async ({ page, url }) => {
  await page.goto(url(`/versions/${milestoneId}`));
  await Promise.all([page.waitForURL(/\/edit$/), page.click('#edit-milestone')]);
  await page.fill('#version_description', 'Spring release, moved');
  await page.fill('#version_effective_date', isoDate(-2));
  const res = await submit(page, '#milestone-save');
  assertEqual(res.status(), 303, 'answer to the edit form');
  assertEqual(new URL(page.url()).pathname, `/versions/${milestoneId}`, 'back on the milestone page');
  assertEqual((await page.locator('#milestone-due').innerText()).trim().slice(0, 10), isoDate(-2), 'new due date');
  assertEqual(await page.locator('#milestone-overdue').count(), 0, 'overdue without open issues');
});

s.check('with issues in it, its page shows them, the progress, the load, and overdue', async ({ page, url }) => {
  const key = apiKey('alex');
  // Workers refresh their milestone list every few seconds: retry until the new one is known.
  let created;
  for (let attempt = 0; attempt < 30; attempt++) {
    created = await api('POST', '/issues.json', key,
      { issue: { project_id: 'psprointernal', subject: `Milestone e2e ${NAME}`, fixed_version_id: milestoneId } });
    if (created.status === 201) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assertEqual(created.status, 201, `creating an issue in the milestone (${JSON.stringify(created.json)})`);
  issueId = created.json.issue.id;
  await page.goto(url(`/versions/${milestoneId}`));
  assertEqual(await page.locator(`#milestone-issues #issue-${issueId}`).count(), 1, 'the issue listed');
  assertMatch(await page.locator('#milestone-counts').innerText(), /1 open, 0 closed/, 'open vs closed');
  assertMatch(await page.locator('#load-by-status').innerText(), /New\s+1/, 'load by status');
  assertMatch(await page.locator('#load-by-assignee').innerText(), /\(unassigned\)\s+1/, 'load by assignee');
  assertEqual(await page.locator('#milestone-overdue').count(), 1, 'overdue badge');
  await page.goto(url('/projects/psprointernal/roadmap'));
  assertMatch(await page.locator(`#milestone-${milestoneId}`).getAttribute('class'), /overdue/, 'overdue in the roadmap');
});

s.check('deleting the milestone in use is refused with a message', async ({ page, url }) => {
  await page.goto(url(`/versions/${milestoneId}/edit`));
  const res = await submit(page, '#milestone-delete');
  assertEqual(res.status(), 422, 'status of the refused delete');
  assertMatch(await page.locator('.flash.error').first().innerText(), /cannot be deleted: 1 issue uses it/, 'message');
  await page.goto(url('/projects/psprointernal/roadmap'));
  assertEqual(await page.locator(`#milestone-${milestoneId}`).count(), 1, 'still in the roadmap');
  await signOut(page, url);
});

s.check('clemens (Developer) gets 403 on the new-milestone form and sees no manage links', async ({ page, url }) => {
  await login(page, 'clemens', 'demo');
  assertEqual((await page.goto(url('/projects/psprointernal/versions/new'))).status(), 403, 'new form');
  assertEqual((await page.goto(url(`/versions/${milestoneId}/edit`))).status(), 403, 'edit form');
  assertEqual((await page.goto(url(`/versions/${milestoneId}`))).status(), 200, 'the milestone page');
  assertEqual(await page.locator('#edit-milestone').count(), 0, 'edit link for a developer');
  await page.goto(url('/projects/psprointernal/roadmap'));
  assertEqual(await page.locator('#new-milestone').count(), 0, 'new-milestone button for a developer');
  await signOut(page, url);
});

s.check('REST: create 201, duplicate 422, update 204, delete in use 422, delete unused 204', async () => {
  const alex = apiKey('alex');
  const clemens = apiKey('clemens');
  const name = `${NAME}-api`;
  const created = await api('POST', '/projects/psprointernal/versions.json', alex,
    { version: { name, description: 'via API', due_date: '2027-06-30', status: 'open' } });
  assertEqual(created.status, 201, 'create');
  assertEqual(created.json.version.name, name, 'name in the answer');
  assertEqual(created.json.version.due_date, '2027-06-30', 'due_date in the answer');
  const id = created.json.version.id;
  const shown = await api('GET', `/versions/${id}.json`, alex);
  assertEqual(shown.json.version.description, 'via API', 'read back at once');
  const dup = await api('POST', '/projects/psprointernal/versions.json', alex, { version: { name } });
  assertEqual(dup.status, 422, 'duplicate');
  assertOk(dup.json.errors.some((e) => /already been taken/.test(e)), 'duplicate errors', 'a message', dup.json);
  assertEqual((await api('POST', '/projects/psprointernal/versions.json', alex,
    { version: { name: `${name}-2`, due_date: '2027-13-01' } })).status, 422, 'bad date');
  assertEqual((await api('POST', '/projects/psprointernal/versions.json', clemens,
    { version: { name: `${name}-3` } })).status, 403, 'developer');
  assertEqual((await api('PUT', `/versions/${id}.json`, alex, { version: { status: 'locked' } })).status, 204, 'update');
  assertEqual((await api('GET', `/versions/${id}.json`, alex)).json.version.status, 'locked', 'updated status');
  assertEqual((await api('PUT', `/versions/${id}.json`, alex, { version: { status: 'done' } })).status, 422, 'bad status');
  const inUse = await api('DELETE', `/versions/${milestoneId}.json`, alex);
  assertEqual(inUse.status, 422, 'delete in use');
  assertOk(inUse.json.errors.some((e) => /cannot be deleted/.test(e)), 'delete errors', 'a message', inUse.json);
  assertEqual((await api('DELETE', `/versions/${id}.json`, alex)).status, 204, 'delete unused');
  assertEqual((await api('GET', `/versions/${id}.json`, alex)).status, 404, 'gone');
});

await s.run();
