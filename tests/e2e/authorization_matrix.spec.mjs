// Authorization matrix: every role (anonymous, customer, manager, developer, gatekeeper,
// support, admin) × pages and API endpoints × own / other / internal issues and an attachment.
// Each cell is the HTTP status the role must get; for refused writes, the issue must be
// unchanged afterwards. Assigning a Support issue to a non-support user is refused by the
// form and by the API.
import { execFileSync } from 'node:child_process';
import { spec, loadEnv, assertEqual, assertOk } from './lib/browser.mjs';

const env = loadEnv();
const s = spec('authorization_matrix');
const base = (path) => new URL(path, env.TF_BASE_URL).href;

function apiKey(login) {
  return execFileSync(env.TF_ADMIN_BIN, ['--config', env.TF_CONFIG, 'api-key', login],
    { cwd: env.TF_SOURCE_DIR, encoding: 'utf8' }).trim();
}

/// Signs in through the form with fetch; returns the Cookie header value of the session.
async function sessionOf(login) {
  const form = await fetch(base('/login'));
  const loginCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = (await form.text()).match(/name="csrf_token" value="([^"]+)"/)[1];
  const res = await fetch(base('/login'), {
    method: 'POST', redirect: 'manual', headers: { Cookie: loginCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: login, password: 'demo', csrf_token: csrf }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('tf_session='));
  assertOk(session, `session cookie for ${login}`, 'set', res.status);
  return session;
}

const roles = ['anonymous', 'carol', 'mia', 'clemens', 'alex', 'bill', 'admin'];
const who = {};
const ids = {};

async function api(role, method, path, body) {
  const headers = {};
  if (role !== 'anonymous') headers['X-Redmine-API-Key'] = who[role].key;
  if (body) headers['Content-Type'] = 'application/json';
  const res = await fetch(base(path), { method, headers, body: body && JSON.stringify(body), redirect: 'manual' });
  return { status: res.status, json: res.status === 200 || res.status === 201 ? await res.json() : null };
}

async function page(role, path) {
  const headers = role === 'anonymous' ? {} : { Cookie: who[role].cookie };
  const res = await fetch(base(path), { headers, redirect: 'manual' });
  return res.status;
}

async function issueState(id) {
  const res = await api('admin', 'GET', `/issues/${id}.json?include=journals`);
  return JSON.stringify([res.json.issue.lock_version, res.json.issue.journals.length, res.json.issue.assigned_to ?? null]);
}

s.check('set up: sessions, keys, a customer issue, a support issue with a file, an internal issue', async () => {
  for (const role of roles.slice(1)) who[role] = { key: apiKey(role), cookie: await sessionOf(role) };
  ids.carols = (await api('carol', 'POST', '/issues.json', { issue: { project_id: 'psprosupport', subject: 'Matrix: carol\'s' } })).json.issue.id;
  ids.support = (await api('bill', 'POST', '/issues.json', { issue: { project_id: 'psprosupport', subject: 'Matrix: support' } })).json.issue.id;
  ids.internal = (await api('alex', 'POST', '/issues.json', { issue: { project_id: 'psprointernal', subject: 'Matrix: internal' } })).json.issue.id;
  // A file on the support issue, through bill's edit form.
  const html = await (await fetch(base(`/issues/${ids.support}`), { headers: { Cookie: who.bill.cookie } })).text();
  const form = new FormData();
  form.set('csrf_token', html.match(/name="csrf_token" value="([^"]+)"/)[1]);
  form.set('lock_version', html.match(/name="lock_version" value="(\d+)"/)[1]);
  form.set('notes', 'log attached');
  form.append('attachments', new Blob(['client log line 1\n']), 'client.log');
  const posted = await fetch(base(`/issues/${ids.support}`), { method: 'POST', body: form, headers: { Cookie: who.bill.cookie }, redirect: 'manual' });
  assertEqual(posted.status, 303, 'upload on the support issue');
  const after = await (await fetch(base(`/issues/${ids.support}`), { headers: { Cookie: who.bill.cookie } })).text();
  ids.download = after.match(/href="(\/attachments\/download\/\d+\/[^"]+)"/)[1];
  assertOk(ids.carols && ids.support && ids.internal && ids.download, 'fixtures', 'all made', ids);
});

