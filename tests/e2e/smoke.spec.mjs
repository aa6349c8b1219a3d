// Smoke test of the deployment: nginx in front of ticketflow-fcgi answers the login page
// with its security headers, and serves /static/ from web/static itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spec, assertEqual, assertMatch, assertOk } from './lib/browser.mjs';

const s = spec('smoke');

s.check('GET /login answers 200 with the login form', async ({ page, url }) => {
  const response = await page.goto(url('/login'));
  assertEqual(response.status(), 200, 'status of GET /login');
  assertMatch(response.headers()['content-type'], /^text\/html/, 'Content-Type of /login');
  const form = page.locator('form:has(input[name="password"])');
  assertEqual(await form.count(), 1, 'forms with a password field');
  assertEqual(await form.locator('input[name="username"]').count(), 1, 'input name="username"');
  assertEqual(await form.locator('input[name="password"][type="password"]').count(), 1,
    'input name="password" type="password"');
  assertOk(await form.locator('button[type="submit"], input[type="submit"]').count() >= 1,
    'submit buttons in the login form', 'at least 1', 0);
});

s.check('GET /healthz answers 200 for load balancers; check-config passes, and fails on a bad folder', async ({ request, url, env }) => {
  const response = await request.get(url('/healthz'));
  assertEqual(response.status(), 200, 'status of GET /healthz');
  assertEqual(await response.text(), 'ok\n', 'body');
  const ok = spawnSync(env.TF_ADMIN_BIN, ['--config', env.TF_CONFIG, 'check-config'], { encoding: 'utf8' });
  assertEqual(ok.status, 0, `check-config on the test configuration (${ok.stdout})`);
  assertMatch(ok.stdout, /ok\s+migrations current/, 'the migrations line');
  assertMatch(ok.stdout, /all checks passed/, 'the summary');
  const dir = mkdtempSync(join(tmpdir(), 'tf-check-'));
  try {
    const broken = join(dir, 'broken.conf');
    writeFileSync(join(dir, 'file'), 'not a folder');
    writeFileSync(broken, readFileSync(env.TF_CONFIG, 'utf8').replace(/^attachments\s*=.*$/m, `attachments = ${join(dir, 'file')}`));
    const bad = spawnSync(env.TF_ADMIN_BIN, ['--config', broken, 'check-config'], { encoding: 'utf8' });
    assertEqual(bad.status, 1, `check-config with the attachments folder a file (${bad.stdout})`);
    assertMatch(bad.stdout, /FAILED\s+attachments folder writable/, 'the failed check');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

s.check('the login page carries CSP, X-Content-Type-Options and X-Frame-Options', async ({ page, url }) => {
  const response = await page.goto(url('/login'));
  const headers = response.headers();
  assertMatch(headers['content-security-policy'], /default-src/, 'Content-Security-Policy');
  assertEqual(headers['x-content-type-options'], 'nosniff', 'X-Content-Type-Options');
  assertMatch(headers['x-frame-options'], /^(DENY|SAMEORIGIN)$/i, 'X-Frame-Options');
});

s.check('/static/style.css is served by nginx from web/static', async ({ request, url, sourceDir }) => {
  const response = await request.get(url('/static/style.css'));
  assertEqual(response.status(), 200, 'status of GET /static/style.css');
  assertMatch(response.headers()['content-type'], /^text\/css/, 'Content-Type of style.css');
  // nginx's static handler answers with an ETag and the file's bytes; the app serves no files.
  assertOk(response.headers().etag, 'ETag header (sent by nginx for static files)', 'present', undefined);
  const onDisk = readFileSync(join(sourceDir, 'web/static/style.css'));
  assertOk(onDisk.equals(await response.body()), 'body of /static/style.css',
    `the ${onDisk.length} bytes of web/static/style.css`, `${(await response.body()).length} other bytes`);
});

await s.run();
