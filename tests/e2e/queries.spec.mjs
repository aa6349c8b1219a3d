// Issue queries through the real stack: save the list's filters as a query, see it listed and
// applied, delete it (the built-in NewIssues query cannot be); full-text search finds an issue by
// a word in a note, never another customer's issue or a private note for a customer; the CSV
// export has the BOM, the header and the rows of the list it came from.
import { spec, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const s = spec('queries');
const stamp = Date.now().toString(36);          // letters and digits: one FULLTEXT token each
const queryName = `E2E support by subject ${stamp}`;
const publicWord = `zebrafish${stamp}`;        // a public note on an issue that is not carol's
const privateWord = `marmalade${stamp}`;       // a private note on carol's issue
const carolWord = `pelican${stamp}`;           // a public note on carol's issue
const listPath = '/projects/psprosupport/issues?status_id=*&sort=subject:asc&limit=100';
let carolIds = [];
let carolIssue = 0;
let otherIssue = 0;
let queryId = 0;

/// Ids of the rows of the issue list (or of the search results) on the page.
async function rowIds(page, table = '#issue-list') {
  return (await page.locator(`${table} tr.issue td.id a`).allInnerTexts()).map(Number);
}

async function signInAs(page, context, baseUrl, user) {
  await context.clearCookies();
  await login(page, user, 'demo', baseUrl);
}

/// Records of an RFC 4180 text (quoted fields may hold commas, quotes and line breaks).
function parseCsv(text) {
  const records = [];
  let record = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 1; }
    else field += c;
  }
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

async function addNote(page, url, issueId, text, isPrivate) {
  await page.goto(url(`/issues/${issueId}`));
  await page.fill('#issue_notes', text);
  if (isPrivate) await page.check('#issue_private_notes');
  await Promise.all([page.waitForURL((u) => u.pathname === `/issues/${issueId}`, { waitUntil: 'load' }),
    page.click('#issue-submit')]);
  assertMatch(await page.locator('.flash.notice').innerText(), /Successful update/, `note on #${issueId} saved`);
}

async function search(page, url, q, expectedStatus = 200) {
  const response = await page.goto(url(`/search?q=${encodeURIComponent(q)}`));
  assertEqual(response.status(), expectedStatus, `status of the search for "${q}"`);
  return rowIds(page, '#search-results');
}

s.check('carol lists her own issues', async ({ page, context, baseUrl, url }) => {
  await signInAs(page, context, baseUrl, 'carol');
  await page.goto(url('/issues?status_id=*&limit=100'));
  carolIds = await rowIds(page);
  assertOk(carolIds.length > 0, 'carol has issues in the demo', 'at least one', carolIds);
  carolIssue = carolIds[0];
  assertEqual(await page.locator('#save-query').count(), 0, 'Save query links for a customer');
});

s.check('support saves the current filters as a private query and sees it applied', async ({ page, context, baseUrl, url }) => {
  await signInAs(page, context, baseUrl, 'bill');
  await page.goto(url(listPath));
  const expected = await rowIds(page);
  assertOk(expected.length > 0, 'rows in the support list', 'some', expected);
  otherIssue = expected.find((id) => !carolIds.includes(id)) ?? 0;
  assertOk(otherIssue > 0, 'a support issue that is not carol\'s', 'an id', otherIssue);
  await Promise.all([page.waitForURL(/\/queries\/new\?/), page.click('#save-query')]);
  assertMatch(await page.locator('#query-filters').innerText(), /subject \(ascending\)/, 'filters shown on the form');
  await page.fill('#query_name', queryName);
  await page.check('#query_visibility_0');
  await Promise.all([page.waitForURL(/\/projects\/psprosupport\/issues\?query_id=\d+$/), page.click('#query-save')]);
  queryId = Number(new URL(page.url()).searchParams.get('query_id'));
  assertMatch(await page.locator('h1').innerText(), new RegExp(queryName), 'title of the applied query');
  assertEqual((await page.locator('#saved-queries li.current a').innerText()).trim(), queryName,
    'the query marked as current in the saved queries');
  assertEqual(JSON.stringify(await rowIds(page)), JSON.stringify(expected), 'rows of the applied query');
});

s.check('the query is in /queries.json for its owner and nowhere for others', async ({ page, context, baseUrl, url }) => {
  const body = await (await page.request.get(url('/queries.json'))).json();
  const mine = body.queries.find((q) => q.id === queryId);
  assertOk(mine, `query ${queryId} in /queries.json`, 'present', body);
  assertEqual(mine.name, queryName, 'name in /queries.json');
  assertEqual(mine.is_public, false, 'is_public in /queries.json');
  assertEqual(typeof mine.project_id, 'number', 'project_id in /queries.json');
  assertEqual(body.total_count, body.queries.length, 'total_count (one page)');
  await signInAs(page, context, baseUrl, 'mia');
  await page.goto(url('/projects/psprosupport/issues'));
  assertEqual(await page.locator(`#query-${queryId}`).count(), 0, 'bill\'s private query in mia\'s list');
  const response = await page.goto(url(`/projects/psprosupport/issues?query_id=${queryId}`));
  assertEqual(response.status(), 404, 'status of another user\'s private query');
});

