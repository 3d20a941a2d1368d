/**
 * Headless Chromium for browser tests: Debian's `/usr/bin/chromium` (installed by apt, here and
 * in CI) driven by playwright-core, which downloads no browser. One browser per test file (about
 * half a second to start), one fresh context (cookies, storage) per test.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';

export type { Browser, BrowserContext, Locator, Page };

/** `COMMUN_CHROMIUM` may point elsewhere (another distribution's path); Debian's by default. */
export const CHROMIUM_PATH = process.env.COMMUN_CHROMIUM ?? '/usr/bin/chromium';

/**
 * `--headless` with a user-data-dir of its own: Playwright makes a fresh temporary profile for
 * every launch and deletes it on close (it refuses `--user-data-dir` in `args`).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Actions and assertions waiting longer than this fail (Playwright's default is 30 s). */
export const ACTION_TIMEOUT_MS = 10_000;

export const SCREENSHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
}

const problemsOf = new WeakMap<Page, string[]>();

/**
 * A new context and page (on `baseURL` when given), in French, 1280×800, with the application's
 * Content-Security-Policy in force (no `bypassCSP`). What goes wrong in the page besides the
 * test's own checks is recorded, and `pageProblems(page)` returns it: console errors (a CSP
 * refusal among them), uncaught script errors, and sub-resources (stylesheet, script, image)
 * that failed or answered 4xx/5xx. Tests assert that there are none.
 */
export async function openPage(browser: Browser, baseURL?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  problemsOf.set(page, problems);
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    // Chromium logs every 4xx/5xx answer, the pages a test opens on purpose (a 404) included:
    // failed sub-resources are recorded below instead.
    if (message.text().startsWith('Failed to load resource:')) return;
    problems.push(`console : ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`erreur de script : ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.request().isNavigationRequest()) {
      problems.push(`ressource en erreur : ${response.request().method()} ${response.url()} → ${response.status()}`);
    }
  });
  page.on('requestfailed', (request) => {
    // The browser gives up a favicon (or any resource) it no longer needs when the page goes
    // away: an abort is not a failure to serve it (a 4xx/5xx is caught above).
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (!request.isNavigationRequest() && !aborted) problems.push(`ressource non chargée : ${request.url()} (${request.failure()?.errorText ?? '?'})`);
  });
  return { context, page };
}

export function pageProblems(page: Page): string[] {
  return [...(problemsOf.get(page) ?? [])];
}

/**
 * Clicks what submits a form (or follows a link) and waits for the next document to be loaded:
 * works whether the answer is a redirect or a page at the same address (a form with errors).
 */
export async function submit(page: Page, target: Locator): Promise<void> {
  const loaded = page.waitForEvent('load');
  await target.click();
  await loaded;
}

/** Signs in through the real login form, as a user would (the page must be the login page or reach it). */
export async function login(page: Page, login: string, password: string): Promise<void> {
  if (new URL(page.url(), 'http://x').pathname !== '/login') await page.goto('/login');
  await page.getByLabel('Identifiant', { exact: true }).fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await submit(page, page.getByRole('button', { name: 'Se connecter' }));
}

/** Saves a full-page PNG as e2e/screenshots/<name>.png (a CI artefact) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
