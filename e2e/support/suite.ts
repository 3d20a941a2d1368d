/**
 * `browserSuite`: a suite of browser tests over the real application, on one database kind: the
 * server when reachable (CI requires it), else the embedded one. A journey is about the screens;
 * what the database does behind them is checked on both kinds by the non-browser suites, and a
 * journey on the embedded database costs two to five times as much CI time.
 * `COMMUN_E2E_TOUTES_BASES=1` runs the journeys on every available kind. One Chromium per test file, shared by its suites and closed after the file's
 * last test; one application (fresh database, server on a free port) per suite; one browser
 * context per `openPage` call, so tests do not share cookies.
 */
import { after, before, describe } from 'node:test';
import type { DatabaseKind } from '../../framework/src/db/index.ts';
import { databaseKinds } from '../../framework/test/support/databases.ts';
import { startApp, type AppOptions, type RunningApp } from './app.ts';
import { launchBrowser, openPage, type Browser, type BrowserContext, type Page } from './browser.ts';

/** Decided once per test process, before any suite is declared (as `describeEachDatabase`). */
const availableKinds: DatabaseKind[] = await databaseKinds();
/** The database kinds a journey runs on: the server when reachable, else the embedded one (`COMMUN_E2E_TOUTES_BASES=1`: every available kind). */
export const journeyKinds: DatabaseKind[] =
  process.env.COMMUN_E2E_TOUTES_BASES === '1' ? availableKinds : [availableKinds.includes('postgres') ? 'postgres' : 'pglite'];

let sharedBrowser: Promise<Browser> | undefined;

/** The file's Chromium, started on first use, closed after the file's last test. */
export function fileBrowser(): Promise<Browser> {
  sharedBrowser ??= launchBrowser();
  return sharedBrowser;
}

// Evaluated while the test file loads: a hook of the file's root, run after all its tests.
after(async () => {
  const browser = sharedBrowser;
  sharedBrowser = undefined;
  if (browser) await (await browser).close();
});

export interface BrowserSuite {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A new browser context (no cookies) on the application, and its page. Closed after the suite. */
  openPage(): Promise<Page>;
  /** Suffix for screenshot names, so that both databases' screenshots are kept: `-pglite`, `-postgres`. */
  readonly tag: string;
}

export interface BrowserSuiteOptions extends AppOptions {
  /** Database kinds to run on, among those available (default: the server when reachable, else the embedded one). */
  kinds?: DatabaseKind[];
}

export function browserSuite(title: string, body: (suite: () => BrowserSuite) => void, options: BrowserSuiteOptions = {}): void {
  const kinds = options.kinds ? availableKinds.filter((kind) => options.kinds?.includes(kind)) : journeyKinds;
  for (const kind of kinds) {
    describe(`${title} [${kind === 'pglite' ? 'embarquée' : 'serveur'}]`, () => {
      let current: BrowserSuite | undefined;
      const contexts: BrowserContext[] = [];
      before(async () => {
        const [app, browser] = await Promise.all([startApp(kind, options), fileBrowser()]);
        current = {
          app,
          browser,
          tag: `-${kind}`,
          openPage: async () => {
            const opened = await openPage(browser, app.url);
            contexts.push(opened.context);
            return opened.page;
          },
        };
      });
      after(async () => {
        for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
        await current?.app.close();
      });
      body(() => {
        if (!current) throw new Error('browser suite not ready');
        return current;
      });
    });
  }
}
