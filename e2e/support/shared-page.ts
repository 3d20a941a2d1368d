/**
 * A page the tests of a suite share: a user signed in once, on the first test that needs him,
 * instead of a new browser context and a sign-in per test (about 4 s of CPU each). `open` makes
 * it on first use; if that fails, the next test tries again rather than inheriting the failure.
 */
import type { Page } from './browser.ts';

export function sharedPage(open: () => Promise<Page>): () => Promise<Page> {
  let page: Promise<Page> | undefined;
  return () => {
    page ??= open().catch((error: unknown) => {
      page = undefined;
      throw error;
    });
    return page;
  };
}
