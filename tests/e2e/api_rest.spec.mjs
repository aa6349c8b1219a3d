// The Redmine-compatible REST API through nginx: authentication the Redmine ways, the issue
// list with filters and paging, create/update/delete with Redmine's status codes and
// {"errors": [...]} bodies, and the same permission rules as the pages (customers see only
// their own issues; their priority and assignee are kept as hints).
import { execFileSync } from 'node:child_process';
import { spec, loadEnv, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const env = loadEnv();
const s = spec('api_rest');

function apiKey(login) {
  return execFileSync(env.TF_ADMIN_BIN, ['--config', env.TF_CONFIG, 'api-key', login],
    { cwd: env.TF_SOURCE_DIR, encoding: 'utf8' }).trim();
}
const keys = {};
for (const user of ['admin', 'bill', 'alex', 'clemens', 'carol']) keys[user] = apiKey(user);

/// fetch against the app; `as` picks the API key, body objects are sent as JSON.
async function api(method, path, { as, body, headers = {}, raw } = {}) {
  const h = { ...headers };
  if (as) h['X-Redmine-API-Key'] = keys[as];
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  }
  const res = await fetch(new URL(path, env.TF_BASE_URL), { method, headers: h, body: payload, redirect: 'manual' });
  const text = await res.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { throw new Error(`${method} ${path}: body is not JSON: ${text.slice(0, 200)}`); }
  }
  return { status: res.status, headers: res.headers, json };
}