// [what, request(role) -> status, expected per role in the order of `roles`]
const R = 303; // anonymous pages send the visitor to the sign-in form
const matrix = [
  ['GET / (page)', (r) => page(r, '/'), [R, 200, 200, 200, 200, 200, 200]],
  ['GET support project list', (r) => page(r, '/projects/psprosupport/issues'), [R, 200, 200, 403, 403, 200, 200]],
  ['GET internal project list', (r) => page(r, '/projects/psprointernal/issues'), [R, 403, 200, 200, 200, 200, 200]],
  ['GET carol\'s issue (page)', (r) => page(r, `/issues/${ids.carols}`), [R, 200, 200, 404, 404, 200, 200]],
  ['GET another support issue (page)', (r) => page(r, `/issues/${ids.support}`), [R, 404, 200, 404, 404, 200, 200]],
  ['GET internal issue (page)', (r) => page(r, `/issues/${ids.internal}`), [R, 404, 200, 200, 200, 200, 200]],
  ['GET the support issue\'s file', (r) => page(r, ids.download), [R, 404, 200, 404, 404, 200, 200]],
  ['GET /issues/new', (r) => page(r, '/issues/new'), [R, 200, 403, 200, 200, 200, 200]],
  ['GET /my/account', (r) => page(r, '/my/account'), [R, 200, 200, 200, 200, 200, 200]],
  ['GET /admin', (r) => page(r, '/admin'), [R, 403, 403, 403, 403, 403, 200]],
  ['GET the workflow editor', (r) => page(r, '/workflows/edit?tracker_id=1&role_id=1'), [R, 403, 403, 403, 403, 403, 200]],
  ['GET project settings', (r) => page(r, '/projects/psprosupport/settings'), [R, 403, 403, 403, 403, 403, 200]],
  ['GET /roles', (r) => page(r, '/roles'), [R, 403, 403, 403, 403, 403, 200]],
  ['API GET carol\'s issue', (r) => api(r, 'GET', `/issues/${ids.carols}.json`).then((x) => x.status), [401, 200, 200, 404, 404, 200, 200]],
  ['API GET another support issue', (r) => api(r, 'GET', `/issues/${ids.support}.json`).then((x) => x.status), [401, 404, 200, 404, 404, 200, 200]],
  ['API GET internal issue', (r) => api(r, 'GET', `/issues/${ids.internal}.json`).then((x) => x.status), [401, 404, 200, 200, 200, 200, 200]],
  ['API GET internal list', (r) => api(r, 'GET', '/projects/psprointernal/issues.json').then((x) => x.status), [401, 403, 200, 200, 200, 200, 200]],
  ['API GET /users.json', (r) => api(r, 'GET', '/users.json').then((x) => x.status), [401, 403, 403, 403, 403, 403, 200]],
  ['API POST an internal issue', (r) => api(r, 'POST', '/issues.json', { issue: { project_id: 'psprointernal', subject: `Matrix by ${r}` } }).then((x) => x.status),
    [401, 403, 403, 201, 201, 201, 201]],
];

s.check('reads and creates: every role gets exactly its status', async () => {
  const wrong = [];
  for (const [what, request, expected] of matrix) {
    for (const [i, role] of roles.entries()) {
      const got = await request(role);
      if (got !== expected[i]) wrong.push(`${what} as ${role}: expected ${expected[i]}, got ${got}`);
    }
  }
  assertOk(wrong.length === 0, 'matrix cells', 'all as expected', wrong.join('\n'));
});

const writes = [
  // [what, issue key, body, expected per role]
  ['note on carol\'s issue', 'carols', { notes: 'matrix note' }, [401, 204, 403, 404, 404, 204, 204]],
  ['note on the internal issue', 'internal', { notes: 'matrix note' }, [401, 404, 403, 204, 204, 204, 204]],
  // bill moves it; for admin, after him, it is already Accepted: a no-op, also 204 as in Redmine.
  ['status of the support issue to Accepted', 'support', { status_id: 3 }, [401, 404, 403, 404, 404, 204, 204]],
];

s.check('writes: refused ones change nothing', async () => {
  const wrong = [];
  for (const [what, key, body, expected] of writes) {
    for (const [i, role] of roles.entries()) {
      const before = await issueState(ids[key]);
      const got = (await api(role, 'PUT', `/issues/${ids[key]}.json`, { issue: body })).status;
      if (got !== expected[i]) wrong.push(`${what} as ${role}: expected ${expected[i]}, got ${got}`);
      if (got >= 400 && (await issueState(ids[key])) !== before) wrong.push(`${what} as ${role}: refused but changed`);
    }
  }
  assertOk(wrong.length === 0, 'write cells', 'all as expected', wrong.join('\n'));
});

s.check('menus offer only what the role may open', async () => {
  const links = {};
  for (const role of roles.slice(1)) {
    const html = await (await fetch(base('/'), { headers: { Cookie: who[role].cookie } })).text();
    links[role] = ['nav-customers', 'nav-users'].filter((id) => html.includes(`id="${id}"`)).join(',');
  }
  assertEqual(JSON.stringify(links), JSON.stringify({
    carol: '', mia: 'nav-customers', clemens: '', alex: '', bill: 'nav-customers', admin: 'nav-customers,nav-users',
  }), 'Customers and Users links per role');
});

s.check('a Support issue cannot be assigned to a non-support user, by API or form', async () => {
  const clemens = (await api('clemens', 'GET', '/users/current.json')).json.user.id;
  const before = await issueState(ids.support);
  for (const role of ['bill', 'admin']) {
    const res = await api(role, 'PUT', `/issues/${ids.support}.json`, { issue: { assigned_to_id: clemens } });
    assertEqual(res.status, 422, `API assignment to clemens as ${role}`);
  }
  const html = await (await fetch(base(`/issues/${ids.support}`), { headers: { Cookie: who.bill.cookie } })).text();
  const form = new URLSearchParams({
    csrf_token: html.match(/name="csrf_token" value="([^"]+)"/)[1],
    lock_version: html.match(/name="lock_version" value="(\d+)"/)[1],
    assigned_to_id: String(clemens),
  });
  const posted = await fetch(base(`/issues/${ids.support}`), { method: 'POST', body: form, redirect: 'manual',
    headers: { Cookie: who.bill.cookie, 'Content-Type': 'application/x-www-form-urlencoded' } });
  assertEqual(posted.status, 422, 'form assignment to clemens');
  assertOk((await posted.text()).includes('Assignee cannot be assigned issues of this tracker'), 'form error',
    'names the assignee rule', undefined);
  assertEqual(await issueState(ids.support), before, 'the support issue after the refused assignments');
});

await s.run();
