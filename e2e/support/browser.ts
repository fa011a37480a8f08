import fs from 'node:fs';
import { after, before } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { type RunningServer, startServer } from './server.ts';

/** Debian's Chromium; scripts/ensure-browser.sh installs it. */
export const CHROMIUM_PATH = process.env.FRESHSTART_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or false when they can. Passed as the
 * `skip` option of each browser suite, so a machine without Chromium reports a
 * clear reason instead of failing.
 */
export const browserUnavailable: string | false = fs.existsSync(CHROMIUM_PATH)
  ? false
  : `Chromium is not installed at ${CHROMIUM_PATH} and could not be installed (run scripts/ensure-browser.sh as root)`;

/** Launches one headless Chromium for a whole test file. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Starts the server and the browser of one test file side by side; if either
 * fails, stops the other so nothing is left running.
 */
export async function startServerAndBrowser(): Promise<{ server: RunningServer; browser: Browser }> {
  const [server, browser] = await Promise.allSettled([startServer(), launchBrowser()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled')
    return { server: server.value, browser: browser.value };
  if (server.status === 'fulfilled') await server.value.stop();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

/**
 * Starts the server and the browser before the tests of the suite it is called
 * in and stops them after, as every browser test file needs; the answer's
 * `server` and `browser` are those started (reading either before then throws).
 *
 * @example const running = serverAndBrowserForSuite(); … running.browser.newContext()
 */
export function serverAndBrowserForSuite(): { readonly server: RunningServer; readonly browser: Browser } {
  let started: { server: RunningServer; browser: Browser } | undefined;
  before(async () => {
    started = await startServerAndBrowser();
  });
  after(async () => {
    await started?.browser.close();
    await started?.server.stop();
  });
  const get = () => {
    if (!started) throw new Error('the server and browser start before the suite’s tests');
    return started;
  };
  return {
    get server() {
      return get().server;
    },
    get browser() {
      return get().browser;
    },
  };
}