s.check('the built-in NewIssues query has no delete button and a crafted delete is refused', async ({ page, context, baseUrl, url }) => {
  await signInAs(page, context, baseUrl, 'bill');
  await page.goto(url('/projects/psprosupport/issues'));
  const builtin = page.locator('#saved-queries li', { has: page.locator('a', { hasText: /^NewIssues$/ }) });
  assertEqual(await builtin.count(), 1, 'NewIssues in the saved queries');
  assertEqual(await builtin.locator('form').count(), 0, 'delete forms of NewIssues');
  const builtinId = (await builtin.getAttribute('id')).replace('query-', '');
  const token = await page.locator('form[action="/logout"] input[name="csrf_token"]').inputValue();
  const response = await page.request.post(url(`/queries/${builtinId}/delete`), {
    form: { csrf_token: token }, maxRedirects: 0,
  });
  assertEqual(response.status(), 403, 'status of deleting the built-in query');
  assertMatch(await response.text(), /Built-in queries cannot be deleted/, 'message');
});

s.check('the owner deletes the query and it is gone', async ({ page, url }) => {
  await page.goto(url(`/projects/psprosupport/issues?query_id=${queryId}`));
  await Promise.all([page.waitForURL((u) => u.pathname === '/projects/psprosupport/issues' && u.search === ''),
    page.click(`#query-${queryId} button`)]);
  assertEqual(await page.locator(`#query-${queryId}`).count(), 0, 'the deleted query in the list');
  const response = await page.goto(url(`/projects/psprosupport/issues?query_id=${queryId}`));
  assertEqual(response.status(), 404, 'status of the deleted query');
});

s.check('search finds an issue by a word in a note, also a private one for staff', async ({ page, url }) => {
  await addNote(page, url, otherIssue, `Customer called back: ${publicWord} happens again.`, false);
  await addNote(page, url, carolIssue, `Internal: ${privateWord} is the root cause.`, true);
  await addNote(page, url, carolIssue, `We are looking into ${carolWord}.`, false);
  assertEqual(JSON.stringify(await search(page, url, publicWord)), JSON.stringify([otherIssue]), 'bill finds the public note');
  assertEqual(JSON.stringify(await search(page, url, privateWord.toUpperCase())), JSON.stringify([carolIssue]),
    'bill finds the private note');
});

s.check('search results download as CSV with the same rows', async ({ page, url }) => {
  await search(page, url, publicWord);
  const href = await page.locator('#csv-export').getAttribute('href');
  const response = await page.request.get(url(href));
  assertEqual(response.status(), 200, 'status of the search CSV');
  const records = parseCsv((await response.body()).toString('utf8').replace(/^\uFEFF/, ''));
  assertEqual(JSON.stringify(records.slice(1).map((r) => Number(r[0]))), JSON.stringify([otherIssue]), 'ids in the CSV');
});

s.check('operators or punctuation only give a clear message, not an error page', async ({ page, url }) => {
  await search(page, url, '+-()"*~<>@', 400);
  assertMatch(await page.locator('#search-error').innerText(), /Nothing to search for/, 'message');
  assertEqual(await page.locator('#search-q').inputValue(), '+-()"*~<>@', 'the search text is kept in the box');
});

s.check('the list downloads as CSV with BOM, header and the same ids', async ({ page, url }) => {
  await page.goto(url(listPath));
  const ids = await rowIds(page);
  const href = await page.locator('#csv-export').getAttribute('href');
  assertMatch(href, /^\/projects\/psprosupport\/issues\.csv\?/, 'CSV link');
  const response = await page.request.get(url(href));
  assertEqual(response.status(), 200, 'status of the CSV');
  assertMatch(response.headers()['content-type'], /^text\/csv; charset=utf-8/, 'Content-Type');
  assertMatch(response.headers()['content-disposition'], /^attachment; filename="psprosupport-issues\.csv"/,
    'Content-Disposition');
  const bytes = await response.body();
  assertEqual(bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM');
  const records = parseCsv(bytes.subarray(3).toString('utf8'));
  assertEqual(records[0].join(','), '#,Project,Tracker,Status,Priority,Subject,Assignee,Milestone,Created,Updated',
    'header');
  const csvIds = records.slice(1).map((r) => Number(r[0]));
  // The page shows up to 100 rows; the file has them all, in the same order.
  assertEqual(JSON.stringify(csvIds.slice(0, ids.length)), JSON.stringify(ids), 'ids in the CSV');
  if (await page.locator('a.next').count() === 0) assertEqual(csvIds.length, ids.length, 'rows in the CSV');
  assertOk(records.slice(1).every((r) => r.length === 10 && r[1] === 'PSProSupport'), 'ten columns, project name',
    'every row', records.slice(1, 3));
});

s.check('carol finds neither other customers\' issues nor private notes, but her own', async ({ page, context, baseUrl, url }) => {
  await signInAs(page, context, baseUrl, 'carol');
  assertEqual((await search(page, url, publicWord)).length, 0, 'carol\'s results for another customer\'s note');
  assertEqual(await page.locator('#no-results').count(), 1, 'the no-results message');
  assertEqual((await search(page, url, privateWord)).length, 0, 'carol\'s results for a private note on her issue');
  assertEqual(JSON.stringify(await search(page, url, carolWord)), JSON.stringify([carolIssue]),
    'carol finds her issue by its public note');
  const csv = await page.request.get(url(`/search.csv?q=${privateWord}`));
  assertEqual(parseCsv((await csv.body()).toString('utf8')).length, 1, 'records of carol\'s CSV (the header only)');
});

await s.run();
