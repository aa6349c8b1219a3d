// Shared helpers for the e2e specs: Debian's Chromium via playwright-core, the test
// environment written by tests/fixtures/services.sh, a tiny check runner and assertions.
//
//   import { spec, login, assertEqual } from './lib/browser.mjs';
//   const s = spec('smoke');
//   s.check('login page answers 200', async ({ page, url }) => { ... });
//   await s.run();
//
// Checks run in order in one browser page; the first failure stops the spec (later checks
// usually depend on it), saves a screenshot and the page's HTML into
// TICKETFLOW_E2E_ARTIFACTS, and the process exits 1. Console errors (a sub-resource that
// failed to load, console.error) and uncaught page errors fail the check during which they
// happened; a page answered with an HTTP error status does not (check response.status()). Last line: "N passed, N failed[, N skipped]".

import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_DIR = process.env.TICKETFLOW_SOURCE_DIR
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/// Reads the KEY=VALUE file named by TICKETFLOW_TEST_ENV (written by services.sh) into an
/// object. Throws when the variable or the file is missing.
export function loadEnv(file = process.env.TICKETFLOW_TEST_ENV) {
  if (!file) throw new Error('TICKETFLOW_TEST_ENV is not set (run the spec through ctest)');
  const env = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  if (!env.TF_BASE_URL) throw new Error(`${file} has no TF_BASE_URL: is the web fixture up?`);
  return env;
}

function show(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof RegExp) return String(value);
  try { return JSON.stringify(value); } catch { return String(value); }
}

/// Throws "WHAT: expected E, got A" unless actual === expected.
export function assertEqual(actual, expected, what = 'value') {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/// Throws unless String(actual) matches the regular expression.
export function assertMatch(actual, regex, what = 'value') {
  if (actual === undefined || actual === null || !regex.test(String(actual))) {
    throw new Error(`${what}: expected to match ${regex}, got ${show(actual)}`);
  }
}

/// Throws unless value is truthy; expected/actual describe what was wanted and seen.
export function assertOk(value, what = 'condition', expected = 'true', actual = value) {
  if (!value) throw new Error(`${what}: expected ${expected}, got ${show(actual)}`);
}

/// Logs in through the form at /login and waits for the redirect to /. Throws (with the
/// page's URL and any error text) when the app does not land on /.
export async function login(page, user, password, baseUrl = loadEnv().TF_BASE_URL) {
  await page.goto(new URL('/login', baseUrl).href);
  const form = page.locator('form:has(input[name="password"])');
  await form.locator('input[name="username"]').fill(user);
  await form.locator('input[name="password"]').fill(password);
  // One committed navigation: the redirect target on success (redirect hops do not commit),
  // the re-rendered form on failure.
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
  });
  await form.locator('button[type="submit"], input[type="submit"]').first().click();
  await navigated;
  await page.waitForLoadState('load');
  const path = new URL(page.url()).pathname;
  if (path !== '/') {
    const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 300);
    throw new Error(`login as ${user}: expected to land on "/", got "${path}" (page says: ${text})`);
  }
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/// Creates a spec: register checks with .check(name, fn), then await .run(). Options:
/// ignoreConsole: regexes of console errors a spec expects (e.g. a deliberate 404).
export function spec(name, { ignoreConsole = [], timeoutMs = 240000 } = {}) {
  const checks = [];
  return {
    check(title, fn) { checks.push({ title, fn }); },
    async run() { return runChecks(name, checks, ignoreConsole, timeoutMs); },
  };
}

async function runChecks(name, checks, ignoreConsole, timeoutMs) {
  let passed = 0;
  let failed = 0;
  let context;
  let userDataDir;
  const artifacts = process.env.TICKETFLOW_E2E_ARTIFACTS ?? join(SOURCE_DIR, 'tests/e2e/artifacts');
  // Never outlive ctest's timeout: report and exit on our own first.
  const watchdog = setTimeout(() => {
    console.error(`${name}: gave up after ${timeoutMs / 1000}s`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    process.exit(1);   // playwright-core kills the browser on exit
  }, timeoutMs);
  watchdog.unref();
  // Ctrl-C or ctest's kill: close Chromium and remove its profile folder before leaving.
  const onSignal = async (signal) => {
    console.log(`${name}: ${signal}`);
    await context?.close().catch(() => {});
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const env = loadEnv();
    const baseUrl = env.TF_BASE_URL;
    userDataDir = mkdtempSync(join(tmpdir(), 'tf-e2e-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(15000);
    context.setDefaultNavigationTimeout(20000);
    const page = context.pages()[0] ?? await context.newPage();
    const problems = [];
    // A page answered with 4xx/5xx (a form re-rendered with 422, a 404 page) makes Chromium log
    // "Failed to load resource"; the spec checks that status itself, so only failing
    // sub-resources (CSS, scripts, images) and script errors count as problems.
    const failedDocuments = new Set();
    page.on('response', (response) => {
      if (response.status() >= 400 && response.request().resourceType() === 'document') {
        failedDocuments.add(response.url());
      }
    });
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const url = msg.location().url || '';
      problems.push({ text: `console error: ${msg.text()} (${url || 'page'})`, url,
                      loadFailure: msg.text().startsWith('Failed to load resource') });
    });
    page.on('pageerror', (err) => problems.push({ text: `page error: ${err.message}` }));
    const realProblems = () => problems
      .filter((p) => !(p.loadFailure && failedDocuments.has(p.url)))
      .filter((p) => !ignoreConsole.some((re) => re.test(p.text)))
      .map((p) => p.text);
    const ctx = {
      page, context, env, baseUrl,
      url: (path) => new URL(path, baseUrl).href,
      request: context.request,
      sourceDir: SOURCE_DIR,
    };

    for (const [i, { title, fn }] of checks.entries()) {
      problems.length = 0;
      failedDocuments.clear();
      const started = Date.now();
      try {
        await fn(ctx);
        // Late console errors (scripts running after load) belong to this check too.
        await page.waitForTimeout(50);
        const found = realProblems();
        if (found.length) throw new Error(found.join('\n'));
        passed += 1;
        console.log(`ok ${i + 1} - ${title} (${Date.now() - started} ms)`);
      } catch (err) {
        failed += 1;
        console.log(`not ok ${i + 1} - ${title}`);
        console.log(`  ${String(err?.stack ?? err).split('\n').join('\n  ')}`);
        await saveArtifacts(page, artifacts, `${name}-${i + 1}-${slug(title)}`);
        break;
      }
    }
  } catch (err) {
    failed += 1;
    console.log(`not ok - ${name}: ${err?.stack ?? err}`);
  } finally {
    await context?.close().catch(() => {});
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  }
  clearTimeout(watchdog);
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  const skipped = checks.length - passed - failed;
  const allRan = passed === checks.length;
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed === 0 && allRan && checks.length > 0 ? 0 : 1;
  return process.exitCode === 0;
}

async function saveArtifacts(page, dir, base) {
  try {
    mkdirSync(dir, { recursive: true });
    const png = join(dir, `${base}.png`);
    await page.screenshot({ path: png, fullPage: true, timeout: 10000 });
    writeFileSync(join(dir, `${base}.html`), await page.content());
    console.log(`  page at failure: ${page.url()}\n  screenshot: ${png}`);
  } catch (err) {
    console.log(`  (no screenshot: ${err.message})`);
  }
}

process.on('unhandledRejection', (err) => {
  console.error('unhandled rejection:', err);
  process.exitCode = 1;
});
