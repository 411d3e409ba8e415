// Shared set-up for the browser end-to-end tests: Debian's Chromium driven by playwright-core
// against the page that `cargo xtask test` serves with the production headers.

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = process.env.SPENDREIN_URL;
if (!BASE_URL) {
  throw new Error('SPENDREIN_URL is not set: run the browser tests through `cargo xtask test e2e`');
}

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const DATA = join(ROOT, 'tests', 'data', 'e2e');
export const SCREENSHOTS = join(here, 'screenshots');

// Without the background-networking flags Chromium tries to reach the internet (TOOLCHAIN.md).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens a page that records every console error, uncaught exception and CSP violation, so a
 * test can assert there were none (`assertClean`). `locale` sets the browser's language.
 */
export async function openPage(browser, { width = 1280, height = 900, path = '/', locale = 'en-GB' } = {}) {
  // The page speaks the browser's language (web/i18n.js); the tests that read its English
  // words run in British English, whose dates read `1 Apr 2026`.
  const context = await browser.newContext({ viewport: { width, height }, locale });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Failed requests are not problems by themselves (a navigation aborts the requests in flight),
  // but Chromium's "Failed to load resource" console error names no URL: `assertClean` lists
  // them beside the problems so a failure says which request it was.
  const failedRequests = [];
  page.on('requestfailed', (request) => failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
  Object.defineProperty(problems, 'failedRequests', { value: failedRequests });
  await page.exposeBinding('__reportViolation', (_source, text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      globalThis.__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  await page.goto(new URL(path, BASE_URL).href);
  return { context, page, problems };
}

export function assertClean(problems) {
  if (problems.length) {
    const failed = problems.failedRequests?.length ? `\nrequests that failed: ${problems.failedRequests.join(', ')}` : '';
    throw new Error(`the page reported problems:\n${problems.join('\n')}${failed}`);
  }
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
