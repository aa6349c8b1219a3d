// The nightly report site (DESIGN §6, issue 6): ticketflow-report builds it from the demo
// data; nginx serves it to staff with view_reports and admins only (auth_request), not to
// anonymous visitors, customers or support staff; every page opened from disk (file://) with
// the network cut off draws every chart, logs no console error, and its tables match the
// chart JSON; the same page through nginx keeps to the CSP. Screenshots of every page go
// to TICKETFLOW_E2E_ARTIFACTS/reports-*.png.
//
// "Network cut off": the browser context is offline and every request that is not file://
// is aborted and counted, so a CDN reference or a fetch fails the check.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spec, loadEnv, login, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const env = loadEnv();
const s = spec('reports');
const PAGES = ['index.html', 'new-issues.html', 'milestones.html', 'turnaround.html'];
// assertEqual compares with ===: arrays go through JSON.
const assertSame = (actual, expected, what) => assertEqual(JSON.stringify(actual), JSON.stringify(expected), what);
const artifacts = process.env.TICKETFLOW_E2E_ARTIFACTS ?? join(env.TF_SOURCE_DIR, 'tests/e2e/artifacts');
let site;

async function signOut(page, url) {
  await page.goto(url('/'));
  await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
}

// Every canvas: drawn pixels (alpha > 0) somewhere, and its table equal to its JSON file.
async function checkCharts(page, dir, name) {
  const charts = await page.evaluate(() => [...document.querySelectorAll('canvas[data-chart]')].map((c) => {
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn += 1;
    const table = document.getElementById(`table-${c.id}`);
    const heads = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim());
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({
      label: tr.querySelector('th').textContent.trim(),
      // "—" is a period without a value: null in the JSON.
      values: [...tr.querySelectorAll('td')].map((td) => (td.textContent.trim() === '—' ? null : Number(td.textContent.trim()))),
    }));
    return { id: c.id, drawn, width: c.width, height: c.height, heads, rows };
  }));
  for (const chart of charts) {
    assertOk(chart.width > 0 && chart.height > 0, `${name} #${chart.id} has a size`);
    assertOk(chart.drawn > 0, `${name} #${chart.id} has drawn pixels`, '> 0', chart.drawn);
    const json = JSON.parse(readFileSync(join(dir, 'data', `${chart.id}.json`), 'utf8'));
    assertSame(chart.heads, json.series.map((x) => x.name), `${chart.id} table columns = JSON series`);
    assertSame(chart.rows.map((r) => r.label), json.labels, `${chart.id} table rows = JSON labels`);
    chart.rows.forEach((row, i) => assertSame(row.values, json.series.map((x) => x.values[i]),
      `${chart.id} row ${row.label} = JSON values`));
    const csv = readFileSync(join(dir, 'data', `${chart.id}.csv`), 'utf8');
    assertEqual(csv.trim().split('\r\n').length, json.labels.length + 1, `${chart.id}.csv has a row per label`);
  }
  return charts.length;
}

s.check('ticketflow-report builds the site from the demo data', async () => {
  const bin = process.env.TICKETFLOW_REPORT_BIN;
  assertOk(bin, 'TICKETFLOW_REPORT_BIN is set (run through ctest)');
  const run = spawnSync(bin, ['--config', env.TF_CONFIG, '--out', env.TF_REPORTS_DIR], { encoding: 'utf8' });
  assertEqual(run.status, 0, `ticketflow-report exit status (stderr: ${run.stderr})`);
  assertMatch(run.stderr, /report: issues read: \d+ issues, \d+ status changes/, 'progress line with counts');
  assertMatch(run.stderr, /report: published: /, 'the publish stage');
  site = realpathSync(join(env.TF_REPORTS_DIR, 'current'));
  const bad = spawnSync(bin, ['--config', env.TF_CONFIG, '--out', env.TF_REPORTS_DIR, '--days', 'many'], { encoding: 'utf8' });
  assertEqual(bad.status, 64, 'a bad --days is a usage error');
  assertMatch(bad.stderr, /--days wants a whole number/, 'and says so');
});

s.check('anonymous visitors get 401 and are never shown a report', async ({ url }) => {
  for (const path of ['/reports/', '/reports/new-issues.html', '/reports/data/new-daily.json', '/reports/assets/chart.umd.js']) {
    const res = await fetch(url(path), { redirect: 'manual' });
    assertEqual(res.status, 401, `GET ${path} anonymous`);
    assertOk(!(await res.text()).includes('new-daily'), `${path} leaks no report content`);
  }
});

s.check('a customer and support staff without view_reports get 403', async ({ page, url }) => {
  for (const user of ['carol', 'bill']) {
    await login(page, user, 'demo');
    const res = await page.goto(url('/reports/new-issues.html'));
    assertEqual(res.status(), 403, `${user} opening the reports`);
    const json = await page.request.get(url('/reports/data/new-daily.json'));
    assertEqual(json.status(), 403, `${user} fetching the JSON`);
    await signOut(page, url);
  }
});

s.check('the manager reads the reports through nginx within the CSP', async ({ page, url }) => {
  await login(page, 'mia', 'demo');
  const res = await page.goto(url('/reports/'));
  assertEqual(res.status(), 200, 'mia opens /reports/');
  assertMatch(res.headers()['content-security-policy'] ?? '', /default-src 'self'/, 'the CSP');
  assertMatch(await page.locator('#headline').innerText(), /Issues in New now/, 'headline figures');
  await page.goto(url('/reports/new-issues.html'));
  await page.waitForFunction(() => [...document.querySelectorAll('canvas')].every((c) => window.Chart?.getChart(c)));
  await signOut(page, url);
});

s.check('every page works from disk with the network cut off', async ({ page, context }) => {
  const attempts = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:')) return route.continue();
    attempts.push(u);
    return route.abort();
  });
  await context.setOffline(true);
  mkdirSync(artifacts, { recursive: true });
  let charts = 0;
  try {
    for (const name of PAGES) {
      await page.goto(pathToFileURL(join(site, name)).href);
      if (name !== 'index.html') {
        await page.waitForFunction(() => [...document.querySelectorAll('canvas')].every((c) => window.Chart?.getChart(c)));
      }
      charts += await checkCharts(page, site, name);
      await page.screenshot({ path: join(artifacts, `reports-${name.replace('.html', '')}.png`), fullPage: true });
    }
    await page.emulateMedia({ media: 'print' });
    await page.goto(pathToFileURL(join(site, 'milestones.html')).href);
    await page.screenshot({ path: join(artifacts, 'reports-milestones-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  } finally {
    await context.setOffline(false);
    await context.unroute('**/*');
  }
  assertSame(attempts, [], 'requests that needed the network');
  assertOk(charts >= 10, 'charts on the report pages', '>= 10', charts);
});

s.check('the index links every report page and the headline figures', async ({ page }) => {
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  const links = await page.locator('ul.reports a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assertSame(links, PAGES.slice(1), 'report links');
  assertMatch(await page.locator('.as-of').innerText(), /generated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/, 'generation time');
  const version = JSON.parse(readFileSync(join(env.TF_SOURCE_DIR, 'node_modules/chart.js/package.json'), 'utf8')).version;
  await page.goto(pathToFileURL(join(site, 'new-issues.html')).href);
  assertMatch(await page.locator('footer').innerText(), new RegExp(`Chart\\.js ${version.replace(/\./g, '\\.')}`), 'pinned Chart.js version');
});

await s.run();