function basic(user, password) {
  return { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

async function issueCount(as = 'admin') {
  return (await api('GET', '/issues.json?status_id=*&limit=1', { as })).json.total_count;
}

function assertErrors(res, status, pattern, what) {
  assertEqual(res.status, status, `${what}: status`);
  assertOk(Array.isArray(res.json?.errors) && res.json.errors.some((e) => pattern.test(e)),
    `${what}: errors`, `an entry matching ${pattern}`, res.json);
}

s.check('no credentials, a wrong key or a wrong password: 401 with WWW-Authenticate', async () => {
  const anonymous = await api('GET', '/issues.json');
  assertEqual(anonymous.status, 401, 'anonymous GET /issues.json');
  assertMatch(anonymous.headers.get('www-authenticate'), /^Basic realm="Redmine API"$/, 'WWW-Authenticate');
  assertEqual((await api('GET', '/users/current.json',
    { headers: { 'X-Redmine-API-Key': '0123456789abcdef0123456789abcdef01234567' } })).status, 401, 'unknown key');
  assertEqual((await api('GET', '/users/current.json', { headers: basic('bill', 'wrong') })).status, 401,
    'Basic with a wrong password');
  assertEqual((await api('GET', '/users/current.json', { headers: basic('nobody', 'demo') })).status, 401,
    'Basic with an unknown login');
});

s.check('the key in the header, in ?key=, as Basic user name, and Basic login/password all work', async () => {
  const byHeader = await api('GET', '/users/current.json', { as: 'bill' });
  assertEqual(byHeader.status, 200, 'X-Redmine-API-Key');
  assertEqual(byHeader.json.user.login, 'bill', 'login by header');
  assertEqual(byHeader.json.user.api_key, keys.bill, 'api_key in /users/current.json');
  assertEqual((await api('GET', `/users/current.json?key=${keys.bill}`)).json.user.login, 'bill', '?key=');
  assertEqual((await api('GET', '/users/current.json', { headers: basic(keys.bill, 'x') })).json.user.login,
    'bill', 'Basic with the key as user name');
  assertEqual((await api('GET', '/users/current.json', { headers: basic('bill', 'demo') })).json.user.login,
    'bill', 'Basic login/password');
});

s.check('/issues.json: total_count, offset, limit, filters and paging as Redmine', async () => {
  const all = await api('GET', '/issues.json?status_id=*&limit=5', { as: 'bill' });
  assertEqual(all.status, 200, 'status');
  assertEqual(all.json.limit, 5, 'limit');
  assertEqual(all.json.offset, 0, 'offset');
  assertEqual(all.json.issues.length, 5, 'issues on the page');
  assertOk(all.json.total_count >= 50, 'total_count', '>= 50 (the demo data)', all.json.total_count);
  const ids = all.json.issues.map((i) => i.id);
  assertOk(ids.every((id, n) => n === 0 || id < ids[n - 1]), 'default sort', 'id descending', ids);

  const next = await api('GET', '/issues.json?status_id=*&limit=5&offset=5', { as: 'bill' });
  assertEqual(next.json.offset, 5, 'offset of the second page');
  assertOk(next.json.issues.every((i) => i.id < ids[4]), 'second page', 'ids below the first page', next.json.issues);
  assertEqual((await api('GET', '/issues.json?limit=1000', { as: 'bill' })).json.limit, 100, 'limit capped at 100');

  const fresh = await api('GET', '/projects/psprosupport/issues.json?status_id=1&limit=100', { as: 'bill' });
  assertOk(fresh.json.issues.length > 0, 'New issues in psprosupport', 'some', 0);
  assertOk(fresh.json.issues.every((i) => i.status.id === 1 && i.project.id === 1), 'filtered issues',
    'all New, all psprosupport', fresh.json.issues.map((i) => [i.status.id, i.project.id]));
  assertEqual(fresh.json.total_count, fresh.json.issues.length, 'total_count of the New list');
  const closed = await api('GET', '/issues.json?status_id=closed&limit=100', { as: 'bill' });
  assertOk(closed.json.issues.every((i) => i.status.is_closed), 'status_id=closed', 'closed issues only',
    closed.json.issues.map((i) => i.status.name));

  assertErrors(await api('GET', '/issues.json?status_id=nonsense', { as: 'bill' }), 422, /status_id/, 'bad status_id');
  assertEqual((await api('GET', '/projects/nope/issues.json', { as: 'bill' })).status, 404, 'unknown project');
});

s.check('GET /issues/:id.json with journals; unknown ids 404', async () => {
  const list = await api('GET', '/projects/psprointernal/issues.json?status_id=*&sort=id&limit=100', { as: 'alex' });
  const withHistory = list.json.issues.find((i) => i.updated_on !== i.created_on);
  assertOk(withHistory, 'an internal issue with history', 'one', undefined);
  const shown = await api('GET', `/issues/${withHistory.id}.json?include=journals`, { as: 'alex' });
  assertEqual(shown.status, 200, 'status');
  assertEqual(shown.json.issue.id, withHistory.id, 'id');
  assertOk(shown.json.issue.journals.length > 0, 'journals', 'at least one', 0);
  const detail = shown.json.issue.journals.flatMap((j) => j.details)[0];
  assertOk(detail && detail.property === 'attr' && 'old_value' in detail && 'new_value' in detail,
    'journal detail shape', '{property, name, old_value, new_value}', detail);
  assertEqual((await api('GET', '/issues/99999999.json', { as: 'alex' })).status, 404, 'unknown issue');
  assertEqual((await api('GET', '/issues/abc.json', { as: 'alex' })).status, 404, 'non-numeric id');
});

let created;
s.check('POST /issues.json: 201 with Location and the issue; bad input 4xx and nothing stored', async () => {
  const before = await issueCount();
  const res = await api('POST', '/issues.json', { as: 'bill', body: { issue: {
    project_id: 'psprosupport', tracker_id: 1, subject: 'Printing from the API', description: 'Made by a script.',
    priority_id: 3, assigned_to_id: (await api('GET', '/users/current.json', { as: 'bill' })).json.user.id,
  } } });
  assertEqual(res.status, 201, 'status');
  created = res.json.issue;
  assertMatch(res.headers.get('location'), new RegExp(`/issues/${created.id}$`), 'Location');
  assertEqual(created.subject, 'Printing from the API', 'subject');
  assertEqual(created.priority.name, 'High', 'priority');
  assertEqual(created.assigned_to.name, 'Bill Support', 'assignee');
  assertEqual(created.status.name, 'New', 'status');

  const clemens = (await api('GET', '/users/current.json', { as: 'clemens' })).json.user.id;
  assertErrors(await api('POST', '/issues.json', { as: 'bill', body: { issue: {
    project_id: 1, tracker_id: 1, subject: 'x', assigned_to_id: clemens } } }), 422, /Assignee/,
  'a Support issue assigned to a developer');
  assertErrors(await api('POST', '/issues.json', { as: 'bill', body: { issue: { project_id: 1, subject: '  ' } } }),
    422, /Subject/, 'blank subject');
  assertErrors(await api('POST', '/issues.json', { as: 'bill', body: { issue: { project_id: 1, tracker_id: 'x', subject: 'x' } } }),
    422, /tracker_id/, 'tracker_id not a number');
  assertErrors(await api('POST', '/issues.json', { as: 'bill', body: { issue: { project_id: 999, subject: 'x' } } }),
    422, /Project/, 'unknown project');
  assertErrors(await api('POST', '/issues.json', { as: 'bill', raw: '{"issue": {', headers: { 'Content-Type': 'application/json' } }),
    400, /not valid JSON/, 'malformed JSON');
  assertErrors(await api('POST', '/issues.json', { as: 'bill', raw: 'issue[subject]=x',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415, /application\/json/, 'form body');
  assertErrors(await api('POST', '/issues.json', { as: 'bill', body: { subject: 'no root' } }), 422, /"issue"/, 'no issue object');
  assertEqual(await issueCount(), before + 1, 'issues after one good and seven bad requests');
});

s.check('PUT /issues/:id.json: notes, private notes and fields in one journal; bad edits change nothing', async () => {
  const path = `/issues/${created.id}.json`;
  const ok = await api('PUT', path, { as: 'bill', body: { issue: { notes: 'We are on it.', priority_id: 4 } } });
  assertEqual(ok.status, 204, 'status of a good update');
  assertEqual((await api('PUT', path, { as: 'bill', body: { issue: { notes: 'Customer is grumpy.', private_notes: true } } })).status,
    204, 'private note');
  const now = (await api('GET', `${path}?include=journals`, { as: 'bill' })).json.issue;
  assertEqual(now.priority.name, 'Urgent', 'priority after the update');
  assertEqual(now.journals.length, 2, 'journals');
  assertEqual(now.journals[0].notes, 'We are on it.', 'first note');
  assertEqual(JSON.stringify(now.journals[0].details.map((d) => [d.name, d.old_value, d.new_value])),
    JSON.stringify([['priority_id', '3', '4']]), 'details of the first journal');
  assertEqual(now.journals[1].private_notes, true, 'second note is private');

  assertErrors(await api('PUT', path, { as: 'bill', body: { issue: { notes: 'stale', lock_version: 0 } } }),
    422, /changed this issue/, 'stale lock_version');
  assertErrors(await api('PUT', path, { as: 'bill', body: { issue: { status_id: 2 } } }), 403, /not allowed/,
    'New -> Seen, which the workflow does not give Support');
  assertErrors(await api('PUT', path, { as: 'bill', body: { issue: { status_id: 5 } } }), 422, /note/i,
    'New -> Closed without the note the workflow requires');
  assertErrors(await api('PUT', path, { as: 'bill', body: { issue: { status_id: 999 } } }), 422, /Status/, 'unknown status');
  assertEqual((await api('PUT', path, { as: 'bill', body: { issue: { subject: '' } } })).status, 422, 'blank subject');
  const after = (await api('GET', `${path}?include=journals`, { as: 'bill' })).json.issue;
  assertEqual(after.lock_version, now.lock_version, 'lock_version after the refused edits');
  assertEqual(after.journals.length, 2, 'journals after the refused edits');
  assertEqual(after.subject, now.subject, 'subject after the refused edits');
});

s.check('customers: only their own issues; priority and assignee kept as hints', async () => {
  const mine = await api('GET', '/issues.json?status_id=*&limit=100', { as: 'carol' });
  assertEqual(mine.status, 200, 'carol lists issues');
  const me = (await api('GET', '/users/current.json', { as: 'carol' })).json.user;
  const res = await api('POST', '/issues.json', { as: 'carol', body: { issue: {
    project_id: 'psprosupport', subject: 'Export to PDF crashes', priority_id: 5,
    assigned_to_id: (await api('GET', '/users/current.json', { as: 'clemens' })).json.user.id,
  } } });
  assertEqual(res.status, 201, 'carol creates an issue');
  assertEqual(res.json.issue.priority.name, 'Normal', 'priority applied (the default, not the hint)');
  assertOk(!res.json.issue.assigned_to, 'assignee', 'none', res.json.issue.assigned_to);
  const staffView = (await api('GET', `/issues/${res.json.issue.id}.json`, { as: 'bill' })).json.issue;
  assertEqual(staffView.customer_hints.priority?.name, 'Immediate', 'priority hint shown to support');
  assertEqual(staffView.customer_hints.assigned_to?.name, 'Clemens Developer', 'assignee hint shown to support');

  const again = await api('GET', '/issues.json?status_id=*&limit=100', { as: 'carol' });
  assertEqual(again.json.total_count, mine.json.total_count + 1, 'carol\'s total after her new issue');
  assertOk(again.json.issues.every((i) => i.project.id === 1 && !('customer_hints' in i)), 'carol\'s list',
    'only psprosupport issues, no staff fields', again.json.issues.map((i) => i.project.id));
  assertEqual((await api('GET', `/issues/${created.id}.json`, { as: 'carol' })).status, 404, 'someone else\'s issue');
  assertEqual((await api('PUT', `/issues/${created.id}.json`, { as: 'carol', body: { issue: { notes: 'hi' } } })).status,
    404, 'note on someone else\'s issue');
  assertEqual((await api('GET', '/projects/psprointernal/issues.json', { as: 'carol' })).status, 403, 'internal list');
  assertEqual((await api('GET', '/users.json', { as: 'carol' })).status, 403, '/users.json');
  const own = (await api('GET', `/issues/${res.json.issue.id}.json?include=journals`, { as: 'carol' })).json.issue;
  assertEqual(own.author.id, me.id, 'author of carol\'s issue');
  assertOk(!('customer' in own), 'customer fields for a customer', 'absent', own.customer);
});

s.check('private notes stay hidden from the customer', async () => {
  const carolIssue = (await api('GET', '/issues.json?limit=1', { as: 'carol' })).json.issues[0];
  assertEqual((await api('PUT', `/issues/${carolIssue.id}.json`, { as: 'bill',
    body: { issue: { notes: 'internal remark', private_notes: true } } })).status, 204, 'bill adds a private note');
  const seen = (await api('GET', `/issues/${carolIssue.id}.json?include=journals`, { as: 'carol' })).json.issue;
  assertOk(seen.journals.every((j) => j.notes !== 'internal remark'), 'carol\'s journals', 'without the private note',
    seen.journals.map((j) => j.notes));
  assertOk((await api('GET', `/issues/${carolIssue.id}.json?include=journals`, { as: 'bill' })).json.issue.journals
    .some((j) => j.notes === 'internal remark'), 'bill\'s journals', 'with the private note', undefined);
});

s.check('DELETE /issues/:id.json: 403 without the permission, 204 for an admin, then 404', async () => {
  const path = `/issues/${created.id}.json`;
  const before = await issueCount();
  assertEqual((await api('DELETE', path, { as: 'bill' })).status, 403, 'bill deletes');
  assertEqual(await issueCount(), before, 'issues after the refused delete');
  assertEqual((await api('DELETE', path, { as: 'admin' })).status, 204, 'admin deletes');
  assertEqual((await api('GET', path, { as: 'admin' })).status, 404, 'GET after delete');
  assertEqual(await issueCount(), before - 1, 'issues after the delete');
});

s.check('relations: added from either side, journaled on both issues, removed; bad ones refused', async () => {
  const internal = (await api('GET', '/projects/psprointernal/issues.json?status_id=*&limit=2', { as: 'alex' })).json.issues;
  const [a, b] = internal.map((i) => i.id);
  const made = await api('POST', `/issues/${a}/relations.json`, { as: 'alex',
    body: { relation: { issue_to_id: b, relation_type: 'blocked' } } });
  assertEqual(made.status, 201, 'status');
  // Stored in Redmine's direction: "a blocked by b" is "b blocks a".
  assertEqual(JSON.stringify([made.json.relation.issue_id, made.json.relation.issue_to_id, made.json.relation.relation_type]),
    JSON.stringify([b, a, 'blocks']), 'stored relation');
  const listed = (await api('GET', `/issues/${b}/relations.json`, { as: 'alex' })).json.relations;
  assertOk(listed.some((r) => r.id === made.json.relation.id), 'relations of the other issue', 'include the new one', listed);
  const shown = (await api('GET', `/issues/${a}.json?include=relations,journals`, { as: 'alex' })).json.issue;
  assertOk(shown.relations.some((r) => r.id === made.json.relation.id), 'include=relations', 'the new relation', shown.relations);
  const detail = shown.journals.at(-1).details[0];
  assertEqual(JSON.stringify([detail.property, detail.name, detail.new_value]), JSON.stringify(['relation', 'blocked', String(b)]),
    'journal detail on the issue');

  assertErrors(await api('POST', `/issues/${a}/relations.json`, { as: 'alex',
    body: { relation: { issue_to_id: b, relation_type: 'blocked' } } }), 422, /exists already/, 'the same relation again');
  assertErrors(await api('POST', `/issues/${a}/relations.json`, { as: 'alex',
    body: { relation: { issue_to_id: a, relation_type: 'relates' } } }), 422, /itself/, 'an issue related to itself');
  assertErrors(await api('POST', `/issues/${a}/relations.json`, { as: 'alex',
    body: { relation: { issue_to_id: b, relation_type: 'loves' } } }), 422, /Relation type/, 'an unknown type');
  assertErrors(await api('POST', `/issues/${a}/relations.json`, { as: 'alex',
    body: { relation: { issue_to_id: 99999999, relation_type: 'relates' } } }), 422, /does not exist/, 'an unknown issue');
  assertEqual((await api('POST', `/issues/${a}/relations.json`, { as: 'carol',
    body: { relation: { issue_to_id: b, relation_type: 'relates' } } })).status, 404, 'carol relates internal issues');
  assertEqual((await api('DELETE', `/relations/${made.json.relation.id}.json`, { as: 'carol' })).status, 404,
    'carol deletes the relation');

  assertEqual((await api('DELETE', `/relations/${made.json.relation.id}.json`, { as: 'alex' })).status, 204, 'delete');
  assertEqual((await api('GET', `/relations/${made.json.relation.id}.json`, { as: 'alex' })).status, 404, 'after delete');
  const after = (await api('GET', `/issues/${b}.json?include=relations,journals`, { as: 'alex' })).json.issue;
  assertEqual(after.relations.length, 0, 'relations after delete');
  const removed = after.journals.at(-1).details[0];
  assertEqual(JSON.stringify([removed.property, removed.name, removed.old_value]), JSON.stringify(['relation', 'blocks', String(a)]),
    'journal detail of the removal on the other issue');
});

s.check('copy to and gatekeeper triage through the API', async () => {
  // A support issue that is not carol's (she would get 403 for her own, 404 for others').
  const carols = new Set((await api('GET', '/issues.json?status_id=*&limit=100', { as: 'carol' })).json.issues.map((i) => i.id));
  const support = (await api('GET', '/projects/psprosupport/issues.json?status_id=*&limit=100', { as: 'bill' })).json.issues
    .find((i) => !carols.has(i.id));
  const copied = await api('POST', `/issues/${support.id}/copy.json`, { as: 'bill', body: { copy: { project_id: 'psprointernal' } } });
  assertEqual(copied.status, 201, 'status of the copy');
  const copy = copied.json.issue;
  assertEqual(copy.tracker.name, support.tracker.name === 'Support' ? 'Bug' : 'Feature', 'mapped tracker');
  assertEqual(copy.subject, support.subject, 'subject');
  assertEqual(copy.author.name, 'Bill Support', 'author of the copy');
  assertOk(!('customer' in copy), 'customer on the copy', 'absent', copy.customer);
  const rel = (await api('GET', `/issues/${support.id}/relations.json`, { as: 'bill' })).json.relations;
  assertOk(rel.some((r) => r.relation_type === 'copied_to' && r.issue_to_id === copy.id), 'copied_to relation', 'present', rel);
  assertEqual((await api('POST', `/issues/${support.id}/copy.json`, { as: 'carol', body: { copy: { project_id: 2 } } })).status,
    404, 'carol copies');
  assertErrors(await api('POST', `/issues/${support.id}/copy.json`, { as: 'bill', body: { copy: { project_id: 2, tracker_id: 1 } } }),
    422, /Tracker/, 'a tracker the target project does not use');

  assertErrors(await api('PUT', `/issues/${copy.id}.json`, { as: 'clemens', body: { issue: { triage_checklist: ['problem'] } } }),
    403, /gatekeepers/, 'a developer ticks the checklist');
  const versions = (await api('GET', '/projects/psprointernal/versions.json', { as: 'alex' })).json.versions;
  const clemens = (await api('GET', '/users/current.json', { as: 'clemens' })).json.user.id;
  const triaged = await api('PUT', `/issues/${copy.id}.json`, { as: 'alex', body: { issue: {
    triage_checklist: ['reproduction', 'problem', 'nonsense'], status_id: 2, assigned_to_id: clemens,
    fixed_version_id: versions.find((v) => v.name === '2.1.1').id } } });
  assertEqual(triaged.status, 204, 'gatekeeper triage');
  const after = (await api('GET', `/issues/${copy.id}.json`, { as: 'alex' })).json.issue;
  assertEqual(JSON.stringify(after.triage_checklist), '["problem","reproduction"]', 'stored checklist');
  assertEqual(after.status.name, 'Seen', 'status after triage');
});

s.check('watchers: include=watchers, add and remove; customers may not', async () => {
  const issue = (await api('GET', '/projects/psprointernal/issues.json?limit=1', { as: 'alex' })).json.issues[0];
  const clemens = (await api('GET', '/users/current.json', { as: 'clemens' })).json.user.id;
  const path = `/issues/${issue.id}`;
  await api('DELETE', `${path}/watchers/${clemens}.json`, { as: 'alex' });
  assertEqual((await api('POST', `${path}/watchers.json`, { as: 'alex', body: { user_id: clemens } })).status, 204, 'add');
  let watchers = (await api('GET', `${path}.json?include=watchers`, { as: 'alex' })).json.issue.watchers;
  assertOk(watchers.some((w) => w.id === clemens && w.name === 'Clemens Developer'), 'watchers', 'include clemens', watchers);
  const carol = (await api('GET', '/users/current.json', { as: 'carol' })).json.user.id;
  assertErrors(await api('POST', `${path}/watchers.json`, { as: 'alex', body: { user_id: carol } }), 422, /members/,
    'a customer as watcher of an internal issue');
  assertEqual((await api('DELETE', `${path}/watchers/${clemens}.json`, { as: 'alex' })).status, 204, 'remove');
  watchers = (await api('GET', `${path}.json?include=watchers`, { as: 'alex' })).json.issue.watchers;
  assertOk(!watchers.some((w) => w.id === clemens), 'watchers after removal', 'without clemens', watchers);
  const own = (await api('GET', '/issues.json?limit=1', { as: 'carol' })).json.issues[0];
  assertEqual((await api('POST', `/issues/${own.id}/watchers.json`, { as: 'carol', body: { user_id: carol } })).status,
    403, 'carol watches her own issue');
});

s.check('uploads: token from /uploads.json, attached on create and update, downloadable with the key', async () => {
  const bytes = Buffer.from('2026-11-26 client crashed in export\n');
  const up = await api('POST', '/uploads.json?filename=client%20log.txt', { as: 'bill', raw: bytes,
    headers: { 'Content-Type': 'application/octet-stream' } });
  assertEqual(up.status, 201, 'upload');
  assertMatch(up.json.upload.token, /^\d+\.[0-9a-f]{32}$/, 'token');
  const made = await api('POST', '/issues.json', { as: 'bill', body: { issue: {
    project_id: 'psprosupport', subject: 'With a log file', uploads: [{ token: up.json.upload.token, filename: 'client log.txt' }] } } });
  assertEqual(made.status, 201, 'create with the upload');
  const files = (await api('GET', `/issues/${made.json.issue.id}.json?include=attachments`, { as: 'bill' })).json.issue.attachments;
  assertEqual(files.length, 1, 'attachments of the new issue');
  assertEqual(files[0].filename, 'client log.txt', 'file name');
  assertEqual(files[0].filesize, bytes.length, 'file size');
  const download = await fetch(files[0].content_url, { headers: { 'X-Redmine-API-Key': keys.bill } });
  assertEqual(download.status, 200, 'download with the API key');
  assertOk(Buffer.from(await download.arrayBuffer()).equals(bytes), 'downloaded bytes', 'the uploaded bytes', undefined);

  // A token works once, for its owner only, and a bad one changes nothing.
  assertErrors(await api('POST', '/issues.json', { as: 'bill', body: { issue: {
    project_id: 'psprosupport', subject: 'Reused token', uploads: [{ token: up.json.upload.token }] } } }), 422, /Upload token/,
  'a used token');
  const second = (await api('POST', '/uploads.json?filename=shot.png', { as: 'bill', raw: Buffer.from('PNG'),
    headers: { 'Content-Type': 'application/octet-stream' } })).json.upload.token;
  const before = (await api('GET', `/issues/${made.json.issue.id}.json?include=journals`, { as: 'bill' })).json.issue;
  assertErrors(await api('PUT', `/issues/${made.json.issue.id}.json`, { as: 'alex', body: { issue: { uploads: [{ token: second }] } } }),
    404, /./, 'alex uses bill\'s token on an issue he cannot see');
  assertErrors(await api('PUT', `/issues/${made.json.issue.id}.json`, { as: 'admin', body: { issue: { uploads: [{ token: second }] } } }),
    422, /Upload token/, 'admin uses bill\'s token');
  assertEqual((await api('PUT', `/issues/${made.json.issue.id}.json`, { as: 'bill', body: { issue: { notes: 'screenshot',
    uploads: [{ token: second }] } } })).status, 204, 'update with an upload');
  const after = (await api('GET', `/issues/${made.json.issue.id}.json?include=journals,attachments`, { as: 'bill' })).json.issue;
  assertEqual(after.attachments.length, 2, 'attachments after the update');
  const detail = after.journals.at(-1).details[0];
  assertEqual(JSON.stringify([detail.property, detail.new_value]), JSON.stringify(['attachment', 'shot.png']), 'journal detail');
  assertEqual(before.journals.length + 1, after.journals.length, 'one journal for the update');
  assertErrors(await api('POST', '/uploads.json', { as: 'bill', raw: 'x', headers: { 'Content-Type': 'text/plain' } }),
    406, /octet-stream/, 'wrong content type');
  assertErrors(await api('POST', '/uploads.json', { as: 'bill', raw: Buffer.alloc(0), headers: { 'Content-Type': 'application/octet-stream' } }),
    422, /empty/, 'an empty upload');
  assertEqual((await fetch(files[0].content_url, { headers: { 'X-Redmine-API-Key': keys.carol } })).status, 404,
    'carol downloads bill\'s file');
});

s.check('reference data: projects, trackers, statuses, priorities, versions, users', async () => {
  const projects = (await api('GET', '/projects.json?include=trackers', { as: 'admin' })).json.projects;
  // Other specs may add projects and trackers on the admin pages: look for the demo's own.
  const identifiers = projects.map((p) => p.identifier);
  assertOk(['psprointernal', 'psprosupport'].every((i) => identifiers.includes(i)), 'projects', 'the demo\'s two', identifiers);
  assertOk(projects.every((p) => p.trackers.length > 0), 'include=trackers', 'trackers on every project', projects);
  const carolProjects = (await api('GET', '/projects.json', { as: 'carol' })).json.projects.map((p) => p.identifier);
  assertEqual(JSON.stringify(carolProjects), '["psprosupport"]', 'carol\'s projects');
  const trackers = (await api('GET', '/trackers.json', { as: 'alex' })).json.trackers.map((t) => t.name);
  assertOk(['Support', 'FeatureRequests', 'Bug', 'Task', 'Feature'].every((n) => trackers.includes(n)), 'trackers',
    'the demo\'s five', trackers);
  const statuses = (await api('GET', '/issue_statuses.json', { as: 'alex' })).json.issue_statuses;
  assertEqual(statuses.filter((x) => x.is_closed).length, 2, 'closed statuses');
  const priorities = (await api('GET', '/enumerations/issue_priorities.json', { as: 'alex' })).json.issue_priorities;
  assertEqual(priorities.find((p) => p.is_default)?.name, 'Normal', 'default priority');
  const versions = (await api('GET', '/projects/psprointernal/versions.json', { as: 'alex' })).json.versions;
  assertOk(versions.some((v) => v.name === '2.1.1'), 'versions of psprointernal', 'include 2.1.1', versions);
  assertEqual((await api('GET', '/projects/psprointernal/versions.json', { as: 'carol' })).status, 403,
    'carol reads internal versions');
  const users = await api('GET', '/users.json', { as: 'admin' });
  assertOk(users.json.users.some((u) => u.login === 'carol') && users.json.total_count >= 6, 'admin lists users',
    'carol among >= 6 users', users.json);
  assertEqual((await api('GET', '/users.json', { as: 'bill' })).status, 403, 'bill lists users');
  assertEqual((await api('GET', '/nonexistent.json', { as: 'bill' })).status, 404, 'unknown resource');
});

s.check('with the session cookie, a state change needs X-CSRF-Token', async ({ page, url }) => {
  await login(page, 'bill', 'demo');
  const list = await page.request.get(url('/issues.json?limit=1'));
  assertEqual(list.status(), 200, 'GET with the session cookie');
  const id = (await list.json()).issues[0].id;
  const res = await page.request.put(url(`/issues/${id}.json`), {
    headers: { 'Content-Type': 'application/json' }, data: JSON.stringify({ issue: { notes: 'cross-site?' } }),
  });
  assertEqual(res.status(), 403, 'PUT with the cookie and no X-CSRF-Token');
  const journals = (await api('GET', `/issues/${id}.json?include=journals`, { as: 'bill' })).json.issue.journals;
  assertOk(journals.every((j) => j.notes !== 'cross-site?'), 'journals', 'without the refused note', journals);
});

s.check('my account shows the API key and resets it', async ({ page, url }) => {
  await page.goto(url('/'));
  await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
  await login(page, 'clemens', 'demo');
  await page.goto(url('/my/account'));
  await page.locator('#show-api-key').click();
  assertEqual((await page.locator('#api-key').innerText()).trim(), keys.clemens, 'key on /my/api_key');
  await page.locator('#reset-api-key').click();
  await page.waitForLoadState('load');
  const fresh = (await page.locator('#api-key').innerText()).trim();
  assertOk(fresh !== keys.clemens && /^[0-9a-f]{40}$/.test(fresh), 'new key', '40 hex characters, not the old one', fresh);
  assertEqual((await api('GET', '/users/current.json', { as: 'clemens' })).status, 401, 'the old key after the reset');
  keys.clemens = fresh;
  assertEqual((await api('GET', '/users/current.json', { as: 'clemens' })).json.user.login, 'clemens', 'the new key');
});

await s.run();
