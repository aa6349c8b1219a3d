// What specs do beside the browser: SQL on the test database, a round of the mail poller,
// a mail piped to `ticketflow-mail deliver`, a form post that waits for its answer.
import { execFileSync } from 'node:child_process';
import { loadEnv } from './browser.mjs';

const env = loadEnv();

/// One statement through the mariadb client; its output, tab-separated, without headers.
export function sql(statement) {
  return execFileSync('mariadb', ['-S', env.TF_DB_SOCKET, '-u', env.TF_DB_USER, `-p${env.TF_DB_PASSWORD}`, '-N', '-B',
    env.TF_DB_NAME, '-e', statement], { encoding: 'utf8' }).trim();
}

/// One round of the poller: fetch, process, send the outbox (without SMTP: .eml files).
export function pollOnce() {
  execFileSync(env.TF_MAIL_BIN, ['poll', '--once', '--config', env.TF_CONFIG], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/// A message (LF line ends) as an MTA pipes it to the mailbox `support`, then one poller round.
export function deliver(message) {
  execFileSync(env.TF_MAIL_BIN, ['deliver', '--mailbox', 'support', '--config', env.TF_CONFIG],
    { input: message.replace(/\n/g, '\r\n'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  pollOnce();
}

/// Clicks a form's button and waits for the POST's answer and the page it leads to; its status.
export async function submit(page, selector) {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click(selector)]);
  await page.waitForLoadState('load');
  return response.status();
}
